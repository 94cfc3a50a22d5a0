package org.lmobservatory.web;

import io.javalin.router.JavalinDefaultRouting;

/**
 * What a feature adds to the server — routes, before/after handlers, exception and error handlers — declared while
 * the server is configured ({@code config.router.mount}), never added to a built {@code Javalin}: Javalin 7 allows
 * routes only there, and the composition root can list every feature's part in one place, in order.
 */
@FunctionalInterface
public interface RouteSet {
    void register(JavalinDefaultRouting routing);
}
