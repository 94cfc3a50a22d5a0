package org.lmobservatory.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.plugin.Plugin;
import io.javalin.plugin.PluginPriority;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * HEAD for every GET route, answered by GET's own handler. Javalin's built-in HEAD only says 200 without running the
 * handler, so it had none of GET's header fields (ETag, Cache-Control, Content-Type, Content-Length, Link), which
 * RFC 9110 §9.3.2 asks for. Running the handler is what keeps the two identical, 304s and errors included; Jetty
 * sends no body for a HEAD request.
 *
 * <p>A plugin of {@link PluginPriority#LATE} priority because it must see every GET route: Javalin starts plugins
 * after the configuration block, so the routes the OpenAPI and Swagger plugins add only exist once those (normal
 * priority) plugins have started. It still runs inside {@code Javalin.create}, so nothing is added to a built app.
 */
public final class HeadRequests extends Plugin<Void> {
    @Override
    public PluginPriority priority() {
        return PluginPriority.LATE;
    }

    @Override
    public void onStart(JavalinConfig config) {
        // The router is the only place that lists every route, including those the OpenAPI and Swagger plugins add.
        List<Endpoint> endpoints = config.pvt.internalRouter.allHttpHandlers().stream().map(ParsedEndpoint::getEndpoint).toList();
        Set<String> withHead = endpoints.stream().filter(e -> e.getMethod() == HandlerType.HEAD).map(Endpoint::getPath).collect(Collectors.toSet());
        config.router.mount(routing -> {
            for (Endpoint get : endpoints) {
                if (get.getMethod() == HandlerType.GET && !withHead.contains(get.getPath())) routing.head(get.getPath(), get.getHandler());
            }
        });
    }
}
