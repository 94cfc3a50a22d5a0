package org.lmobservatory.widgets;

/** Escaping for text and attribute values in HTML and SVG (XML): the one place user-visible strings pass through. */
final class Markup {
    private Markup() {
    }

    static String escape(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters are not allowed in XML 1.0; a label should never hold one, so drop it.
                    if (c < 0x20 && c != '\n' && c != '\t') continue;
                    out.append(c);
                }
            }
        }
        return out.toString();
    }
}
