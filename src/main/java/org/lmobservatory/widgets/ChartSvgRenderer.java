package org.lmobservatory.widgets;

/**
 * Draws line charts, bar rankings and sparklines as self-contained SVG by string building: no script, no external
 * font or image, readable as a file, in an img tag or inline. Text sizes are estimated (no font metrics on the
 * server), so labels are wrapped and truncated generously. Accessibility: role="img" with title and desc that
 * say in words what the chart shows; colours are paired with dash patterns so series differ without colour.
 */
final class ChartSvgRenderer {
    private ChartSvgRenderer() {
    }

    /** A standalone chart (white background, own size); idPrefix keeps title/desc ids unique when inlined. */
    static String render(ChartModel m, String idPrefix) {
        return switch (m.type()) {
            case LINE -> LineChart.render(m, idPrefix);
            case BAR -> BarChart.render(m, idPrefix);
            case SPARKLINE -> Sparkline.render(m, idPrefix, 160, 40, true);
        };
    }
}
