package org.lmobservatory.widgets;

import org.lmobservatory.widgets.ChartModel.Series;
import org.lmobservatory.widgets.CollectedObservations.Cell;

import java.util.ArrayList;
import java.util.List;

import static org.lmobservatory.widgets.ChartFrame.*;
import static org.lmobservatory.widgets.Markup.escape;
import static org.lmobservatory.widgets.Svg.n;

final class Sparkline {
    private Sparkline() {
    }

    /** A word-less trend line: one series, no axes; inline in the widget (transparent) or on its own. */
    static String render(ChartModel m, String id, int width, int height, boolean background) {
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
            LinePath d = new LinePath();
            double lastX = 0;
            double lastY = 0;
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < count; i++) {
                Cell c = series.cells().get(i);
                if (!c.hasValue()) {
                    d.lift();
                    continue;
                }
                double px = count > 1 ? pad + i * (width - 2 * pad) / (count - 1) : width / 2.0;
                double py = height - pad - (c.value().doubleValue() - min) / (max - min) * (height - 2 * pad);
                d.to(px, py);
                lastX = px;
                lastY = py;
                // Invisible markers keep the points countable (and each one's value) without cluttering the line.
                points.append("<circle class=\"lmo-point\" cx=\"").append(n(px)).append("\" cy=\"").append(n(py))
                        .append("\" r=\"0\" data-period=\"").append(m.periods().get(i)).append("\" data-value=\"")
                        .append(c.value().toPlainString()).append("\"/>");
            }
            String colour = m.accent() != null ? m.accent() : PALETTE[0];
            svg.add("<g class=\"lmo-series\" data-series=\"" + escape(series.code()) + "\">"
                    + (d.isEmpty() ? "" : "<path class=\"lmo-line\" d=\"" + d + "\" fill=\"none\" stroke=\"" + colour
                    + "\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>")
                    + points
                    + (d.isEmpty() ? "" : "<circle cx=\"" + n(lastX) + "\" cy=\"" + n(lastY) + "\" r=\"3\" fill=\"" + colour + "\"/>")
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
}
