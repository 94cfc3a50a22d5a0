package org.lmobservatory.widgets;

import org.lmobservatory.catalogue.Code;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.catalogue.Measure;
import org.lmobservatory.observations.ObservationRow;
import org.lmobservatory.observations.SeriesKey;
import org.lmobservatory.web.Languages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.lmobservatory.widgets.ChartFrame.*;
import static org.lmobservatory.widgets.Markup.escape;
import static org.lmobservatory.widgets.Svg.n;
import static org.lmobservatory.widgets.TextLayout.truncate;

/**
 * A measure whose values are categories (an occupational barometer's shortage … surplus) has no axis to draw on: it
 * is drawn as a table of coloured cells, rows = areas (or series), columns = the other varying dimension when one
 * period is shown (occupations), else periods. Each cell also prints the category's number from the legend, so the
 * chart reads without colour; title and desc say in words how many cells fall in each category.
 */
final class CategoryGrid {
    static final int MAX_ROWS = 120;
    static final int MAX_COLUMNS = 60;
    /** Diverging, for ordered categories from one end (shortage) to the other (surplus); the middle one light. */
    private static final Map<Integer, String[]> DIVERGING = Map.of(
            2, new String[]{"#b2182b", "#2166ac"},
            3, new String[]{"#b2182b", "#e8e8e8", "#2166ac"},
            4, new String[]{"#b2182b", "#ef8a62", "#67a9cf", "#2166ac"},
            5, new String[]{"#b2182b", "#ef8a62", "#e8e8e8", "#67a9cf", "#2166ac"},
            6, new String[]{"#b2182b", "#ef8a62", "#fddbc7", "#d1e5f0", "#67a9cf", "#2166ac"},
            7, new String[]{"#b2182b", "#ef8a62", "#fddbc7", "#e8e8e8", "#d1e5f0", "#67a9cf", "#2166ac"});
    private static final String NONE = "#ffffff";

    /** rowLabels × columnLabels cells; a cell is the category's position (1…) or 0 without a value; flags per cell. */
    record Grid(String title, String subtitle, String lang, Measure measure, List<String> rowLabels, List<String> columnLabels,
                int[][] cells, String[][] flags, List<String> footer) {
    }

    private CategoryGrid() {
    }

    /** The category measure the collected series are of, if every one of them is of one such measure. */
    static Optional<Measure> measureOf(CollectedObservations obs) {
        Dataset d = obs.dataset();
        if (!d.hasCategories()) return Optional.empty();
        Set<Measure> measures = new LinkedHashSet<>();
        for (SeriesKey s : obs.series()) d.measureOf(s.codes()).ifPresent(measures::add);
        if (measures.size() != 1 || !measures.iterator().next().isCategory()) return Optional.empty();
        return Optional.of(measures.iterator().next());
    }

    static Grid from(CollectedObservations obs, Measure measure) {
        Dataset d = obs.dataset();
        String lang = obs.query().lang();
        WidgetTexts t = new WidgetTexts(lang);
        LocaleFormat f = new LocaleFormat(lang);
        List<LocalDate> periods = obs.periods();
        List<Dimension> varying = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        for (Dimension dim : d.dimensions()) {
            Set<String> codes = new LinkedHashSet<>();
            obs.series().forEach(s -> codes.add(s.codes().get(dim.position())));
            if (codes.size() > 1) varying.add(dim);
            else if (!codes.isEmpty()) fixed.add(Languages.pick(dim.label(), lang) + ": " + ChartModels.label(obs, dim, codes.iterator().next(), lang));
        }
        // One period and two varying dimensions: areas down, the other dimension (occupations) across.
        Dimension across = periods.size() == 1 && varying.size() >= 2
                ? varying.stream().filter(x -> !x.isGeo()).reduce((a, b) -> b).orElse(varying.get(varying.size() - 1)) : null;
        List<Dimension> down = varying.stream().filter(x -> !x.equals(across)).toList();
        if (down.isEmpty()) down = d.geoDimension().map(List::of).orElse(List.of(d.dimensions().get(0)));
        Map<String, Integer> rows = new LinkedHashMap<>();
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> rowLabels = new ArrayList<>();
        List<String> columnLabels = new ArrayList<>();
        int[] rowOf = new int[obs.series().size()];
        int[] columnOf = new int[obs.series().size()];
        for (int i = 0; i < obs.series().size(); i++) {
            SeriesKey key = obs.series().get(i);
            List<String> codes = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            for (Dimension dim : down) {
                codes.add(key.codes().get(dim.position()));
                parts.add(ChartModels.label(obs, dim, key.codes().get(dim.position()), lang));
            }
            String rowKey = String.join(",", codes);
            if (!rows.containsKey(rowKey)) {
                rows.put(rowKey, rows.size());
                rowLabels.add(String.join(", ", parts));
            }
            rowOf[i] = rows.get(rowKey);
            if (across != null) {
                String code = key.codes().get(across.position());
                if (!columns.containsKey(code)) {
                    columns.put(code, columns.size());
                    columnLabels.add(ChartModels.label(obs, across, code, lang));
                }
                columnOf[i] = columns.get(code);
            }
        }
        Map<LocalDate, Integer> periodIndex = new HashMap<>();
        if (across == null) {
            for (LocalDate p : periods) {
                periodIndex.put(p, periodIndex.size());
                columnLabels.add(f.period(d.frequency(), p));
            }
        }
        int[][] cells = new int[rowLabels.size()][columnLabels.size()];
        String[][] flags = new String[rowLabels.size()][columnLabels.size()];
        for (ObservationRow row : obs.rows()) {
            int r = rowOf[row.seriesIndex()];
            Integer c = across != null ? Integer.valueOf(columnOf[row.seriesIndex()]) : periodIndex.get(row.periodStart());
            if (c == null) continue;
            cells[r][c] = measure.category(row.value()).map(code -> measure.categories().indexOf(code) + 1).orElse(0);
            flags[r][c] = row.flags();
        }
        if (across != null) fixed.add(f.period(d.frequency(), periods.get(0)));
        fixed.add(t.get("unit") + ": " + Languages.pick(measure.unit().label(), lang));
        return new Grid(Languages.pick(d.title(), lang), String.join(" · ", fixed), lang, measure, rowLabels, columnLabels, cells, flags,
                ChartModels.sourceLines(obs, t, f));
    }

    static String render(Grid g, String id) {
        WidgetTexts t = new WidgetTexts(g.lang());
        Svg svg = new Svg();
        ChartModel frame = new ChartModel(ChartType.LINE, g.lang(), g.title(), g.subtitle(), null, null, 0, null, List.of(), List.of(),
                g.footer(), null);
        int y = header(svg, frame, WIDTH);
        List<Code> categories = g.measure().categories();
        String[] colours = colours(categories.size());
        y = legend(svg, g, categories, colours, y + 8);
        int rowLabelChars = Math.min(28, g.rowLabels().stream().mapToInt(String::length).max().orElse(4));
        double left = PAD + rowLabelChars * 7.0 + 10;
        double cellW = Math.max(14, Math.min(56, (WIDTH - PAD - left) / Math.max(1, g.columnLabels().size())));
        double cellH = 18;
        // Column headings turned by 45° when they do not fit across a cell.
        boolean turned = g.columnLabels().stream().anyMatch(l -> l.length() * 6.5 > cellW);
        double headH = turned ? Math.min(130, 10 + 6.2 * g.columnLabels().stream().mapToInt(l -> Math.min(22, l.length())).max().orElse(4)) : 22;
        double top = y + 12 + headH;
        for (int c = 0; c < g.columnLabels().size(); c++) {
            double cx = left + c * cellW + cellW / 2;
            String label = g.columnLabels().get(c);
            if (turned) {
                svg.add("<text x=\"" + n(cx) + "\" y=\"" + n(top - 6) + "\" font-size=\"11\" fill=\"" + INK + "\" transform=\"rotate(-45 " + n(cx)
                        + " " + n(top - 6) + ")\"><title>" + escape(label) + "</title>" + escape(truncate(label, 22)) + "</text>");
            } else {
                svg.text(cx, top - 6, 11, INK, "middle", label);
            }
        }
        int[] counts = new int[categories.size() + 1];
        for (int r = 0; r < g.rowLabels().size(); r++) {
            double ry = top + r * cellH;
            String label = g.rowLabels().get(r);
            svg.add("<text x=\"" + n(left - 6) + "\" y=\"" + n(ry + cellH - 5) + "\" font-size=\"12\" fill=\"" + INK + "\" text-anchor=\"end\">"
                    + (label.length() > 28 ? "<title>" + escape(label) + "</title>" : "") + escape(truncate(label, 28)) + "</text>");
            for (int c = 0; c < g.columnLabels().size(); c++) {
                int position = g.cells()[r][c];
                counts[position]++;
                double cx = left + c * cellW;
                String flags = g.flags()[r][c] == null ? "" : " (" + g.flags()[r][c] + ")";
                String text = position == 0 ? "– " + t.get("noValue") + flags
                        : Languages.pick(categories.get(position - 1).labels(), g.lang()) + flags;
                String fill = position == 0 ? NONE : colours[position - 1];
                svg.add("<rect class=\"lmo-cell\" data-category=\"" + (position == 0 ? "" : escape(categories.get(position - 1).id()))
                        + "\" x=\"" + n(cx + 1) + "\" y=\"" + n(ry + 1) + "\" width=\"" + n(cellW - 2) + "\" height=\"" + n(cellH - 2)
                        + "\" fill=\"" + fill + "\" stroke=\"" + GRID + "\"><title>" + escape(label + " · " + g.columnLabels().get(c) + ": " + text)
                        + "</title></rect>");
                svg.text(cx + cellW / 2, ry + cellH - 5, 10, position == 0 ? MUTED : ink(fill), "middle", position == 0 ? "–" : Integer.toString(position));
            }
        }
        double bottom = top + g.rowLabels().size() * cellH;
        List<CollectedObservations.Cell> shown = new ArrayList<>();
        for (String[] row : g.flags()) for (String fl : row) if (fl != null) shown.add(new CollectedObservations.Cell(null, fl));
        int height = footer(svg, frame, t, (int) bottom + 28, false, shown);
        StringBuilder desc = new StringBuilder(t.get("categoryGrid")).append(". ").append(g.subtitle()).append(". ")
                .append(t.get("categoryCounts")).append(": ");
        for (int i = 0; i < categories.size(); i++) {
            desc.append(i == 0 ? "" : "; ").append(Languages.pick(categories.get(i).labels(), g.lang())).append(' ').append(counts[i + 1]);
        }
        if (counts[0] > 0) desc.append("; ").append(t.get("noValue")).append(' ').append(counts[0]);
        return finish(g, id, svg, height, desc.append('.').toString());
    }

    /** Swatch, number and label of every category, wrapped across the width. */
    private static int legend(Svg svg, Grid g, List<Code> categories, String[] colours, int y) {
        double x = PAD;
        y += 14;
        for (int i = 0; i < categories.size(); i++) {
            String label = (i + 1) + " " + truncate(Languages.pick(categories.get(i).labels(), g.lang()), 32);
            double w = 22 + label.length() * 6.8 + 16;
            if (x + w > WIDTH - PAD && x > PAD) {
                x = PAD;
                y += 20;
            }
            svg.add("<rect x=\"" + n(x) + "\" y=\"" + n(y - 11) + "\" width=\"16\" height=\"14\" fill=\"" + colours[i] + "\" stroke=\"" + GRID + "\"/>");
            svg.text(x + 22, y, 12, INK, "start", label);
            x += w;
        }
        return y;
    }

    static String[] colours(int n) {
        if (DIVERGING.containsKey(n)) return DIVERGING.get(n);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) out[i] = PALETTE[i % PALETTE.length];
        return out;
    }

    /** Dark text on light cells, white on dark ones (relative luminance), for legible numbers. */
    private static String ink(String fill) {
        int rgb = Integer.parseInt(fill.substring(1), 16);
        double l = 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
        return l > 0.35 ? INK : "#ffffff";
    }

    private static double channel(int v) {
        double c = (v & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static String finish(Grid g, String id, Svg svg, int height, String desc) {
        int h = height + PAD / 2;
        StringBuilder out = new StringBuilder(svg.body.length() + 1024);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"lmo-chart lmo-chart-category-grid\" role=\"img\" aria-labelledby=\"")
                .append(id).append("-title ").append(id).append("-desc\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(h)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(h).append("\" font-family=\"").append(escape(FONT))
                .append("\" lang=\"").append(escape(g.lang())).append("\">");
        out.append("<title id=\"").append(id).append("-title\">").append(escape(g.title())).append("</title>");
        out.append("<desc id=\"").append(id).append("-desc\">").append(escape(desc)).append("</desc>");
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        out.append(svg.body).append("</svg>\n");
        return out.toString();
    }
}
