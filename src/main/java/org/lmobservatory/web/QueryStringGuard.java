package org.lmobservatory.web;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import org.lmobservatory.errors.ErrorKind;

import java.util.Map;

/**
 * Refuses a query string that cannot be read as sent, before any route sees it: a malformed percent-escape (Jetty
 * dropped the parameter, so {@code geo=%zz} silently answered with every area, and some routes answered 500), and a
 * NUL or other control character, which no code or date contains and PostgreSQL text cannot hold. The path gets the
 * same check: Javalin decodes path parameters with URLDecoder, which throws on a bad escape (a 500 found by
 * GeneratedHostileInputPropertyTest for {@code /v1/codelists/%}).
 */
public final class QueryStringGuard {
    private QueryStringGuard() {
    }

    public static void register(JavalinDefaultRouting routing) {
        routing.before(QueryStringGuard::check);
    }

    static void check(Context ctx) {
        String path = ctx.req().getRequestURI();
        String pathProblem = path == null ? null : problem(path);
        if (pathProblem != null) throw ErrorKind.INVALID_PARAMETER.error("The path cannot be read: " + pathProblem + ".", Map.of("parameter", "path"));
        String query = ctx.queryString();
        if (query == null) return;
        String problem = problem(query);
        if (problem != null) throw ErrorKind.INVALID_PARAMETER.error("The query string cannot be read: " + problem + ".", Map.of("parameter", "query"));
    }

    /** What is wrong with a raw query string, or null when every escape is well-formed and no control character is in it. */
    static String problem(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    return "'" + raw.substring(i, Math.min(raw.length(), i + 3)) + "' at position " + (i + 1)
                            + " is not a percent-escape (% and two hexadecimal digits; write a literal % as %25)";
                }
                int value = hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2));
                if (value < 0x20 || value == 0x7f) return "it contains an escaped control character (%" + raw.substring(i + 1, i + 3) + ")";
                i += 2;
            } else if (c < 0x20 || c == 0x7f) {
                return "it contains a control character";
            }
        }
        return null;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
}
