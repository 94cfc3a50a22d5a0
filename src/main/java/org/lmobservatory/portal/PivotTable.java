package org.lmobservatory.portal;

import org.lmobservatory.catalogue.Code;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.catalogue.Measure;
import org.lmobservatory.catalogue.Unit;
import org.lmobservatory.observations.ObservationRow;
import org.lmobservatory.observations.SeriesKey;
import org.lmobservatory.portal.Pages.Cell;
import org.lmobservatory.portal.Pages.Row;
import org.lmobservatory.portal.Pages.Table;
import org.lmobservatory.web.Languages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the cells of a selection into a table as PxWeb pivots it: one dimension (or time) across, every other
 * dimension that varies down the side, the ones with a single code said once above the table. Values in the page
 * language's number format with their measure's decimals; a withheld value says why, in words, with its flag.
 */
final class PivotTable {
    private final Dataset dataset;
    private final Map<String, Codelist> codelists;
    private final String lang;
    private final PortalTexts t;
    private final NumberFormat numbers;
    /** Flags that occur in the table, for its legend. */
    private final Set<Character> flagsSeen = new TreeSet<>();

    PivotTable(Dataset dataset, Map<String, Codelist> codelists, String lang) {
        this.dataset = dataset;
        this.codelists = codelists;
        this.lang = lang;
        this.t = new PortalTexts(lang);
        this.numbers = NumberFormat.getNumberInstance(Locale.forLanguageTag(lang));
        this.numbers.setRoundingMode(RoundingMode.HALF_UP);
    }

    Set<Character> flagsSeen() {
        return flagsSeen;
    }

    /**
     * A code's label; an area below its country also names the country ("North-West (Bulgaria)"), since regions of
     * five countries share names like North-West and Central.
     */
    String label(Dimension d, String code) {
        Codelist list = codelists.get(d.id());
        Optional<Code> c = list == null ? Optional.empty() : list.code(code);
        if (c.isEmpty()) return code;
        String label = labelOf(c.get());
        if (!d.isGeo()) return label;
        Code root = c.get();
        for (int hops = 0; root.parent() != null && list.code(root.parent()).isPresent() && hops < 10; hops++) {
            root = list.code(root.parent()).get();
        }
        return root == c.get() || !"country".equals(root.level()) ? label : label + " (" + labelOf(root) + ")";
    }

    private String labelOf(Code c) {
        String label = Languages.pick(c.labels(), lang);
        return label == null ? c.id() : label;
    }

    /** A dimension's label in the page language; its codelist's title, or its id, when the definition gives none. */
    String dimensionLabel(Dimension d) {
        String label = Languages.pick(d.label(), lang);
        if (label == null && codelists.get(d.id()) != null) label = Languages.pick(codelists.get(d.id()).title(), lang);
        return label == null ? d.id() : label;
    }

    String period(LocalDate p) {
        return dataset.frequency().label(p);
    }

    /** periods: every period of the selected range, so a period without any value still has its column or row. */
    Table build(List<SeriesKey> series, List<ObservationRow> rows, List<LocalDate> periods, String columns, String title) {
        List<Dimension> dims = dataset.dimensions();
        boolean timeAcross = DatasetSelection.TIME.equals(columns);
        int across = timeAcross ? -1 : dataset.dimension(columns).orElseThrow().position();
        Map<String, Map<LocalDate, ObservationRow>> bySeries = new HashMap<>();
        for (ObservationRow r : rows) {
            bySeries.computeIfAbsent(series.get(r.seriesIndex()).codes().toString(), k -> new HashMap<>()).put(r.periodStart(), r);
        }
        // Which dimensions vary decides which get a label column; the others are named once in "fixed".
        List<Integer> varying = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        for (Dimension d : dims) {
            if (d.position() == across) continue;
            Set<String> codes = new LinkedHashSet<>();
            series.forEach(s -> codes.add(s.codes().get(d.position())));
            if (codes.size() > 1) varying.add(d.position());
            else if (codes.size() == 1) fixed.add(dimensionLabel(d) + ": " + label(d, codes.iterator().next()));
        }
        boolean timeDown = !timeAcross && periods.size() > 1;
        if (!timeAcross && periods.size() == 1) fixed.add(t.get("time") + ": " + period(periods.get(0)));

        List<String> columnKeys = new ArrayList<>();
        List<String> columnHeaders = new ArrayList<>();
        if (timeAcross) {
            periods.forEach(p -> {
                columnKeys.add(p.toString());
                columnHeaders.add(period(p));
            });
        } else {
            Dimension d = dims.get(across);
            series.stream().map(s -> s.codes().get(across)).distinct().forEach(code -> {
                columnKeys.add(code);
                columnHeaders.add(label(d, code));
            });
        }
        List<String> rowHeaders = new ArrayList<>();
        varying.forEach(i -> rowHeaders.add(dimensionLabel(dims.get(i))));
        if (timeDown) rowHeaders.add(t.get("time"));
        if (rowHeaders.isEmpty()) rowHeaders.add(timeAcross ? t.get("table") : t.get("time"));

        // Rows in the order the series come (codelist order), each holding its cells by column key.
        Map<List<String>, Map<String, Cell>> table = new LinkedHashMap<>();
        Map<List<String>, List<String>> rowLabels = new LinkedHashMap<>();
        for (SeriesKey s : series) {
            Map<LocalDate, ObservationRow> cells = bySeries.getOrDefault(s.codes().toString(), Map.of());
            for (LocalDate p : periods) {
                List<String> key = new ArrayList<>();
                List<String> labels = new ArrayList<>();
                for (int i : varying) {
                    key.add(s.codes().get(i));
                    labels.add(label(dims.get(i), s.codes().get(i)));
                }
                if (timeDown) {
                    key.add(p.toString());
                    labels.add(period(p));
                }
                if (labels.isEmpty()) labels.add(timeAcross ? title : period(p));
                String column = timeAcross ? p.toString() : s.codes().get(across);
                table.computeIfAbsent(key, k -> new HashMap<>()).put(column, cell(s.codes(), cells.get(p)));
                rowLabels.putIfAbsent(key, labels);
            }
        }
        // Several series may fall into one row only through dimensions with one code, so each (row, column) is one cell.
        List<Row> out = new ArrayList<>();
        table.forEach((key, cells) -> {
            List<Cell> line = new ArrayList<>();
            for (String column : columnKeys) line.add(cells.getOrDefault(column, absent()));
            out.add(new Row(rowLabels.get(key), line));
        });
        return new Table(title, String.join("; ", fixed), rowHeaders, columnHeaders, out);
    }

    private Cell absent() {
        return new Cell("–", null, "absent");
    }

    Cell cell(List<String> seriesCodes, ObservationRow row) {
        if (row == null) return absent();
        String flags = row.flags() == null || row.flags().isBlank() ? null : row.flags();
        if (flags != null) flags.chars().forEach(c -> flagsSeen.add((char) c));
        if (row.value() == null) {
            if (flags != null && flags.indexOf('c') >= 0) return new Cell(t.get("confidential") + " (c)", without(flags, 'c'), "c");
            if (flags != null && flags.indexOf('m') >= 0) return new Cell(t.get("notAvailable") + " (m)", without(flags, 'm'), "m");
            return new Cell(t.get("notAvailable"), flags, "m");
        }
        return new Cell(value(seriesCodes, row.value()), flags, "value");
    }

    private static String without(String flags, char flag) {
        String rest = flags.replace(String.valueOf(flag), "");
        return rest.isEmpty() ? null : rest;
    }

    /** A category measure's value is the position of its code: shown as the code's label. */
    String value(List<String> seriesCodes, BigDecimal value) {
        var measure = dataset.measureOf(seriesCodes);
        if (measure.isPresent() && measure.get().isCategory()) {
            Measure m = measure.get();
            return m.category(value).map(this::labelOf).orElse(value.toPlainString());
        }
        Unit unit = dataset.unitOf(seriesCodes);
        int decimals = unit == null ? Math.max(0, value.scale()) : Math.max(0, unit.decimals());
        numbers.setMinimumFractionDigits(decimals);
        numbers.setMaximumFractionDigits(decimals);
        return numbers.format(value.setScale(decimals, RoundingMode.HALF_UP));
    }
}
