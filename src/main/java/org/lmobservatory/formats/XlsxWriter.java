package org.lmobservatory.formats;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Frequency;
import org.lmobservatory.catalogue.KosovoDesignation;
import org.lmobservatory.catalogue.Measure;
import org.lmobservatory.catalogue.Unit;
import org.lmobservatory.observations.ObservationQuery;
import org.lmobservatory.observations.ObservationResult;
import org.lmobservatory.observations.ObservationRow;
import org.lmobservatory.observations.OutputFormat;
import org.lmobservatory.observations.SeriesKey;
import org.lmobservatory.observations.TableOptions;
import org.lmobservatory.web.Languages;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * An Excel workbook with a Data sheet (the long or wide table of the CSV, values as numbers in their unit's decimals,
 * periods as years or months, a frozen and filtered header, printed landscape one page wide) and a Metadata sheet
 * (title, source, licence, release, unit, citation, legend of the flags that occur). Written with fastexcel, which
 * streams each sheet's rows to the response as they are flushed, so memory stays flat however many rows there are.
 */
public final class XlsxWriter implements ObservationWriter {
    private static final int FLUSH_EVERY_ROWS = 1_000;

    @Override
    public String contentType() {
        return OutputFormat.XLSX.contentType();
    }

    @Override
    public void write(ObservationResult result, OutputStream out) throws IOException {
        ObservationQuery q = result.query();
        Workbook wb = new Workbook(out, "Labour Market Observatory", "1.0");
        wb.properties().setTitle(Languages.pick(q.dataset().title(), q.lang())).setSubject(q.dataset().id())
                .setDescription(Citation.of(q.dataset(), result.release(), q.lang(), permanentUrl(result)));
        Worksheet data = wb.newWorksheet("Data");
        Table table = q.table().layout() == TableOptions.Layout.WIDE ? wide(result, data) : longTable(result, data);
        finishTable(data, table);
        data.finish();
        metadata(result, wb.newWorksheet("Metadata"), table.flagsSeen());
        wb.finish();
    }

    /** What was written to the Data sheet: its rows (the header included), its columns, the flags that occur. */
    private record Table(int rows, int columns, TreeSet<String> flagsSeen) {
    }

    /**
     * A filter on every column of the header, and a page setup that prints the table as people read it: landscape, as
     * wide as one page, the header repeated on every page.
     */
    private static void finishTable(Worksheet ws, Table table) {
        if (table.columns() > 0) ws.setAutoFilter(0, 0, Math.max(table.rows() - 1, 1), table.columns() - 1);
        ws.pageOrientation("landscape");
        ws.setFitToPage(true);
        ws.fitToWidth((short) 1);
        ws.fitToHeight((short) 0);
        ws.repeatRows(0);
    }

    private static Table longTable(ObservationResult result, Worksheet ws) throws IOException {
        List<CsvColumn> columns = CsvTable.longTable(result);
        header(ws, columns);
        RowCells cells = new RowCells(result.query());
        TreeSet<String> flagsSeen = new TreeSet<>();
        int r = 1;
        Iterator<ObservationRow> rows = result.rows().iterator();
        while (rows.hasNext()) {
            ObservationRow row = rows.next();
            SeriesKey key = result.series().get(row.seriesIndex());
            for (int c = 0; c < columns.size(); c++) {
                CsvColumn column = columns.get(c);
                if (column.role() == CsvColumn.Role.VALUE) {
                    String code = cells.categoryCode(key, row);
                    if (code != null) text(ws, r, c, code);
                    else if (row.value() != null) number(ws, r, c, row.value(), cells.unit(key));
                } else if (column.role() == CsvColumn.Role.TIME) {
                    period(ws, r, c, result.query().dataset().frequency(), row.periodStart());
                } else {
                    text(ws, r, c, cells.text(column, key, row));
                }
            }
            noteFlags(row, flagsSeen);
            if (++r % FLUSH_EVERY_ROWS == 0) ws.flush();
        }
        return new Table(r, columns.size(), flagsSeen);
    }

    /**
     * A period as a spreadsheet sorts and filters it: a year as a number, a month as a date shown yyyy-mm; a quarter,
     * which spreadsheets have no type for, as its SDMX text (2024-Q3), which sorts in time order too.
     */
    private static void period(Worksheet ws, int r, int c, Frequency frequency, LocalDate start) {
        switch (frequency) {
            case A -> {
                ws.value(r, c, start.getYear());
                ws.style(r, c).format("0").set();
            }
            case M -> {
                ws.value(r, c, start);
                ws.style(r, c).format("yyyy-mm").set();
            }
            case Q -> ws.value(r, c, frequency.label(start));
        }
    }

    private static Table wide(ObservationResult result, Worksheet ws) throws IOException {
        Periods periods = Periods.of(result.query(), result.release());
        List<CsvColumn> columns = CsvTable.wide(result.query(), periods);
        header(ws, columns);
        RowCells cells = new RowCells(result.query());
        TreeSet<String> flagsSeen = new TreeSet<>();
        int r = 1;
        WideRows rows = new WideRows(result, periods);
        while (rows.hasNext()) {
            WideRows.Row row = rows.next();
            for (int c = 0; c < columns.size(); c++) {
                CsvColumn column = columns.get(c);
                if (column.period() < 0) {
                    text(ws, r, c, cells.text(column, row.key(), null));
                    continue;
                }
                ObservationRow cell = row.cells()[column.period()];
                if (cell == null) continue;
                if (column.role() == CsvColumn.Role.VALUE) {
                    String code = cells.categoryCode(row.key(), cell);
                    if (code != null) text(ws, r, c, code);
                    else if (cell.value() != null) number(ws, r, c, cell.value(), cells.unit(row.key()));
                } else {
                    text(ws, r, c, cells.text(column, row.key(), cell));
                    noteFlags(cell, flagsSeen);
                }
            }
            if (++r % FLUSH_EVERY_ROWS == 0) ws.flush();
        }
        return new Table(r, columns.size(), flagsSeen);
    }

    private static void header(Worksheet ws, List<CsvColumn> columns) {
        for (int c = 0; c < columns.size(); c++) ws.value(0, c, columns.get(c).title());
        if (!columns.isEmpty()) ws.range(0, 0, 0, columns.size() - 1).style().bold().set();
        ws.freezePane(0, 1);
    }

    private static void metadata(ObservationResult result, Worksheet ws, TreeSet<String> flagsSeen) throws IOException {
        ObservationQuery q = result.query();
        Dataset d = q.dataset();
        SheetWords w = new SheetWords(q.lang());
        String[][] rows = {
                {w.get("Title"), Languages.pick(d.title(), q.lang())},
                {w.get("Dataset"), d.id()},
                {w.get("Description"), Languages.pick(d.description(), q.lang())},
                {w.get("Source"), d.source()},
                {w.get("Licence"), d.licence() + " (" + Citation.licenceUrl(d.licence()) + ")"},
                {w.get("Release"), Long.toString(result.release().id())},
                {w.get("Published"), result.release().publishedAt().toString()},
                {w.get("Unit"), Languages.pick(d.unit().label(), q.lang()) + " (" + d.unit().id() + ")"},
                {w.get("Unit multiplier"), "10^" + d.unit().multiplier()},
                {w.get("Decimals"), Integer.toString(d.unit().decimals())},
                {w.get("Language"), q.lang()},
                {w.get("Query"), q.canonicalQuery().toString()},
                {w.get("Citation"), Citation.of(d, result.release(), q.lang(), permanentUrl(result))},
                {w.get("Contact"), d.contact()},
        };
        int r = 0;
        for (String[] row : rows) {
            text(ws, r, 0, row[0]);
            text(ws, r, 1, row[1]);
            r++;
        }
        for (Measure m : d.measures().values()) {
            text(ws, r, 0, w.get("Unit of") + " " + m.code());
            text(ws, r++, 1, Languages.pick(m.unit().label(), q.lang()) + " (" + m.unit().id() + "; " + m.kind().id() + ", multiplier 10^"
                    + m.unit().multiplier() + ", " + m.unit().decimals() + " decimals)"
                    + (m.isCategory() ? "; values are codes of codelist " + m.codelist() + ": " + m.categories().stream()
                    .map(c -> c.id() + " = " + Languages.pick(c.labels(), q.lang())).collect(java.util.stream.Collectors.joining(", ")) : ""));
        }
        r++;
        text(ws, r, 0, w.get("Flag"));
        text(ws, r, 1, w.get("Meaning"));
        ws.range(r, 0, r, 1).style().bold().set();
        r++;
        for (String f : flagsSeen) {
            text(ws, r, 0, f);
            text(ws, r++, 1, Flags.meaning(f, q.lang()));
        }
        for (String warning : result.warnings()) {
            text(ws, ++r, 0, w.get("Warning"));
            text(ws, r, 1, warning);
        }
        var geo = d.geoDimension();
        if (geo.isPresent() && result.series().stream().anyMatch(s -> KosovoDesignation.isKosovo(s.codes().get(geo.get().position())))) {
            text(ws, ++r, 0, w.get("Note"));
            text(ws, r, 1, KosovoDesignation.footnote(q.lang()));
        }
        ws.range(0, 0, rows.length - 1 + d.measures().size(), 0).style().bold().set();
        ws.width(0, 18);
        ws.width(1, 100);
        ws.finish();
    }

    /** A number shown with its unit's decimals, so 5.0 % stays 5.0 rather than Excel's General 5. */
    private static void number(Worksheet ws, int r, int c, BigDecimal value, Unit unit) {
        ws.value(r, c, value);
        ws.style(r, c).format(numberFormat(unit.decimals())).set();
    }

    static String numberFormat(int decimals) {
        return decimals <= 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
    }

    private static void text(Worksheet ws, int r, int c, String text) {
        if (text != null && !text.isEmpty()) ws.value(r, c, text);
    }

    private static void noteFlags(ObservationRow row, TreeSet<String> flagsSeen) {
        if (row.flags() != null) for (char f : row.flags().toCharArray()) flagsSeen.add(String.valueOf(f));
    }

    /** The release-pinned URL of this response, when the service made one. */
    private static String permanentUrl(ObservationResult result) {
        return result.citation() == null ? null : result.citation().url();
    }
}
