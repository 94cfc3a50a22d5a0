package org.lmobservatory.web;

import org.lmobservatory.errors.ErrorKind;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Strict query-parameter handling: an unknown parameter is a 400, never silently ignored. */
public final class QueryParams {
    private QueryParams() {
    }

    public static void requireOnly(Context ctx, Set<String> allowed) {
        List<String> unknown = new ArrayList<>();
        for (String name : ctx.queryParamMap().keySet()) {
            if (!allowed.contains(name)) unknown.add(name);
        }
        if (!unknown.isEmpty()) {
            throw ErrorKind.UNKNOWN_PARAMETER.error(
                    "Unknown query parameter" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                            + ". Allowed here: " + String.join(", ", new TreeSet<>(allowed)) + ".",
                    Map.of("parameter", unknown, "allowed", new TreeSet<>(allowed)));
        }
    }

    /** The single value of a parameter; several values are an error, blank counts as absent. */
    public static String single(Context ctx, String name) {
        List<String> values = ctx.queryParams(name);
        if (values.isEmpty()) return null;
        if (values.size() > 1) {
            throw ErrorKind.REPEATED_PARAMETER.error("Parameter '" + name + "' may be given only once.");
        }
        String v = values.get(0).trim();
        return v.isEmpty() ? null : v;
    }

    public static String oneOf(Context ctx, String name, String fallback, Set<String> allowed) {
        String value = single(ctx, name);
        if (value == null) return fallback;
        if (!allowed.contains(value)) {
            throw ErrorKind.INVALID_PARAMETER.error(
                    "Parameter '" + name + "' must be one of " + String.join(", ", new TreeSet<>(allowed)) + "; got '" + value + "'.",
                    Map.of("parameter", name, "allowed", new TreeSet<>(allowed)));
        }
        return value;
    }

    /** Comma-separated and/or repeated values, trimmed, blanks dropped, order kept. */
    public static List<String> list(Context ctx, String name) {
        List<String> out = new ArrayList<>();
        for (String raw : ctx.queryParams(name)) {
            for (String part : raw.split(",")) {
                String v = part.trim();
                if (!v.isEmpty() && !out.contains(v)) out.add(v);
            }
        }
        return out;
    }
}
