package org.lmobservatory.web;

import org.lmobservatory.errors.ErrorKind;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;

/** Label languages we publish; any label missing in the asked language falls back to English. */
public final class Languages {
    public static final List<String> SUPPORTED = List.of("en", "sq", "sr", "fi", "sv", "bg", "pl", "cs");
    public static final String DEFAULT = "en";

    private Languages() {
    }

    public static String from(Context ctx) {
        String lang = QueryParams.single(ctx, "lang");
        if (lang == null) return DEFAULT;
        String normalised = lang.toLowerCase();
        if (!SUPPORTED.contains(normalised)) {
            throw ErrorKind.UNSUPPORTED_LANGUAGE.error(
                    "Language '" + lang + "' is not offered. Use one of " + String.join(", ", SUPPORTED) + ".",
                    Map.of("parameter", "lang", "allowed", SUPPORTED));
        }
        return normalised;
    }

    public static String pick(Map<String, String> labels, String lang) {
        if (labels == null || labels.isEmpty()) return null;
        String label = labels.get(lang);
        if (label != null) return label;
        label = labels.get(DEFAULT);
        return label != null ? label : labels.values().iterator().next();
    }
}
