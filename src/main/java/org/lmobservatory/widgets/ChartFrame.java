package org.lmobservatory.widgets;

import org.lmobservatory.widgets.ChartModel.Series;
import org.lmobservatory.widgets.CollectedObservations.Cell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import static org.lmobservatory.widgets.Markup.escape;
import static org.lmobservatory.widgets.Svg.n;
import static org.lmobservatory.widgets.TextLayout.wrap;

/**
 * What every chart shares: the style, the title block, the legend, the notes under the chart and the svg element with
 * its accessible title and description (in words: per series its first and latest value, or a ranking's order).
 */
final class ChartFrame {
    static final String[] PALETTE = {"#1f5fa8", "#c4501b", "#1b7f5b", "#7b3fa0", "#8a6d00", "#b8336a",
            "#4d4d4d", "#0e7c86", "#5c4bb3", "#9c5d00", "#2f6f2f", "#a33b3b"};
    static final String[] DASHES = {null, "8 4", "2 3", "10 3 2 3", "4 4", "1 2"};
    static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
    static final String INK = "#1d232a";
    static final String MUTED = "#4a5560";
    static final String GRID = "#d5dbe1";
    static final int WIDTH = 720;
    static final int PAD = 16;
    static final int LEGEND_LINE = 16;

    private ChartFrame() {
    }

    static int header(Svg svg, ChartModel m, int width) {
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

    static int noData(Svg svg, WidgetTexts t, int y) {
        y += 40;
        svg.text(WIDTH / 2.0, y, 15, MUTED, "middle", t.get("noData"));
        return y + 30;
    }

    /** Notes under the chart: gaps, the meaning of the flags among the cells shown, source and licence. */
    static int footer(Svg svg, ChartModel m, WidgetTexts t, int y, boolean gaps, List<Cell> shown) {
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
        if (shown.stream().anyMatch(ChartFrame::tentative)) notes.add(t.get("tentativeMarks") + ".");
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

    static String finish(ChartModel m, String id, Svg svg, int height, String kind, LocaleFormat f) {
        WidgetTexts t = new WidgetTexts(m.lang());
        String desc = kind + ". " + (m.subtitle() == null ? "" : m.subtitle() + ". ") + describeSeries(m, f, t);
        int h = height + PAD / 2;
        StringBuilder out = new StringBuilder(svg.body.length() + 1024);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"lmo-chart lmo-chart-").append(m.type().name().toLowerCase(Locale.ROOT))
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(h).append("\" width=\"").append(WIDTH).append("\" height=\"").append(h)
                .append("\" style=\"max-width:100%;height:auto\" font-family=\"").append(escape(FONT)).append("\" lang=\"").append(escape(m.lang())).append("\">");
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
                        .append(c.hasValue() ? m.withUnit(f, ranked.get(i), c.value()) : "– " + t.get("noValue"));
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

    static String value(ChartModel m, LocaleFormat f, Series s, int i) {
        return m.withUnit(f, s, s.cells().get(i).value());
    }

    static String flagSuffix(Cell c) {
        return c.flags() == null || c.flags().isEmpty() ? "" : " (" + c.flags() + ")";
    }

    /**
     * One entry per series, side by side while they fit; a long label wraps onto more lines instead of being cut, so
     * two series that differ only at the end of their names stay told apart.
     */
    static int legend(Svg svg, ChartModel m, int y) {
        double x = PAD;
        y += 16;
        int rowLines = 1;
        for (int s = 0; s < m.series().size(); s++) {
            List<String> lines = wrap(m.series().get(s).label(), WIDTH - 2 * PAD - 48, 7.0);
            int longest = lines.stream().mapToInt(String::length).max().orElse(0);
            double w = 30 + longest * 7.0 + 18;
            if (x + w > WIDTH - PAD && x > PAD) {
                x = PAD;
                y += 20 + LEGEND_LINE * (rowLines - 1);
                rowLines = 1;
            }
            String dash = DASHES[s % DASHES.length];
            svg.add("<line x1=\"" + n(x) + "\" x2=\"" + n(x + 24) + "\" y1=\"" + n(y - 4) + "\" y2=\"" + n(y - 4) + "\" stroke=\""
                    + PALETTE[s % PALETTE.length] + "\" stroke-width=\"3\"" + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>");
            for (int l = 0; l < lines.size(); l++) svg.text(x + 30, y + LEGEND_LINE * l, 13, INK, "start", lines.get(l));
            rowLines = Math.max(rowLines, lines.size());
            x += w;
        }
        return y + LEGEND_LINE * (rowLines - 1);
    }

    /** Provisional (p) and estimated (e) values: drawn hollow or pale, since an {@code <img>} never shows a {@code <title>}. */
    static boolean tentative(Cell c) {
        return c.flags() != null && (c.flags().indexOf('p') >= 0 || c.flags().indexOf('e') >= 0);
    }
}
