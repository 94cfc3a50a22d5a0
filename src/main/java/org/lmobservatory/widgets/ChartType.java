package org.lmobservatory.widgets;

import org.lmobservatory.errors.ErrorKind;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The charts chart.svg draws: a line per series over time, a ranking of series by their latest value, a sparkline. */
enum ChartType {
    LINE, BAR, SPARKLINE;

    static ChartType parse(String text) {
        if (text == null) return LINE;
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "line" -> LINE;
            case "bar" -> BAR;
            case "sparkline" -> SPARKLINE;
            default -> throw ErrorKind.INVALID_PARAMETER.error("type must be line, bar or sparkline; got '" + text + "'.",
                    Map.of("parameter", "type", "allowed", List.of("line", "bar", "sparkline")));
        };
    }
}
