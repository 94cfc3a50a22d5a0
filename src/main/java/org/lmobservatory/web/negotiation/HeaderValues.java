package org.lmobservatory.web.negotiation;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits list-valued header fields (RFC 9110 §5.6.1) on a separator that is not inside a quoted string, so a
 * parameter such as {@code profile="a,b"} or an entity tag {@code "x,y"} stays whole.
 */
final class HeaderValues {
    private HeaderValues() {
    }

    /** The non-blank, trimmed parts of text between unquoted separators. */
    static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        if (text == null) return parts;
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                part.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') quoted = !quoted;
            if (c == separator && !quoted) {
                add(parts, part);
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        add(parts, part);
        return parts;
    }

    /** A parameter value without its quotes and backslash escapes. */
    static String unquote(String value) {
        String v = value.trim();
        if (v.length() < 2 || v.charAt(0) != '"' || v.charAt(v.length() - 1) != '"') return v;
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < v.length() - 1; i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length() - 1) c = v.charAt(++i);
            out.append(c);
        }
        return out.toString();
    }

    /** A weight (q=) of 0 to 1 with at most three decimals; null when it is not one. */
    static Double quality(String text) {
        String q = text.trim();
        if (!q.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?")) return null;
        return Double.parseDouble(q);
    }

    private static void add(List<String> parts, StringBuilder part) {
        String p = part.toString().trim();
        if (!p.isEmpty()) parts.add(p);
    }
}
