package org.lmobservatory.loader.formats;

import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Our own long layout: one row per observation, a column per dimension, then time, value and optional flag. */
public final class LongCsvReader implements ObservationReader {
    private final CsvRecordReader csv;
    private int[] dimensionColumns;
    private int timeColumn;
    private int valueColumn;
    private int flagColumn = -1;
    private int width;
    private boolean unusable;

    public LongCsvReader(InputStream in) {
        this.csv = new CsvRecordReader(in, ',');
    }

    @Override
    public void open(Dataset dataset, ErrorSink errors) throws IOException {
        List<String> expected = new ArrayList<>();
        dataset.dimensions().forEach(d -> expected.add(d.id()));
        expected.addAll(List.of("time", "value"));
        String layout = String.join(",", expected) + "[,flag]";
        CsvRecordReader.CsvRecord header = readOrReport(errors);
        if (header == null) {
            if (errors.count() == 0) errors.add(0, null, "the file is empty; expected a header row " + layout);
            unusable = true;
            return;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).trim();
            if (index.put(name, i) != null) errors.add(header.line(), name, "column '" + name + "' appears twice in the header");
        }
        for (String name : index.keySet()) {
            if (!expected.contains(name) && !name.equals("flag")) {
                errors.add(header.line(), name, "unexpected column '" + name + "'; expected " + layout);
            }
        }
        dimensionColumns = new int[dataset.dimensions().size()];
        for (Dimension d : dataset.dimensions()) dimensionColumns[d.position()] = column(index, d.id(), header.line(), layout, errors);
        timeColumn = column(index, "time", header.line(), layout, errors);
        valueColumn = column(index, "value", header.line(), layout, errors);
        flagColumn = index.getOrDefault("flag", -1);
        width = header.fields().size();
        unusable = errors.count() > 0;
    }

    private static int column(Map<String, Integer> index, String name, int line, String layout, ErrorSink errors) {
        Integer i = index.get(name);
        if (i == null) {
            errors.add(line, name, "missing column '" + name + "'; expected " + layout);
            return -1;
        }
        return i;
    }

    @Override
    public RawObservation next(ErrorSink errors) throws IOException {
        if (unusable) return null;
        while (true) {
            CsvRecordReader.CsvRecord r = readOrReport(errors);
            if (r == null) return null;
            if (r.fields().size() != width) {
                errors.add(r.line(), null, "expected " + width + " fields as in the header, found " + r.fields().size());
                continue;
            }
            List<String> codes = new ArrayList<>(dimensionColumns.length);
            for (int c : dimensionColumns) codes.add(r.fields().get(c).trim());
            return new RawObservation(r.line(), codes, r.fields().get(timeColumn).trim(), r.fields().get(valueColumn).trim(),
                    flagColumn < 0 ? "" : r.fields().get(flagColumn).trim());
        }
    }

    private CsvRecordReader.CsvRecord readOrReport(ErrorSink errors) throws IOException {
        CsvRecordReader.CsvRecord r = csv.nextOrReport(errors);
        if (csv.malformed()) unusable = true;
        return r;
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
