package org.lmobservatory.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.lmobservatory.errors.ErrorKind;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * Errors that Jetty answers itself, before any Javalin handler runs: a URL or header block over the limit (414, 431),
 * a message that is not HTTP (400), or an error raised below Javalin's servlet. Jetty's default is an HTML page; an
 * API that promises RFC 9457 answers these as problem+json too. Also raises the request-line and header limits from
 * Jetty's 8 KB so that the codes per parameter promised at /v1/limits fit in a GET.
 */
public final class JettyProblems extends ErrorHandler {
    /** 5,000 codes of up to ~10 characters and a separator each, URL-encoded, with room for a second long parameter. */
    public static final int MAX_REQUEST_HEADER_BYTES = 64 * 1024;
    /** Responses repeat the query in Link (cite-as, describedby), so their headers may be as long as the request's. */
    public static final int MAX_RESPONSE_HEADER_BYTES = 64 * 1024;

    private final ObjectMapper json;
    private final String baseUrl;

    private JettyProblems(ObjectMapper json, String baseUrl) {
        this.json = json;
        this.baseUrl = baseUrl;
    }

    public static void install(JavalinConfig c, ObjectMapper json, String baseUrl) {
        JettyProblems handler = new JettyProblems(json, baseUrl);
        c.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
            http.setResponseHeaderSize(MAX_RESPONSE_HEADER_BYTES);
            // No "Server: Jetty(11…)" on answers that bypass Javalin.
            http.setSendServerVersion(false);
        });
        c.jetty.modifyServer(server -> server.setErrorHandler(handler));
        c.jetty.modifyServletContextHandler(context -> context.setErrorHandler(handler));
    }

    /** Parser errors (414, 431, malformed requests): there is no request object, only the status and Jetty's reason. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        if (HttpStatus.hasNoBody(status)) return ByteBuffer.allocate(0);
        fields.put(HttpHeader.CONTENT_TYPE, ProblemHandlers.CONTENT_TYPE);
        fields.put(new HttpField("X-Content-Type-Options", "nosniff"));
        fields.put(new HttpField("Access-Control-Allow-Origin", "*"));
        return ByteBuffer.wrap(problem(status, reason, null));
    }

    /** Errors raised inside Jetty's request handling (sendError below Javalin, an exception Javalin did not catch). */
    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response) throws IOException {
        baseRequest.setHandled(true);
        if (response.isCommitted()) return;
        int status = response.getStatus();
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        String instance = request.getQueryString() == null ? request.getRequestURI() : request.getRequestURI() + "?" + request.getQueryString();
        byte[] body = problem(status, message == null ? null : message.toString(), instance);
        response.setContentType(ProblemHandlers.CONTENT_TYPE);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private byte[] problem(int status, String reason, String instance) {
        ErrorKind kind = switch (status) {
            case 414 -> ErrorKind.URI_TOO_LONG;
            case 431 -> ErrorKind.HEADERS_TOO_LARGE;
            case 400 -> ErrorKind.MALFORMED_REQUEST;
            default -> null;
        };
        String detail = switch (status) {
            case 414 -> "The request line is longer than " + MAX_REQUEST_HEADER_BYTES + " bytes. Split the query (the limits are at /v1/limits).";
            case 431 -> "The request's header fields are larger than " + MAX_REQUEST_HEADER_BYTES + " bytes in total.";
            default -> reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
        };
        String slug = kind != null ? kind.slug() : "http-" + status;
        String title = kind != null ? kind.title() : HttpStatus.getMessage(status);
        // Jetty's reason is its own text ("URI too long", "Illegal character …"); JSON encoding keeps it inert.
        Problem problem = new Problem(baseUrl + "/problems/" + slug, title, status, detail, instance,
                reason == null || kind == null || status == 400 ? java.util.Map.of() : java.util.Map.of("reason", reason.toLowerCase(Locale.ROOT)));
        try {
            return json.writeValueAsBytes(problem);
        } catch (IOException e) {
            return ("{\"status\":" + status + "}").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
    }
}
