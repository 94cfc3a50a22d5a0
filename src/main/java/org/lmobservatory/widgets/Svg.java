package org.lmobservatory.widgets;

import java.util.Locale;

import static org.lmobservatory.widgets.Markup.escape;

/** An SVG drawing's body as it grows, with coordinates written the same way whatever the JVM's locale. */
final class Svg {
    final StringBuilder body = new StringBuilder(8192);

    void add(String element) {
        body.append(element);
    }

    void text(double x, double y, double size, String fill, String anchor, String text) {
        body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size))
                .append("\" fill=\"").append(fill).append('"');
        if (!"start".equals(anchor)) body.append(" text-anchor=\"").append(anchor).append('"');
        body.append('>').append(escape(text)).append("</text>");
    }

    /** Coordinates with at most one decimal and a dot, whatever the JVM's locale. */
    static String n(double v) {
        long r = Math.round(v * 10);
        return r % 10 == 0 ? Long.toString(r / 10) : String.format(Locale.ROOT, "%.1f", r / 10.0);
    }
}
