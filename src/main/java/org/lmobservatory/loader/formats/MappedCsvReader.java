package org.lmobservatory.loader.formats;

import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A data owner's CSV as it is — wide or long, any separator, encoding and decimal mark, names instead of codes —
 * read through a mapping file (see {@link CsvMapping} and README "Mapped CSV"). Streams line by line; a wide line
 * becomes one observation per measure or period column.
 */
public final class MappedCsvReader implements ObservationReader {
    private static final Pattern COMMA_DECIMAL = Pattern.compile("-?[\\d\\s\u00A0\u202F.]*,\\d+");

    private final InputStream in;
    private final Optional<Path> mappingFile;

    private CsvMapping mapping;
    private CsvRecordReader csv;
    private EncodingGuard guard;
    private int width;
    private int timeColumn = -1;
    private int flagColumn = -1;
    private int[] dimensionColumns;
    private LabelMatcher[] matchers;
    private final List<ValueColumn> valueColumns = new ArrayList<>();
    /** Per dimension matched by label: the text of a cell → its code, so each distinct name is matched once. */
    private final List<Map<String, String>> caches = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();
    private final Map<String, Optional<String>> periods = new HashMap<>();
    private final ArrayDeque<RawObservation> pending = new ArrayDeque<>();
    private String[] template;
    private boolean unusable = true;

    /** A column that holds values: the measure code or the period it stands for (null for a long file's value column). */
    private record ValueColumn(int index, String name, String measureCode, String period) {
    }

    public MappedCsvReader(InputStream in, Optional<Path> mappingFile) {
        this.in = in;
        this.mappingFile = mappingFile;
    }

    @Override
    public void open(Dataset dataset, ErrorSink errors) {
        throw new IllegalStateException("MappedCsvReader matches labels through the codelists: call open(dataset, codelists, errors)");
    }

    @Override
    public void open(Dataset dataset, List<Codelist> codelists, ErrorSink errors) throws IOException {
        if (mappingFile.isEmpty()) {
            errors.add(0, null, "the mapped-csv format needs a mapping file (--mapping mapping.json); see README, \"Mapped CSV\"");
            return;
        }
        mapping = CsvMapping.read(mappingFile.get(), dataset, codelists, errors);
        if (mapping == null) return;
        if (mapping.charset().equals(StandardCharsets.UTF_8)) {
            csv = new CsvRecordReader(in, mapping.separator());
        } else {
            // Undecodable bytes become U+FFFD, which the guard reports with the line they are on.
            var decoder = mapping.charset().newDecoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
            csv = new CsvRecordReader(new BufferedReader(new InputStreamReader(in, decoder), 1 << 16), mapping.separator());
        }
        guard = new EncodingGuard(mapping.charset());
        CsvRecordReader.CsvRecord header;
        do {
            header = read(errors);
        } while (header != null && header.line() < mapping.headerRow());
        if (header == null) {
            if (errors.count() == 0) errors.add(0, null, "no header row at or after line " + mapping.headerRow() + " (\"headerRow\" in " + mapping.file() + ")");
            return;
        }
        int before = errors.count();
        if (!clean(header, errors)) return;
        readHeader(dataset, codelists, header, errors);
        unusable = errors.count() > before;
    }

    private void readHeader(Dataset dataset, List<Codelist> codelists, CsvRecordReader.CsvRecord header, ErrorSink errors) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < header.fields().size(); i++) index.putIfAbsent(header.fields().get(i).trim(), i);
        width = header.fields().size();
        Set<String> used = new HashSet<>(mapping.ignored());
        int dims = dataset.dimensions().size();
        template = new String[dims];
        mapping.constants().forEach((position, code) -> template[position] = code);
        dimensionColumns = new int[dims];
        Arrays.fill(dimensionColumns, -1);
        matchers = new LabelMatcher[dims];
        for (int d = 0; d < dims; d++) caches.add(new HashMap<>());
        for (CsvMapping.ColumnDimension c : mapping.dimensions()) {
            int position = c.dimension().position();
            dimensionColumns[position] = column(index, c.column(), header, "$.dimensions", errors);
            used.add(c.column());
            if (c.byLabel()) matchers[position] = new LabelMatcher(codelists.get(position), c.language());
        }
        if (mapping.timeColumn() != null) {
            timeColumn = column(index, mapping.timeColumn(), header, "$.time.column", errors);
            used.add(mapping.timeColumn());
        }
        if (mapping.flagColumn() != null) {
            flagColumn = column(index, mapping.flagColumn(), header, "$.flag", errors);
            used.add(mapping.flagColumn());
        }
        if (mapping.valueColumn() != null) {
            valueColumns.add(new ValueColumn(column(index, mapping.valueColumn(), header, "$.value", errors), mapping.valueColumn(), null, null));
        }
        mapping.measureColumns().forEach((name, code) ->
                valueColumns.add(new ValueColumn(column(index, name, header, "$.measures.columns", errors), name, code, null)));
        if (mapping.timeInHeaders()) {
            for (Map.Entry<String, Integer> e : index.entrySet()) {
                // An unnamed column is what a trailing separator leaves; spreadsheets write them.
                if (used.contains(e.getKey()) || e.getKey().isEmpty()) continue;
                Optional<String> period = mapping.timeFormat().period(e.getKey());
                if (period.isEmpty()) {
                    errors.add(header.line(), e.getKey(), "column '" + e.getKey() + "' is not a period (" + mapping.timeFormat().describe()
                            + "); periods are in the column headers here, so list other columns under \"ignore\" in " + mapping.file());
                } else {
                    valueColumns.add(new ValueColumn(e.getValue(), e.getKey(), null, period.get()));
                }
            }
            if (valueColumns.isEmpty()) errors.add(header.line(), null, "no period columns in the header");
        }
    }

    private int column(Map<String, Integer> index, String name, CsvRecordReader.CsvRecord header, String mappingPath, ErrorSink errors) {
        Integer i = index.get(name);
        if (i == null) {
            errors.add(header.line(), name, "column '" + name + "' (" + mappingPath + " in " + mapping.file() + ") is not in the header; its columns are: "
                    + String.join(", ", index.keySet()));
            return -1;
        }
        return i;
    }

    @Override
    public RawObservation next(ErrorSink errors) throws IOException {
        while (pending.isEmpty()) {
            if (unusable) return null;
            CsvRecordReader.CsvRecord r = read(errors);
            if (r == null) return null;
            if (r.fields().size() != width) {
                errors.add(r.line(), null, "expected " + width + " fields as in the header, found " + r.fields().size()
                        + (r.fields().size() == 1 && width > 1 ? " (is the separator right? the mapping says '" + printable(mapping.separator()) + "')" : ""));
                continue;
            }
            if (!clean(r, errors)) return null;
            explode(r, errors);
        }
        return pending.poll();
    }

    /** Turns one line into its observations, or reports why it cannot. */
    private void explode(CsvRecordReader.CsvRecord r, ErrorSink errors) {
        List<String> f = r.fields();
        String[] codes = template.clone();
        boolean ok = true;
        for (int d = 0; d < codes.length; d++) {
            int c = dimensionColumns[d];
            if (c < 0) continue;
            String text = f.get(c).trim();
            if (matchers[d] == null || text.isEmpty()) {
                codes[d] = text;
                continue;
            }
            String code = caches.get(d).get(text);
            if (code == null) {
                LabelMatcher.Outcome outcome = matchers[d].match(text);
                if (outcome.code() == null) {
                    // One report per distinct name: a misspelt municipality would otherwise repeat on every month's line.
                    if (reported.add(d + "\u0000" + text)) {
                        errors.add(r.line(), columnName(d), columnName(d) + " " + outcome.problem() + "; later lines with this name are not reported again");
                    }
                    ok = false;
                    continue;
                }
                code = outcome.code();
                caches.get(d).put(text, code);
            }
            codes[d] = code;
        }
        String rowPeriod = null;
        if (timeColumn >= 0) {
            String text = f.get(timeColumn);
            Optional<String> p = periods.computeIfAbsent(text, mapping.timeFormat()::period);
            if (p.isEmpty()) {
                errors.add(r.line(), mapping.timeColumn(), mapping.timeColumn() + " '" + text + "' does not match " + mapping.timeFormat().describe());
                ok = false;
            } else {
                rowPeriod = p.get();
            }
        }
        if (!ok) return;
        String rowFlags = flagColumn < 0 ? "" : f.get(flagColumn).replace(" ", "").toLowerCase();
        for (ValueColumn v : valueColumns) {
            String[] key = codes;
            if (v.measureCode() != null) {
                key = codes.clone();
                key[mapping.measureDimension()] = v.measureCode();
            }
            String raw = f.get(v.index()).trim();
            String flags = rowFlags;
            String value;
            String marker = mapping.markers().get(raw);
            if (marker != null) {
                value = "";
                flags = union(flags, marker);
            } else if (raw.isEmpty()) {
                value = "";
                if (mapping.blankFlags().isEmpty() && flags.isEmpty()) {
                    errors.add(r.line(), v.name(), v.name() + " is empty; say what a blank cell means with \"blank\" in " + mapping.file()
                            + " (\"c\" suppressed at source, \"m\" missing)");
                    continue;
                }
                flags = union(flags, mapping.blankFlags());
            } else {
                value = number(raw, r.line(), v.name(), errors);
                if (value == null) continue;
            }
            pending.add(new RawObservation(r.line(), Arrays.asList(key), v.period() != null ? v.period() : rowPeriod, value, flags));
        }
    }

    private String columnName(int position) {
        for (CsvMapping.ColumnDimension c : mapping.dimensions()) if (c.dimension().position() == position) return c.column();
        return null;
    }

    private String number(String raw, int line, String column, ErrorSink errors) {
        String text = raw;
        if (mapping.decimalComma()) {
            text = text.replace(" ", "").replace("\u00A0", "").replace("\u202F", "");
            if (text.contains(",")) text = text.replace(".", "").replace(',', '.');
        }
        try {
            new BigDecimal(text);
            return text;
        } catch (NumberFormatException e) {
            String hint = !mapping.decimalComma() && COMMA_DECIMAL.matcher(raw).matches()
                    ? " (if ',' is the decimal mark, set \"decimalComma\": true in " + mapping.file() + ")" : "";
            errors.add(line, column, column + " '" + raw + "' is not a number" + hint);
            return null;
        }
    }

    private static String union(String a, String b) {
        StringBuilder out = new StringBuilder(a);
        for (char c : b.toCharArray()) if (out.indexOf(String.valueOf(c)) < 0) out.append(c);
        return out.toString();
    }

    /** False (and the file unusable) when a field shows that the declared encoding is wrong. */
    private boolean clean(CsvRecordReader.CsvRecord r, ErrorSink errors) {
        for (String field : r.fields()) {
            Optional<String> problem = guard.problem(field);
            if (problem.isPresent()) {
                errors.add(r.line(), null, problem.get());
                unusable = true;
                return false;
            }
        }
        return true;
    }

    private CsvRecordReader.CsvRecord read(ErrorSink errors) throws IOException {
        try {
            return csv.next();
        } catch (CsvRecordReader.MalformedCsvException e) {
            String hint = mapping.charset().equals(StandardCharsets.UTF_8)
                    ? "; if it is in another encoding, declare it in " + mapping.file() + " (\"encoding\": \"ISO-8859-1\" or \"windows-1250\")" : "";
            errors.add(e.line(), null, e.getMessage() + hint);
            unusable = true;
            return null;
        }
    }

    private static String printable(char c) {
        return c == '\t' ? "\\t" : String.valueOf(c);
    }

    @Override
    public void close() throws IOException {
        if (csv != null) csv.close();
        else in.close();
    }
}
