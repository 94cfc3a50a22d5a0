package org.lmobservatory.widgets;

import org.lmobservatory.errors.ErrorKind;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How an editor themes a widget from the query string: accent colour (hex), light, dark or auto (the reader's
 * system setting), and the font (the widget's system font stack, serif, or inherit from the embedding page).
 */
record WidgetTheme(String accent, String mode, String font) {
    static final WidgetTheme DEFAULT = new WidgetTheme("#1f5fa8", "light", "system");
    private static final Pattern HEX = Pattern.compile("#?([0-9a-fA-F]{6})");
    static final List<String> MODES = List.of("light", "dark", "auto");
    static final List<String> FONTS = List.of("system", "inherit", "serif");

    static WidgetTheme parse(String accent, String mode, String font) {
        String colour = DEFAULT.accent;
        if (accent != null) {
            var m = HEX.matcher(accent.trim());
            if (!m.matches()) {
                throw ErrorKind.INVALID_PARAMETER.error("accent must be a colour as six hex digits, e.g. accent=1f5fa8; got '"
                        + accent + "'.", Map.of("parameter", "accent"));
            }
            colour = "#" + m.group(1).toLowerCase(Locale.ROOT);
        }
        return new WidgetTheme(colour, oneOf("theme", mode, MODES), oneOf("font", font, FONTS));
    }

    private static String oneOf(String name, String value, List<String> allowed) {
        if (value == null) return allowed.get(0);
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw ErrorKind.INVALID_PARAMETER.error(name + " must be one of " + String.join(", ", allowed) + "; got '" + value + "'.",
                    Map.of("parameter", name, "allowed", allowed));
        }
        return v;
    }

    /** The accent as query value (without '#'), for links that rebuild the same widget. */
    String accentHex() {
        return accent.substring(1);
    }

    /** Black or white, whichever reads better on the accent colour (WCAG relative luminance). */
    String onAccent() {
        double l = luminance(accent);
        return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
    }

    static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
