package org.lmobservatory.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.JavalinDefaultRouting;
import org.lmobservatory.errors.DatabaseErrors;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.errors.LogThrottle;
import org.lmobservatory.errors.ObservatoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The one place where exceptions become RFC 9457 application/problem+json responses: an {@link ObservatoryException}
 * by its {@link ErrorKind}, a database failure by its SQLSTATE ({@link DatabaseErrors}), anything else as a logged 500
 * whose body never carries a stack trace.
 */
public final class ProblemHandlers implements RouteSet {
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger log = LoggerFactory.getLogger(ProblemHandlers.class);

    private final ObjectMapper json;
    private final String baseUrl;
    private final AllowedMethods allowedMethods;
    // An outage fails every request the same way: one line per interval, not one per request.
    private final LogThrottle databaseLog = new LogThrottle(log, 10);

    public ProblemHandlers(ObjectMapper json, String baseUrl, AllowedMethods allowedMethods) {
        this.json = json;
        this.baseUrl = baseUrl;
        this.allowedMethods = allowedMethods;
    }

    @Override
    public void register(JavalinDefaultRouting routing) {
        routing.exception(ObservatoryException.class, (e, ctx) -> write(ctx, e));
        routing.exception(HttpResponseException.class, (e, ctx) ->
                write(ctx, e.getStatus(), "http-" + e.getStatus(), e.getMessage(), e.getMessage(), Map.of()));
        routing.exception(Exception.class, (e, ctx) -> {
            var database = DatabaseErrors.translate(e);
            if (database.isPresent()) {
                // Expected under load or during a failover: one line in the log, not a stack trace per request.
                databaseLog.warn("{} on {} {}: {}", database.get().kind().slug(), ctx.method(), ctx.fullUrl(), e.toString());
                write(ctx, database.get());
                return;
            }
            log.error("Unhandled error on {} {}", ctx.method(), ctx.fullUrl(), e);
            write(ctx, ErrorKind.INTERNAL_ERROR.error(
                    "The server could not answer this request. It has been logged; please try again later."));
        });
        routing.error(404, ctx -> {
            if (!alreadyAnswered(ctx)) {
                write(ctx, ErrorKind.NOT_FOUND.error(
                        "No resource at " + ctx.path() + ". The API is described at /openapi.json and /docs."));
            }
        });
        routing.error(405, ctx -> {
            String allowed = allowedMethods.of(ctx.path());
            ctx.header("Allow", allowed);
            if (!alreadyAnswered(ctx)) {
                write(ctx, ErrorKind.METHOD_NOT_ALLOWED.error("Methods served here: " + allowed + "."));
            }
        });
    }

    /** A handler that answered the error itself (a problem, or e.g. a widget's HTML error page) keeps its answer. */
    private static boolean alreadyAnswered(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(CONTENT_TYPE) || ctx.resultInputStream() != null;
    }

    private void write(Context ctx, ObservatoryException e) {
        ErrorKind kind = e.kind();
        if (kind.retryAfterSeconds() > 0) ctx.header("Retry-After", Integer.toString(kind.retryAfterSeconds()));
        // RFC 6750: a 401 names the scheme the client should use (the publisher API's bearer tokens).
        if (kind == ErrorKind.UNAUTHORIZED) ctx.header("WWW-Authenticate", "Bearer realm=\"publish\"");
        // An unknown release may be one under embargo: the same request answers 200 from its instant on, so no cache
        // may keep this 404 (a CDN's default TTL for 404s would hide the release past the announced time).
        if (kind == ErrorKind.UNKNOWN_RELEASE) ctx.header("Cache-Control", "no-store");
        write(ctx, kind.status(), kind.slug(), kind.title(), e.detail(), e.extensions());
    }

    private void write(Context ctx, int status, String type, String title, String detail, Map<String, Object> extensions) {
        // The request id lets a user's report be matched with the access log line.
        Map<String, Object> withId = new java.util.LinkedHashMap<>(extensions);
        String requestId = Observability.requestId(ctx);
        if (!requestId.isEmpty()) withId.putIfAbsent("requestId", requestId);
        Problem problem = new Problem(baseUrl + "/problems/" + type, title, status, detail, instance(ctx), withId);
        try {
            ctx.status(status).contentType(CONTENT_TYPE).result(json.writeValueAsBytes(problem));
        } catch (Exception e) {
            ctx.status(status).contentType(CONTENT_TYPE).result("{\"status\":" + status + "}");
        }
    }

    private static String instance(Context ctx) {
        String query = ctx.queryString();
        return query == null ? ctx.path() : ctx.path() + "?" + query;
    }
}
