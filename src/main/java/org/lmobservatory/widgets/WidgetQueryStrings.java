package org.lmobservatory.widgets;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query string of a widget URL: written for the page's own URL and the iframe oEmbed hands out, and read back from
 * a widget URL pasted into a CMS (oEmbed gets that URL as one parameter, so no server has parsed its query yet).
 */
final class WidgetQueryStrings {
    private WidgetQueryStrings() {
    }

    /** Parameters in the given order; commas stay readable, as in compare=region,country. */
    static String encode(Map<String, String> params) {
        List<String> parts = new ArrayList<>();
        params.forEach((k, v) -> parts.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8).replace("%2C", ",")));
        return String.join("&", parts);
    }

    /** A raw query string as the server would have read it: repeated keys kept in order, a key without '=' is empty. */
    static Map<String, List<String>> decode(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return params;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return params;
    }
}
