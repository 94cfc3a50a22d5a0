package org.lmobservatory.graduates;

import org.lmobservatory.support.TestServer;

/** load-graduates against the shared test database, as Main wires it. */
final class GraduateTestSupport {
    private GraduateTestSupport() {
    }

    static GraduateLoader loader() {
        return new GraduateLoader(TestServer.publisher().owner(), TestServer.loader(), TestServer.publisher(), message -> { });
    }
}
