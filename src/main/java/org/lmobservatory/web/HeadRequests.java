package org.lmobservatory.web;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * HEAD for every GET route, answered by GET's own handler. Javalin's built-in HEAD only says 200 without running the
 * handler, so it had none of GET's header fields (ETag, Cache-Control, Content-Type, Content-Length, Link), which
 * RFC 9110 §9.3.2 asks for. Running the handler is what keeps the two identical, 304s and errors included; Jetty
 * sends no body for a HEAD request. Call it once every route (the plugins' too) is registered.
 */
public final class HeadRequests {
    private HeadRequests() {
    }

    public static void answerLikeGet(Javalin app) {
        // The router is the only place that lists every route, including those the OpenAPI and Swagger plugins add.
        List<Endpoint> endpoints = app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream().map(ParsedEndpoint::getEndpoint).toList();
        Set<String> withHead = endpoints.stream().filter(e -> e.getMethod() == HandlerType.HEAD).map(Endpoint::getPath).collect(Collectors.toSet());
        for (Endpoint get : endpoints) {
            if (get.getMethod() == HandlerType.GET && !withHead.contains(get.getPath())) app.head(get.getPath(), get.getHandler());
        }
    }
}
