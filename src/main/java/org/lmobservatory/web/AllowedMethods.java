package org.lmobservatory.web;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.InternalRouter;

import java.util.ArrayList;
import java.util.List;

/**
 * The methods a path answers, for Allow (405, preflight) and Access-Control-Allow-Methods: read from the router, so a
 * POST-only path such as …/observations/query says POST rather than the GET most paths take. Handlers are declared
 * inside Javalin.create, before the app exists, so the app is bound afterwards and read only at request time.
 */
public final class AllowedMethods {
    /** Paths without a route (a preflight may ask for any): what most of the API takes. */
    static final String READ = "GET, HEAD, OPTIONS";

    private volatile Javalin app;

    public void bind(Javalin app) {
        this.app = app;
    }

    String of(String path) {
        if (app == null) return READ;
        InternalRouter router = app.unsafeConfig().pvt.internalRouter;
        List<String> methods = new ArrayList<>();
        if (router.hasHttpHandlerEntry(HandlerType.GET, path)) {
            methods.add("GET");
            methods.add("HEAD");
        }
        if (router.hasHttpHandlerEntry(HandlerType.POST, path)) methods.add("POST");
        if (router.hasHttpHandlerEntry(HandlerType.DELETE, path)) methods.add("DELETE");
        if (methods.isEmpty()) return READ;
        methods.add("OPTIONS");
        return String.join(", ", methods);
    }
}
