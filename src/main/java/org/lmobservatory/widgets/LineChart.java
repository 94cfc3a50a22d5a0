package org.lmobservatory.widgets;

import org.lmobservatory.widgets.ChartModel.Series;
import org.lmobservatory.widgets.CollectedObservations.Cell;

import java.util.ArrayList;
import java.util.List;

import static org.lmobservatory.widgets.ChartFrame.*;
import static org.lmobservatory.widgets.Markup.escape;
import static org.lmobservatory.widgets.Svg.n;

/** A line per series over the periods, broken where a value is missing, with a value axis and period labels. */
final class LineChart {
    private LineChart() {
    }

    static String render(ChartModel m, String id) {
        WidgetTexts t = new WidgetTexts(m.lang());
        LocaleFormat f = new LocaleFormat(m.lang());
        Svg svg = new Svg();
        int y = header(svg, m, WIDTH);
        if (m.series().size() > 1) y = legend(svg, m, y + 4);
        if (m.isEmpty()) return finish(m, id, svg, noData(svg, t, y), t.get("lineChart"), f);

        ChartScale scale = ChartScale.of(values(m), m.decimals());
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
            LinePath d = new LinePath();
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < count; i++) {
                Cell c = series.cells().get(i);
                if (!c.hasValue()) {
                    d.lift();
                    continue;
                }
                double px = x.applyAsDouble(i);
                double py = scale.y(c.value().doubleValue(), top, bottom);
                d.to(px, py);
                String label = series.label() + ", " + f.period(m.frequency(), m.periods().get(i)) + ": "
                        + m.withUnit(f, series, c.value()) + flagSuffix(c);
                points.append("<circle class=\"lmo-point\" cx=\"").append(n(px)).append("\" cy=\"").append(n(py)).append("\" r=\"")
                        .append(count > 60 ? "2" : "3.5").append("\" fill=\"").append(tentative(c) ? "#ffffff" : colour)
                        .append(tentative(c) ? "\" stroke=\"" + colour + "\" stroke-width=\"2\" data-tentative=\"" + escape(c.flags()) : "")
                        .append("\" data-period=\"")
                        .append(m.periods().get(i)).append("\" data-value=\"").append(c.value().toPlainString()).append("\"><title>")
                        .append(escape(label)).append("</title></circle>");
            }
            String dash = DASHES[s % DASHES.length];
            svg.add("<g class=\"lmo-series\" data-series=\"" + escape(series.code()) + "\">"
                    + (d.isEmpty() ? "" : "<path class=\"lmo-line\" d=\"" + d + "\" fill=\"none\" stroke=\"" + colour
                    + "\" stroke-width=\"2.5\" stroke-linejoin=\"round\" stroke-linecap=\"round\""
                    + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>")
                    + points + "</g>");
            if (d.broken() || hasTrailingOrLeadingGap(series.cells())) gaps = true;
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

    private static List<Double> values(ChartModel m) {
        List<Double> values = new ArrayList<>();
        for (Series s : m.series()) for (Cell c : s.cells()) if (c.hasValue()) values.add(c.value().doubleValue());
        return values;
    }
}
