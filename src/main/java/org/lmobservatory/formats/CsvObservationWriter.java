package org.lmobservatory.formats;

import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.disclosure.DisclosureView;
import org.lmobservatory.observations.LabelMode;
import org.lmobservatory.observations.ObservationQuery;
import org.lmobservatory.observations.ObservationResult;
import org.lmobservatory.observations.ObservationRow;
import org.lmobservatory.observations.SeriesKey;
import org.lmobservatory.web.Languages;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * RFC 4180 CSV (UTF-8, CRLF, header row), one row per observation: codes and/or labels per dimension, time,
 * value, unit, flag and what the flag means. Values use '.' and no thousands separator so every spreadsheet
 * reads them as numbers.
 */
public final class CsvObservationWriter implements ObservationWriter {

    @Override
    public String contentType() {
        return "text/csv; charset=utf-8";
    }

    @Override
    public void write(ObservationResult result, OutputStream out) throws IOException {
        ObservationQuery q = result.query();
        Dataset d = q.dataset();
        LabelMode mode = q.labels();
        RowLabels labels = new RowLabels(q);
        String unit = Languages.pick(d.unit().label(), q.lang());
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        List<String> header = new ArrayList<>();
        for (Dimension dim : d.dimensions()) {
            if (mode.codes()) header.add(dim.id());
            if (mode.labels()) header.add(dim.id() + "_label");
        }
        header.addAll(List.of("time", "value", "unit", "flag", "flag_label"));
        // Only releases under disclosure control have a confidentiality status; other CSVs keep their columns.
        if (result.confidentiality()) header.addAll(List.of("conf_status", "conf_status_label"));
        writeRecord(w, header);
        List<String> record = new ArrayList<>(header.size());
        Iterator<ObservationRow> rows = result.rows().iterator();
        while (rows.hasNext()) {
            ObservationRow row = rows.next();
            SeriesKey key = result.series().get(row.seriesIndex());
            record.clear();
            for (Dimension dim : d.dimensions()) {
                String code = key.codes().get(dim.position());
                if (mode.codes()) record.add(code);
                if (mode.labels()) record.add(labels.label(dim.position(), code));
            }
            record.add(d.frequency().label(row.periodStart()));
            record.add(row.value() == null ? "" : row.value().toPlainString());
            record.add(unit);
            record.add(row.flags() == null ? "" : row.flags());
            record.add(Flags.describe(row.flags()));
            if (result.confidentiality()) {
                record.add(row.confStatus() == null ? "" : row.confStatus());
                record.add(row.confStatus() == null ? "" : DisclosureView.CONF_STATUS.getOrDefault(row.confStatus(), ""));
            }
            writeRecord(w, record);
        }
        w.flush();
    }

    static void writeRecord(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) w.write(',');
            writeField(w, fields.get(i));
        }
        w.write("\r\n");
    }

    static void writeField(Writer w, String field) throws IOException {
        if (field == null) return;
        boolean quote = false;
        for (int i = 0; i < field.length() && !quote; i++) {
            char c = field.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n' || c == ';';
        }
        if (!quote) {
            w.write(field);
            return;
        }
        w.write('"');
        w.write(field.replace("\"", "\"\""));
        w.write('"');
    }
}
