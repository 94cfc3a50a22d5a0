package org.lmobservatory.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** The one place where exceptions become RFC 9457 application/problem+json responses. */
public final class ProblemHandlers {
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger log = LoggerFactory.getLogger(ProblemHandlers.class);

    private final ObjectMapper json;
    private final String baseUrl;

    public ProblemHandlers(ObjectMapper json, String baseUrl) {
        this.json = json;
        this.baseUrl = baseUrl;
    }

    public void register(Javalin app) {
        app.exception(ProblemException.class, (e, ctx) ->
                write(ctx, e.status(), e.type(), e.title(), e.getMessage(), e.extensions()));
        app.exception(HttpResponseException.class, (e, ctx) ->
                write(ctx, e.getStatus(), "http-" + e.getStatus(), e.getMessage(), e.getMessage(), Map.of()));
        app.exception(Exception.class, (e, ctx) -> {
            log.error("Unhandled error on {} {}", ctx.method(), ctx.fullUrl(), e);
            write(ctx, 500, "internal-error", "Internal server error",
                    "The server could not answer this request. It has been logged; please try again later.", Map.of());
        });
        app.error(404, ctx -> {
            if (!alreadyAnswered(ctx)) {
                write(ctx, 404, "not-found", "Not found", "No resource at " + ctx.path() + ". The API is described at /openapi.json and /docs.", Map.of());
            }
        });
        app.error(405, ctx -> {
            if (!alreadyAnswered(ctx)) {
                write(ctx, 405, "method-not-allowed", "Method not allowed", "Only GET (and HEAD) are served here.", Map.of());
            }
        });
    }

    /** A handler that answered the error itself (a problem, or e.g. a widget's HTML error page) keeps its answer. */
    private static boolean alreadyAnswered(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(CONTENT_TYPE) || ctx.resultInputStream() != null;
    }

    private void write(Context ctx, int status, String type, String title, String detail, Map<String, Object> extensions) {
        Problem problem = new Problem(baseUrl + "/problems/" + type, title, status, detail, instance(ctx), extensions);
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
