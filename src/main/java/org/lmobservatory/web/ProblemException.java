package org.lmobservatory.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thrown anywhere a request cannot be answered; mapped to an RFC 9457 problem+json body in one place.
 * {@code type} is a short slug, resolved to a URI under /problems/ when rendered.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, Map.of());
    }

    public ProblemException(int status, String type, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.extensions = new LinkedHashMap<>(extensions);
    }

    public static ProblemException badRequest(String type, String detail) {
        return new ProblemException(400, type, "Bad request", detail);
    }

    public static ProblemException badRequest(String type, String detail, Map<String, Object> extensions) {
        return new ProblemException(400, type, "Bad request", detail, extensions);
    }

    public static ProblemException notFound(String type, String detail) {
        return new ProblemException(404, type, "Not found", detail);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
