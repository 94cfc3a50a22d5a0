package org.lmobservatory.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;

/**
 * Headers every answer carries because the API is open data read from anywhere: CORS for any origin (no cookies or
 * credentials exist, so nothing is exposed that a server-side fetch could not read), the headers a browser script
 * needs to see (ETag, Link, rate limits, the release), and nosniff so that no answer is ever run as another type.
 * Preflight requests are answered here, for every path, without reaching a route.
 */
public final class OpenDataHeaders {
    private static final String EXPOSED = "ETag, Last-Modified, Link, Content-Disposition, Retry-After, RateLimit, RateLimit-Policy, X-Release-Id, Age, Warning, X-Served-Stale, Deprecation";

    private OpenDataHeaders() {
    }

    public static void register(JavalinDefaultRouting routing, AllowedMethods allowed) {
        routing.before(ctx -> add(allowed, ctx));
    }

    private static void add(AllowedMethods allowed, Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Expose-Headers", EXPOSED);
        // Answered here rather than by an OPTIONS route on every path: such a route would turn every unknown path
        // into a 405 (the router prefers 405 over 404 when any method matches).
        if (ctx.method() == io.javalin.http.HandlerType.OPTIONS) {
            preflight(ctx, allowed.of(ctx.path()));
            ctx.skipRemainingHandlers();
        }
    }

    private static void preflight(Context ctx, String allowed) {
        ctx.header("Allow", allowed);
        ctx.header("Access-Control-Allow-Methods", allowed);
        // Content-Type: a JSON query body (POST …/observations/query) is not a CORS-safelisted type, so browsers ask first.
        ctx.header("Access-Control-Allow-Headers", "Accept, Accept-Language, Content-Type, If-None-Match, If-Modified-Since");
        ctx.header("Access-Control-Max-Age", "86400");
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
