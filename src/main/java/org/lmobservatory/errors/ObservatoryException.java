package org.lmobservatory.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A deliberate error: its {@link ErrorKind}, a detail for people, and extension members for programs. */
public class ObservatoryException extends RuntimeException {
    private final ErrorKind kind;
    private final Map<String, Object> extensions;

    public ObservatoryException(ErrorKind kind, String detail, Map<String, Object> extensions) {
        this(kind, detail, extensions, null);
    }

    public ObservatoryException(ErrorKind kind, String detail, Map<String, Object> extensions, Throwable cause) {
        super(detail, cause);
        this.kind = kind;
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public ErrorKind kind() {
        return kind;
    }

    public int status() {
        return kind.status();
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
