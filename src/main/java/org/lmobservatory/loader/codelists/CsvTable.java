package org.lmobservatory.loader.codelists;

import org.lmobservatory.loader.LoadErrors;
import org.lmobservatory.loader.formats.CsvRecordReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file with a header row, read record by record through the streaming {@link CsvRecordReader}: fields are
 * looked up by column name, and each row knows the line it started on (quoted fields may span lines).
 */
final class CsvTable implements AutoCloseable {
    /** One data row. */
    record Row(int line, List<String> fields, Map<String, Integer> index) {
        /** The trimmed field of the column, "" when the row is shorter than the header. */
        String get(String column) {
            Integer i = index.get(column);
            if (i == null) return "";
            return i < fields.size() ? fields.get(i).trim() : "";
        }

        boolean blank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    private final CsvRecordReader csv;
    private final LoadErrors errors;
    private final Map<String, Integer> index = new HashMap<>();
    private boolean usable = true;

    private CsvTable(InputStream in, char separator, LoadErrors errors) {
        this.csv = new CsvRecordReader(in, separator);
        this.errors = errors;
    }

    /** Opens the file and checks that the header has every required column; problems go to errors. */
    static CsvTable open(Path file, char separator, List<String> required, LoadErrors errors) throws IOException {
        CsvTable table = new CsvTable(Files.newInputStream(file), separator, errors);
        CsvRecordReader.CsvRecord header = table.read();
        if (header == null) {
            if (errors.count() == 0) errors.add(0, null, "the file is empty; expected a header row with " + String.join(", ", required));
            table.usable = false;
            return table;
        }
        for (int i = 0; i < header.fields().size(); i++) table.index.putIfAbsent(header.fields().get(i).trim(), i);
        for (String column : required) {
            if (!table.index.containsKey(column)) {
                errors.add(header.line(), column, "missing column; the header must name " + String.join(", ", required)
                        + " (separator '" + separator + "')");
                table.usable = false;
            }
        }
        return table;
    }

    /** Column names of the header in file order. */
    List<String> columns() {
        return index.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
    }

    /** The next row, or null at the end (or when the file cannot be read further). */
    Row next() throws IOException {
        if (!usable) return null;
        CsvRecordReader.CsvRecord r = read();
        return r == null ? null : new Row(r.line(), r.fields(), index);
    }

    private CsvRecordReader.CsvRecord read() throws IOException {
        try {
            return csv.next();
        } catch (CsvRecordReader.MalformedCsvException e) {
            errors.add(e.line(), null, e.getMessage());
            usable = false;
            return null;
        }
    }

    /** The separator a file's first line suggests: ';' for spreadsheet exports such as Eurostat's NUTS lists, else ','. */
    static char sniffSeparator(Path file) throws IOException {
        String first = firstLine(file);
        return first.chars().filter(c -> c == ';').count() > first.chars().filter(c -> c == ',').count() ? ';' : ',';
    }

    static String firstLine(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(8192), java.nio.charset.StandardCharsets.UTF_8);
            if (head.startsWith("\uFEFF")) head = head.substring(1);
            return head.lines().findFirst().orElse("");
        }
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
