package org.lmobservatory.widgets;

import org.lmobservatory.widgets.ChartModel.Series;
import org.lmobservatory.widgets.CollectedObservations.Cell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.lmobservatory.widgets.ChartFrame.*;
import static org.lmobservatory.widgets.Markup.escape;
import static org.lmobservatory.widgets.Svg.n;
import static org.lmobservatory.widgets.TextLayout.truncate;

/** A ranking: one bar per series for the latest period, largest first; a missing value says so in place. */
final class BarChart {
    private static final int LABEL_CHARS = 28;
    private static final double CHAR_WIDTH = 7.2;

    private BarChart() {
    }

    static String render(ChartModel m, String id) {
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
        ChartScale scale = ChartScale.of(values, m.decimals());
        // Labels wrap onto a second line rather than being cut ("Helsinki-Uusimaa employment a…" said nothing); only
        // what does not fit in two lines is shortened, with the whole label as the tooltip.
        int labelChars = 0;
        List<List<String>> labelLines = new ArrayList<>();
        for (Series s : ranked) {
            List<String> lines = TextLayout.wrap(s.label(), LABEL_CHARS * CHAR_WIDTH, CHAR_WIDTH).stream().map(l -> truncate(l, LABEL_CHARS)).toList();
            if (lines.size() > 2) lines = List.of(lines.get(0), truncate(String.join(" ", lines.subList(1, lines.size())), LABEL_CHARS));
            labelLines.add(lines);
            for (String line : lines) labelChars = Math.max(labelChars, Math.min(LABEL_CHARS, line.length()));
        }
        boolean twoLines = labelLines.stream().anyMatch(l -> l.size() > 1);
        double left = PAD + labelChars * CHAR_WIDTH + 12;
        double right = WIDTH - PAD - 72;
        double top = y + 16;
        double row = twoLines ? 38 : 26;
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
            List<String> lines = labelLines.get(i);
            StringBuilder label = new StringBuilder("<text x=\"" + n(left - 8) + "\" y=\"" + n(cy + 4 - 8 * (lines.size() - 1))
                    + "\" font-size=\"13\" fill=\"" + INK + "\" text-anchor=\"end\">");
            if (!String.join(" ", lines).equals(full)) label.append("<title>").append(escape(full)).append("</title>");
            for (int l = 0; l < lines.size(); l++) {
                label.append("<tspan x=\"").append(n(left - 8)).append("\"").append(l == 0 ? "" : " dy=\"16\"").append('>')
                        .append(escape(lines.get(l))).append("</tspan>");
            }
            svg.add(label.append("</text>").toString());
            if (!c.hasValue()) {
                svg.add("<text class=\"lmo-gap\" data-series=\"" + escape(s.code()) + "\" x=\"" + n(zero + 6) + "\" y=\"" + n(cy + 4)
                        + "\" font-size=\"12\" fill=\"" + MUTED + "\">" + escape("– " + t.get("noValue") + flagSuffix(c)) + "</text>");
                continue;
            }
            double v = scale.x(c.value().doubleValue(), left, right);
            double bx = Math.min(zero, v);
            double bw = Math.max(1, Math.abs(v - zero));
            String text = m.withUnit(f, s, c.value()) + flagSuffix(c);
            svg.add("<rect class=\"lmo-bar\" data-series=\"" + escape(s.code()) + "\" data-value=\"" + c.value().toPlainString() + "\" x=\""
                    + n(bx) + "\" y=\"" + n(cy - 8) + "\" width=\"" + n(bw) + "\" height=\"16\" fill=\"" + colour + "\""
                    + (tentative(c) ? " fill-opacity=\"0.35\" stroke=\"" + colour + "\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\" data-tentative=\""
                    + escape(c.flags()) + "\"" : "") + "><title>"
                    + escape(full + ": " + text) + "</title></rect>");
            svg.text(Math.max(v, zero) + 6, cy + 4, 12, INK, "start", text);
        }
        // A missing bar says "– no value" in place; the footer explains its flag, no note about gaps in lines.
        return finish(m, id, svg, footer(svg, m, t, (int) bottom + 40, false, ranked.stream().map(s -> s.cells().get(last)).toList()),
                t.get("barChart"), f);
    }
}
