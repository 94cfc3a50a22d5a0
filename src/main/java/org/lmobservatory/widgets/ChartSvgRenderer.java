package org.lmobservatory.widgets;

import org.lmobservatory.widgets.ChartModel.Series;
import org.lmobservatory.widgets.CollectedObservations.Cell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import static org.lmobservatory.widgets.Markup.escape;

/**
 * Draws line charts, bar rankings and sparklines as self-contained SVG by string building: no script, no external
 * font or image, readable as a file, in an img tag or inline. Text sizes are estimated (no font metrics on the
 * server), so labels are wrapped and truncated generously. Accessibility: role="img" with title and desc that
 * say in words what the chart shows; colours are paired with dash patterns so series differ without colour.
 */
final class ChartSvgRenderer {
    static final String[] PALETTE = {"#1f5fa8", "#c4501b", "#1b7f5b", "#7b3fa0", "#8a6d00", "#b8336a",
            "#4d4d4d", "#0e7c86", "#5c4bb3", "#9c5d00", "#2f6f2f", "#a33b3b"};
    private static final String[] DASHES = {null, "8 4", "2 3", "10 3 2 3", "4 4", "1 2"};
    private static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
    private static final String INK = "#1d232a";
    private static final String MUTED = "#4a5560";
    private static final String GRID = "#d5dbe1";
    private static final int WIDTH = 720;
    private static final int PAD = 16;

    private ChartSvgRenderer() {
    }

    /** A standalone chart (white background, own size); idPrefix keeps title/desc ids unique when inlined. */
    static String render(ChartModel m, String idPrefix) {
        return switch (m.type()) {
            case LINE -> line(m, idPrefix);
            case BAR -> bar(m, idPrefix);
            case SPARKLINE -> sparkline(m, idPrefix, 160, 40, true);
        };
    }

    // ---- line chart -------------------------------------------------------------------------------------------

    private static String line(ChartModel m, String id) {
        WidgetTexts t = new WidgetTexts(m.lang());
        LocaleFormat f = new LocaleFormat(m.lang());
        Svg svg = new Svg();
        int y = header(svg, m, WIDTH);
        if (m.series().size() > 1) y = legend(svg, m, y + 4);
        if (m.isEmpty()) return finish(m, id, svg, noData(svg, t, y), t.get("lineChart"), f);

        Scale scale = Scale.of(values(m), m.decimals());
        int labelChars = 0;
        for (double tick : scale.ticks) labelChars = Math.max(labelChars, f.number(tick, scale.decimals).length());
        double left = PAD + labelChars * 7.2 + 10;
        double right = WIDTH - PAD - 8;
        double top = y + 14;
        double bottom = top + 260;
        for (double tick : scale.ticks) {
            double ty = scale.y(tick, top, bottom);
            svg.add("<line x1=\"" + n(left) + "\" x2=\"" + n(right) + "\" y1=\"" + n(ty) + "\" y2=\"" + n(ty) + "\" stroke=\"" + GRID + "\""
                    + (tick == 0 ? " stroke-width=\"1.5\"" : "") + "/>");
            svg.text(left - 8, ty + 4, 12, MUTED, "end", f.number(tick, scale.decimals));
        }
        int count = m.periods().size();
        double step = count > 1 ? (right - left) / (count - 1) : 0;
        java.util.function.IntToDoubleFunction x = i -> count > 1 ? left + i * step : (left + right) / 2;
        int labelWidth = 0;
        for (var p : m.periods()) labelWidth = Math.max(labelWidth, f.periodShort(m.frequency(), p).length());
        int every = Math.max(1, (int) Math.ceil((labelWidth * 7.0 + 14) / Math.max(step, 1)));
        if (count == 1) every = 1;
        for (int i = 0; i < count; i++) {
            if (i % every != 0) continue;
            svg.add("<line x1=\"" + n(x.applyAsDouble(i)) + "\" x2=\"" + n(x.applyAsDouble(i)) + "\" y1=\"" + n(bottom) + "\" y2=\""
                    + n(bottom + 5) + "\" stroke=\"" + MUTED + "\"/>");
            svg.text(x.applyAsDouble(i), bottom + 19, 12, MUTED, "middle", f.periodShort(m.frequency(), m.periods().get(i)));
        }
        boolean gaps = false;
        for (int s = 0; s < m.series().size(); s++) {
            Series series = m.series().get(s);
            String colour = m.series().size() == 1 && m.accent() != null ? m.accent() : PALETTE[s % PALETTE.length];
            StringBuilder d = new StringBuilder();
            StringBuilder points = new StringBuilder();
            boolean previous = false;
            boolean seenValue = false;
            for (int i = 0; i < count; i++) {
                Cell c = series.cells().get(i);
                if (!c.hasValue()) {
                    previous = false;
                    continue;
                }
                if (seenValue && !previous) gaps = true;
                double px = x.applyAsDouble(i);
                double py = scale.y(c.value().doubleValue(), top, bottom);
                d.append(previous ? " L" : (d.length() == 0 ? "M" : " M")).append(n(px)).append(' ').append(n(py));
                previous = true;
                seenValue = true;
                String label = series.label() + ", " + f.period(m.frequency(), m.periods().get(i)) + ": "
                        + f.withUnit(c.value(), m.decimals(), m.unitId(), m.unitLabel()) + flagSuffix(c);
                points.append("<circle class=\"lmo-point\" cx=\"").append(n(px)).append("\" cy=\"").append(n(py)).append("\" r=\"")
                        .append(count > 60 ? "2" : "3.5").append("\" fill=\"").append(colour).append("\" data-period=\"")
                        .append(m.periods().get(i)).append("\" data-value=\"").append(c.value().toPlainString()).append("\"><title>")
                        .append(escape(label)).append("</title></circle>");
            }
            String dash = DASHES[s % DASHES.length];
            svg.add("<g class=\"lmo-series\" data-series=\"" + escape(series.code()) + "\">"
                    + (d.length() == 0 ? "" : "<path class=\"lmo-line\" d=\"" + d + "\" fill=\"none\" stroke=\"" + colour
                    + "\" stroke-width=\"2.5\" stroke-linejoin=\"round\" stroke-linecap=\"round\""
                    + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>")
                    + points + "</g>");
            if (hasTrailingOrLeadingGap(series.cells())) gaps = true;
        }
        int footerY = (int) bottom + 40;
        List<Cell> all = new ArrayList<>();
        m.series().forEach(s -> all.addAll(s.cells()));
        return finish(m, id, svg, footer(svg, m, t, footerY, gaps, all), t.get("lineChart"), f);
    }

    private static boolean hasTrailingOrLeadingGap(List<Cell> cells) {
        boolean any = cells.stream().anyMatch(Cell::hasValue);
        return any && cells.stream().anyMatch(c -> !c.hasValue());
    }

    private static int legend(Svg svg, ChartModel m, int y) {
        double x = PAD;
        y += 16;
        for (int s = 0; s < m.series().size(); s++) {
            String label = truncate(m.series().get(s).label(), 40);
            double w = 30 + label.length() * 7.0 + 18;
            if (x + w > WIDTH - PAD && x > PAD) {
                x = PAD;
                y += 20;
            }
            String dash = DASHES[s % DASHES.length];
            svg.add("<line x1=\"" + n(x) + "\" x2=\"" + n(x + 24) + "\" y1=\"" + n(y - 4) + "\" y2=\"" + n(y - 4) + "\" stroke=\""
                    + PALETTE[s % PALETTE.length] + "\" stroke-width=\"3\"" + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>");
            svg.text(x + 30, y, 13, INK, "start", label);
            x += w;
        }
        return y;
    }

    // ---- bar chart (ranking) ----------------------------------------------------------------------------------

    private static String bar(ChartModel m, String id) {
        WidgetTexts t = new WidgetTexts(m.lang());
        LocaleFormat f = new LocaleFormat(m.lang());
        Svg svg = new Svg();
        int y = header(svg, m, WIDTH);
        if (m.isEmpty()) return finish(m, id, svg, noData(svg, t, y), t.get("barChart"), f);
        int last = m.periods().size() - 1;
        List<Series> ranked = new ArrayList<>(m.series());
        ranked.sort(Comparator.comparing((Series s) -> s.cells().get(last).value(), Comparator.nullsLast(Comparator.reverseOrder())));
        List<Double> values = new ArrayList<>();
        ranked.forEach(s -> {
            if (s.cells().get(last).hasValue()) values.add(s.cells().get(last).value().doubleValue());
        });
        values.add(0.0);
        Scale scale = Scale.of(values, m.decimals());
        int labelChars = 0;
        for (Series s : ranked) labelChars = Math.max(labelChars, Math.min(28, s.label().length()));
        double left = PAD + labelChars * 7.2 + 12;
        double right = WIDTH - PAD - 72;
        double top = y + 16;
        double row = 26;
        double bottom = top + ranked.size() * row;
        for (double tick : scale.ticks) {
            double tx = scale.x(tick, left, right);
            svg.add("<line x1=\"" + n(tx) + "\" x2=\"" + n(tx) + "\" y1=\"" + n(top) + "\" y2=\"" + n(bottom) + "\" stroke=\"" + GRID + "\""
                    + (tick == 0 ? " stroke-width=\"1.5\"" : "") + "/>");
            svg.text(tx, bottom + 18, 12, MUTED, "middle", f.number(tick, scale.decimals));
        }
        String colour = m.accent() != null ? m.accent() : PALETTE[0];
        double zero = scale.x(0, left, right);
        for (int i = 0; i < ranked.size(); i++) {
            Series s = ranked.get(i);
            Cell c = s.cells().get(last);
            double cy = top + i * row + row / 2;
            String full = s.label();
            svg.add("<text x=\"" + n(left - 8) + "\" y=\"" + n(cy + 4) + "\" font-size=\"13\" fill=\"" + INK + "\" text-anchor=\"end\">"
                    + (full.length() > 28 ? "<title>" + escape(full) + "</title>" : "") + escape(truncate(full, 28)) + "</text>");
            if (!c.hasValue()) {
                svg.add("<text class=\"lmo-gap\" data-series=\"" + escape(s.code()) + "\" x=\"" + n(zero + 6) + "\" y=\"" + n(cy + 4)
                        + "\" font-size=\"12\" fill=\"" + MUTED + "\">" + escape("– " + t.get("noValue") + flagSuffix(c)) + "</text>");
                continue;
            }
            double v = scale.x(c.value().doubleValue(), left, right);
            double bx = Math.min(zero, v);
            double bw = Math.max(1, Math.abs(v - zero));
            String text = f.withUnit(c.value(), m.decimals(), m.unitId(), m.unitLabel()) + flagSuffix(c);
            svg.add("<rect class=\"lmo-bar\" data-series=\"" + escape(s.code()) + "\" data-value=\"" + c.value().toPlainString() + "\" x=\""
                    + n(bx) + "\" y=\"" + n(cy - 8) + "\" width=\"" + n(bw) + "\" height=\"16\" fill=\"" + colour + "\"><title>"
                    + escape(full + ": " + text) + "</title></rect>");
            svg.text(Math.max(v, zero) + 6, cy + 4, 12, INK, "start", text);
        }
        // A missing bar says "– no value" in place; the footer explains its flag, no note about gaps in lines.
        return finish(m, id, svg, footer(svg, m, t, (int) bottom + 40, false, ranked.stream().map(s -> s.cells().get(last)).toList()),
                t.get("barChart"), f);
    }

    // ---- sparkline --------------------------------------------------------------------------------------------

    /** A word-less trend line: one series, no axes; inline in the widget (transparent) or on its own. */
    static String sparkline(ChartModel m, String id, int width, int height, boolean background) {
        WidgetTexts t = new WidgetTexts(m.lang());
        LocaleFormat f = new LocaleFormat(m.lang());
        Svg svg = new Svg();
        if (!m.isEmpty()) {
            Series series = m.series().get(0);
            List<Double> values = new ArrayList<>();
            series.cells().forEach(c -> {
                if (c.hasValue()) values.add(c.value().doubleValue());
            });
            double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
            if (max == min) {
                max += 1;
                min -= 1;
            }
            double pad = 4;
            int count = m.periods().size();
            StringBuilder d = new StringBuilder();
            boolean previous = false;
            double lastX = 0;
            double lastY = 0;
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < count; i++) {
                Cell c = series.cells().get(i);
                if (!c.hasValue()) {
                    previous = false;
                    continue;
                }
                double px = count > 1 ? pad + i * (width - 2 * pad) / (count - 1) : width / 2.0;
                double py = height - pad - (c.value().doubleValue() - min) / (max - min) * (height - 2 * pad);
                d.append(previous ? " L" : (d.length() == 0 ? "M" : " M")).append(n(px)).append(' ').append(n(py));
                previous = true;
                lastX = px;
                lastY = py;
                // Invisible markers keep the points countable (and each one's value) without cluttering the line.
                points.append("<circle class=\"lmo-point\" cx=\"").append(n(px)).append("\" cy=\"").append(n(py))
                        .append("\" r=\"0\" data-period=\"").append(m.periods().get(i)).append("\" data-value=\"")
                        .append(c.value().toPlainString()).append("\"/>");
            }
            String colour = m.accent() != null ? m.accent() : PALETTE[0];
            svg.add("<g class=\"lmo-series\" data-series=\"" + escape(series.code()) + "\">"
                    + (d.length() == 0 ? "" : "<path class=\"lmo-line\" d=\"" + d + "\" fill=\"none\" stroke=\"" + colour
                    + "\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>")
                    + points
                    + (d.length() == 0 ? "" : "<circle cx=\"" + n(lastX) + "\" cy=\"" + n(lastY) + "\" r=\"3\" fill=\"" + colour + "\"/>")
                    + "</g>");
        }
        String title = m.title() + (m.series().isEmpty() ? "" : ": " + m.series().get(0).label());
        String desc = t.get("sparkline") + ". " + describeSeries(m, f, t);
        StringBuilder out = new StringBuilder(512);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"lmo-sparkline\" role=\"img\" aria-labelledby=\"")
                .append(id).append("-title ").append(id).append("-desc\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height).append("\" lang=\"")
                .append(escape(m.lang())).append("\">");
        out.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>");
        out.append("<desc id=\"").append(id).append("-desc\">").append(escape(desc)).append("</desc>");
        if (background) out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        out.append(svg.body).append("</svg>");
        return out.toString();
    }

    // ---- shared parts -----------------------------------------------------------------------------------------

    private static int header(Svg svg, ChartModel m, int width) {
        int y = PAD;
        for (String line : wrap(m.title(), width - 2 * PAD, 17 * 0.56)) {
            y += 21;
            svg.add("<text x=\"" + PAD + "\" y=\"" + y + "\" font-size=\"17\" font-weight=\"700\" fill=\"" + INK + "\">" + escape(line) + "</text>");
        }
        if (m.subtitle() != null && !m.subtitle().isBlank()) {
            y += 2;
            for (String line : wrap(m.subtitle(), width - 2 * PAD, 13 * 0.55)) {
                y += 18;
                svg.text(PAD, y, 13, MUTED, "start", line);
            }
        }
        return y;
    }

    private static int noData(Svg svg, WidgetTexts t, int y) {
        y += 40;
        svg.text(WIDTH / 2.0, y, 15, MUTED, "middle", t.get("noData"));
        return y + 30;
    }

    /** Notes under the chart: gaps, the meaning of the flags among the cells shown, source and licence. */
    private static int footer(Svg svg, ChartModel m, WidgetTexts t, int y, boolean gaps, List<Cell> shown) {
        List<String> notes = new ArrayList<>();
        if (gaps) notes.add(t.get("gaps") + ".");
        TreeSet<Character> flags = new TreeSet<>();
        for (Cell c : shown) if (c.flags() != null) for (char ch : c.flags().toCharArray()) flags.add(ch);
        if (!flags.isEmpty()) {
            StringBuilder legend = new StringBuilder(t.get("flags")).append(": ");
            boolean first = true;
            for (char ch : flags) {
                if (!first) legend.append(" · ");
                legend.append(ch).append(" = ").append(t.flag(ch));
                first = false;
            }
            notes.add(legend.toString());
        }
        notes.addAll(m.footer());
        for (String note : notes) {
            for (String line : wrap(note, WIDTH - 2 * PAD, 11.5 * 0.55)) {
                svg.text(PAD, y, 11.5, MUTED, "start", line);
                y += 15;
            }
            y += 2;
        }
        return y;
    }

    private static String finish(ChartModel m, String id, Svg svg, int height, String kind, LocaleFormat f) {
        WidgetTexts t = new WidgetTexts(m.lang());
        String desc = kind + ". " + (m.subtitle() == null ? "" : m.subtitle() + ". ") + describeSeries(m, f, t);
        int h = height + PAD / 2;
        StringBuilder out = new StringBuilder(svg.body.length() + 1024);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"lmo-chart lmo-chart-").append(m.type().name().toLowerCase(Locale.ROOT))
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(h).append("\" width=\"").append(WIDTH).append("\" height=\"").append(h)
                .append("\" font-family=\"").append(escape(FONT)).append("\" lang=\"").append(escape(m.lang())).append("\">");
        out.append("<title id=\"").append(id).append("-title\">").append(escape(m.title())).append("</title>");
        out.append("<desc id=\"").append(id).append("-desc\">").append(escape(desc)).append("</desc>");
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        out.append(svg.body).append("</svg>\n");
        return out.toString();
    }

    /** In words: per series its first and latest value; or, for a ranking, the order. Read by screen readers. */
    static String describeSeries(ChartModel m, LocaleFormat f, WidgetTexts t) {
        if (m.isEmpty()) return t.get("noData") + ".";
        StringBuilder out = new StringBuilder();
        if (m.type() == ChartType.BAR) {
            int last = m.periods().size() - 1;
            out.append(t.get("ranking", "period", f.period(m.frequency(), m.periods().get(last)))).append(": ");
            List<Series> ranked = new ArrayList<>(m.series());
            ranked.sort(Comparator.comparing((Series s) -> s.cells().get(last).value(), Comparator.nullsLast(Comparator.reverseOrder())));
            for (int i = 0; i < ranked.size(); i++) {
                if (i > 0) out.append("; ");
                Cell c = ranked.get(i).cells().get(last);
                out.append(i + 1).append(". ").append(ranked.get(i).label()).append(' ')
                        .append(c.hasValue() ? f.withUnit(c.value(), m.decimals(), m.unitId(), m.unitLabel()) : "– " + t.get("noValue"));
            }
            return out.append('.').toString();
        }
        for (Series s : m.series()) {
            int first = -1;
            int latest = -1;
            for (int i = 0; i < s.cells().size(); i++) {
                if (s.cells().get(i).hasValue()) {
                    if (first < 0) first = i;
                    latest = i;
                }
            }
            if (out.length() > 0) out.append(' ');
            out.append(s.label()).append(": ");
            if (first < 0) {
                out.append(t.get("noValue")).append('.');
                continue;
            }
            out.append(value(m, f, s, first)).append(" (").append(f.period(m.frequency(), m.periods().get(first))).append(")");
            if (latest != first) {
                out.append(" → ").append(value(m, f, s, latest)).append(" (").append(f.period(m.frequency(), m.periods().get(latest))).append(")");
            }
            out.append('.');
        }
        return out.toString();
    }

    private static String value(ChartModel m, LocaleFormat f, Series s, int i) {
        return f.withUnit(s.cells().get(i).value(), m.decimals(), m.unitId(), m.unitLabel());
    }

    private static List<Double> values(ChartModel m) {
        List<Double> values = new ArrayList<>();
        for (Series s : m.series()) for (Cell c : s.cells()) if (c.hasValue()) values.add(c.value().doubleValue());
        return values;
    }

    private static String flagSuffix(Cell c) {
        return c.flags() == null || c.flags().isEmpty() ? "" : " (" + c.flags() + ")";
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Greedy word wrap by estimated width (average glyph width × characters). */
    static List<String> wrap(String text, double width, double charWidth) {
        int max = Math.max(10, (int) (width / charWidth));
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > max) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }

    /** Coordinates with at most one decimal and a dot, whatever the JVM's locale. */
    static String n(double v) {
        long r = Math.round(v * 10);
        return r % 10 == 0 ? Long.toString(r / 10) : String.format(Locale.ROOT, "%.1f", r / 10.0);
    }

    /** A value axis with "nice" ticks (1, 2, 2.5, 5 × 10ⁿ) that starts at zero unless that would flatten the data. */
    static final class Scale {
        final double min;
        final double max;
        final List<Double> ticks = new ArrayList<>();
        final int decimals;

        private Scale(double min, double max, double step) {
            this.min = min;
            this.max = max;
            for (double v = min; v <= max + step / 2; v += step) ticks.add(Math.abs(v) < step / 1e6 ? 0 : v);
            int d = (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
            if (Math.abs(step / Math.pow(10, -d) - Math.rint(step / Math.pow(10, -d))) > 1e-6) d++;
            this.decimals = d;
        }

        static Scale of(List<Double> values, int datasetDecimals) {
            double lo = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double hi = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
            if (lo >= 0 && lo < 0.4 * hi) lo = 0;
            if (hi <= 0 && hi > 0.4 * lo) hi = 0;
            if (hi == lo) {
                double pad = hi == 0 ? 1 : Math.abs(hi) * 0.1;
                lo -= pad;
                hi += pad;
                if (values.stream().allMatch(v -> v >= 0) && lo < 0) lo = 0;
            }
            double step = nice((hi - lo) / 4);
            return new Scale(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step);
        }

        private static double nice(double raw) {
            double exponent = Math.floor(Math.log10(raw));
            double fraction = raw / Math.pow(10, exponent);
            double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
            return nice * Math.pow(10, exponent);
        }

        double y(double value, double top, double bottom) {
            return bottom - (value - min) / (max - min) * (bottom - top);
        }

        double x(double value, double left, double right) {
            return left + (value - min) / (max - min) * (right - left);
        }
    }

    /** The drawing's body as it grows. */
    private static final class Svg {
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
    }
}
