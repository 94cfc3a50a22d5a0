package org.lmobservatory.loader.formats;

import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.catalogue.Period;
import org.lmobservatory.loader.formats.CsvRecordReader.CsvRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SDMX-CSV, as the Eurostat API writes it (1.0: {@code DATAFLOW,LAST UPDATE,freq,…,TIME_PERIOD,OBS_VALUE,OBS_FLAG,
 * CONF_STATUS}) and as the 2.x field guide defines it ({@code STRUCTURE,STRUCTURE_ID,ACTION,…}: any field separator,
 * labels=both ("A: Label") and labels=name columns, decimal comma, multi-valued columns).
 * <p>
 * Columns are matched by id, case-insensitively, to the dataset's dimensions. Unmatched columns before OBS_VALUE are
 * dimensions the dataset lacks (each must hold one value); when there is no TIME_PERIOD column, the last of them is the
 * time dimension (SDMX puts the time dimension last). Unmatched columns after OBS_VALUE are attributes we do not
 * store. OBS_FLAG/OBS_STATUS give flags; CONF_STATUS C, D, A, N or S suppress the value (flag c, number dropped).
 * <p>
 * A file with an ACTION column is incremental: I, A, M and R insert or replace observations, D deletes them (an
 * empty code or period selects all), applied to the current release on publish.
 */
public final class SdmxCsvReader implements ObservationReader {
    private static final Set<String> IGNORED = Set.of("STRUCTURE", "STRUCTURE_ID", "STRUCTURE_NAME", "SERIES_KEY", "OBS_KEY",
            "DATAFLOW", "LAST UPDATE");
    private static final Set<String> ACTIONS = Set.of("I", "A", "M", "R", "D");
    private static final Set<String> SUPPRESSED = Set.of("C", "D", "A", "N", "S");
    private static final int PEEK = 1 << 16;

    private final BufferedReader reader;
    private Dataset dataset;
    private CsvRecordReader csv;
    private char separator;
    private String subDelimiter = "";
    private boolean labelsBoth;
    private boolean unusable;
    private int width;
    private int[] dimensionColumns;
    private int timeColumn = -1;
    private int valueColumn = -1;
    private int actionColumn = -1;
    private int confColumn = -1;
    private final List<Integer> flagColumns = new ArrayList<>();
    private int statusColumn = -1;
    private final List<Integer> attributeColumns = new ArrayList<>();
    private String[] names;
    private ConstantDimensions constants;
    private long droppedConfidential;
    private long ignoredAttributeDeletes;

    public SdmxCsvReader(InputStream stream) {
        this.reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), PEEK);
    }

    @Override
    public void open(Dataset dataset, ErrorSink errors) throws IOException {
        this.dataset = dataset;
        unusable = true;
        String first = peekFirstLine(errors);
        if (first == null) return;
        if (!readSeparator(first, errors)) return;
        csv = new CsvRecordReader(reader, separator);
        CsvRecord header = read(errors);
        if (header == null) return;
        width = header.fields().size();
        names = new String[width];
        for (int i = 0; i < width; i++) {
            String raw = header.fields().get(i).trim();
            if (raw.contains(": ")) labelsBoth = true;
            names[i] = componentId(raw);
        }
        classify(dataset, header.line(), errors);
        unusable = errors.count() > 0;
    }

    private String peekFirstLine(ErrorSink errors) throws IOException {
        reader.mark(PEEK);
        StringBuilder line = new StringBuilder();
        try {
            int c;
            while (line.length() < PEEK - 1 && (c = reader.read()) != -1 && c != '\n' && c != '\r') line.append((char) c);
        } catch (CharacterCodingException e) {
            errors.add(1, null, "the file is not valid UTF-8 here; save it as UTF-8");
            return null;
        }
        reader.reset();
        if (line.length() > 0 && line.charAt(0) == '\uFEFF') line.deleteCharAt(0);
        if (line.toString().isBlank()) {
            errors.add(0, null, "the file is empty; expected an SDMX-CSV header starting with STRUCTURE or DATAFLOW");
            return null;
        }
        return line.toString();
    }

    /** The field guide: the separator is the character after STRUCTURE (or STRUCTURE[sub-delimiter]). */
    private boolean readSeparator(String header, ErrorSink errors) {
        String upper = header.toUpperCase(Locale.ROOT);
        int at;
        if (upper.startsWith("STRUCTURE")) {
            at = "STRUCTURE".length();
            if (at < header.length() && header.charAt(at) == '[') {
                int close = header.indexOf(']', at);
                if (close < 0) {
                    errors.add(1, "STRUCTURE", "'" + header.substring(0, Math.min(header.length(), 20)) + "…': the sub-delimiter bracket is never closed");
                    return false;
                }
                subDelimiter = header.substring(at + 1, close);
                at = close + 1;
            }
        } else if (upper.startsWith("DATAFLOW")) {
            at = "DATAFLOW".length();
        } else {
            errors.add(1, null, "not SDMX-CSV: the first column must be STRUCTURE (SDMX-CSV 2.x) or DATAFLOW (SDMX-CSV 1.0)");
            return false;
        }
        if (at >= header.length() || Character.isLetterOrDigit(header.charAt(at)) || header.charAt(at) == '"') {
            errors.add(1, null, "cannot tell the field separator: expected one right after the first column header");
            return false;
        }
        separator = header.charAt(at);
        return true;
    }

    /** "DIM_1: Dimension 1" → DIM_1; "ATTR_1[]" or "ATTR_1[en;fr]" → ATTR_1. */
    private static String componentId(String header) {
        String id = header;
        int label = id.indexOf(": ");
        if (label >= 0) id = id.substring(0, label);
        if (id.endsWith("]") && id.indexOf('[') > 0) id = id.substring(0, id.indexOf('['));
        return id.trim();
    }

    private void classify(Dataset dataset, int headerLine, ErrorSink errors) {
        boolean labelsName = Arrays.stream(names).anyMatch(n -> n.equalsIgnoreCase("STRUCTURE_NAME"));
        for (int i = 0; i < width; i++) {
            if (names[i].equalsIgnoreCase("OBS_VALUE")) {
                valueColumn = i;
                break;
            }
        }
        Map<String, Dimension> byId = new HashMap<>();
        dataset.dimensions().forEach(d -> byId.put(d.id(), d));
        dimensionColumns = new int[dataset.dimensions().size()];
        Arrays.fill(dimensionColumns, -1);
        List<String> extraNames = new ArrayList<>();
        List<Integer> extraColumns = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            String upper = names[i].toUpperCase(Locale.ROOT);
            if (IGNORED.contains(upper)) continue;
            switch (upper) {
                case "ACTION" -> actionColumn = i;
                case "TIME_PERIOD" -> timeColumn = i;
                case "OBS_VALUE" -> { /* found above */ }
                case "OBS_FLAG" -> flagColumns.add(i);
                case "OBS_STATUS" -> {
                    flagColumns.add(i);
                    statusColumn = i;
                }
                case "CONF_STATUS" -> confColumn = i;
                default -> {
                    Dimension d = byId.get(names[i].toLowerCase(Locale.ROOT));
                    if (d != null) {
                        if (dimensionColumns[d.position()] >= 0) errors.add(headerLine, names[i], "column '" + names[i] + "' appears twice in the header");
                        dimensionColumns[d.position()] = i;
                    } else if (valueColumn < 0 || i < valueColumn) {
                        extraNames.add(names[i]);
                        extraColumns.add(i);
                    } else {
                        attributeColumns.add(i);
                    }
                }
            }
            // labels=name: each component column is followed by a column of its localised name.
            if (labelsName && !upper.equals("ACTION")) i++;
        }
        if (timeColumn < 0) {
            if (extraColumns.isEmpty()) {
                errors.add(headerLine, "TIME_PERIOD", "no TIME_PERIOD column, and no column left over for the time dimension; dataset "
                        + dataset.id() + " has dimensions " + dataset.dimensions().stream().map(Dimension::id).toList() + " plus time");
            } else {
                timeColumn = extraColumns.remove(extraColumns.size() - 1);
                extraNames.remove(extraNames.size() - 1);
            }
        }
        for (Dimension d : dataset.dimensions()) {
            if (dimensionColumns[d.position()] < 0) {
                errors.add(headerLine, d.id(), "no column for dimension '" + d.id() + "' of dataset " + dataset.id()
                        + "; the file's columns are " + String.join(", ", names));
            }
        }
        if (valueColumn < 0 && actionColumn < 0) errors.add(headerLine, "OBS_VALUE", "no OBS_VALUE column");
        constants = new ConstantDimensions(dataset.id(), extraNames, extraColumns.stream().mapToInt(Integer::intValue).toArray());
    }

    @Override
    public RawObservation next(ErrorSink errors) throws IOException {
        if (unusable) return null;
        while (true) {
            CsvRecord r = read(errors);
            if (r == null) return null;
            if (r.fields().size() != width) {
                errors.add(r.line(), null, "expected " + width + " fields as in the header, found " + r.fields().size()
                        + " (field separator '" + separator + "')");
                continue;
            }
            RawObservation o = observation(r, errors);
            if (o != null) return o;
        }
    }

    private RawObservation observation(CsvRecord r, ErrorSink errors) {
        String action = null;
        if (actionColumn >= 0) {
            action = code(r, actionColumn).toUpperCase(Locale.ROOT);
            if (action.isEmpty()) action = "M"; // the field guide's default action
            if (!ACTIONS.contains(action)) {
                errors.add(r.line(), "ACTION", "ACTION '" + action + "' is unknown; use I or M (merge), R (replace) or D (delete)");
                return null;
            }
        }
        boolean delete = "D".equals(action);
        if (!constants.check(r.line(), c -> delete && code(r, c).isEmpty() ? null : code(r, c), errors)) return null;
        List<String> codes = new ArrayList<>(dimensionColumns.length);
        for (int c : dimensionColumns) codes.add(code(r, c));
        String timeText = code(r, timeColumn);
        String time = timeText.isEmpty() ? "" : Period.parse(timeText, dataset.frequency()).map(Period::label).orElse(timeText);
        String value = valueColumn < 0 ? "" : value(r.fields().get(valueColumn));
        String flags = flags(r);
        String conf = confColumn < 0 ? "" : code(r, confColumn).toUpperCase(Locale.ROOT);
        if (delete) return deletion(r, codes, time, value, flags, conf, errors);
        boolean suppressed = SUPPRESSED.contains(conf);
        if (!suppressed && !conf.isEmpty() && !conf.equals("F")) {
            errors.add(r.line(), "CONF_STATUS", "CONF_STATUS '" + conf + "' is unknown; F (free) publishes the value, "
                    + "C, D, A, N and S (not for publication) suppress it");
            return null;
        }
        if (suppressed) {
            // The number must never reach the public; the source's own mistake is counted in the report, not fatal.
            if (!value.isEmpty()) droppedConfidential++;
            value = "";
            if (flags.indexOf('c') < 0) flags = flags + "c";
        } else if (value.isEmpty()) {
            flags = MissingValues.flagsOfMissing(flags);
        }
        return new RawObservation(r.line(), codes, time, value, flags, action);
    }

    /**
     * A D row deletes whole observations when it marks OBS_VALUE or marks nothing at all. Marking only attributes
     * deletes just those values: a no-op for attributes we do not store, unsupported for the flags we do.
     */
    private RawObservation deletion(CsvRecord r, List<String> codes, String time, String value, String flags, String conf,
                                    ErrorSink errors) {
        boolean attributeMarked = !flags.isEmpty() || !conf.isEmpty()
                || attributeColumns.stream().anyMatch(c -> !r.fields().get(c).isBlank());
        if (value.isEmpty() && attributeMarked) {
            if (!flags.isEmpty() || !conf.isEmpty()) {
                errors.add(r.line(), confColumn >= 0 && !conf.isEmpty() ? "CONF_STATUS" : names[flagColumns.get(0)],
                        "deleting only the flags of observations is not supported; a D row deletes whole observations: mark OBS_VALUE"
                                + " (e.g. with '-') or leave every non-dimension column empty");
                return null;
            }
            ignoredAttributeDeletes++;
            return null;
        }
        return new RawObservation(r.line(), codes, time, "", "", "D");
    }

    /** A coded value: with labels=both "A: Label" is the code A. */
    private String code(CsvRecord r, int column) {
        String v = r.fields().get(column).trim();
        if (labelsBoth) {
            int label = v.indexOf(": ");
            if (label >= 0) v = v.substring(0, label).trim();
        }
        return v;
    }

    /** Decimal comma when the fields are not comma-separated (localised files); NaN and #N/A are "intentionally missing". */
    private String value(String field) {
        String v = field.trim();
        if (v.equals("NaN") || v.equals("#N/A")) return "";
        if (separator != ',' && v.matches("[-+]?\\d*,\\d+")) v = v.replace(',', '.');
        return v;
    }

    private String flags(CsvRecord r) {
        StringBuilder out = new StringBuilder();
        for (int c : flagColumns) {
            String v = code(r, c);
            if (c == statusColumn && v.equalsIgnoreCase("A")) continue; // OBS_STATUS A: normal value, no flag
            if (!subDelimiter.isEmpty()) v = v.replace(subDelimiter, "");
            out.append(v.replace(" ", "").toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    private CsvRecord read(ErrorSink errors) throws IOException {
        CsvRecord r = csv.nextOrReport(errors);
        if (csv.malformed()) unusable = true;
        return r;
    }

    @Override
    public boolean incremental() {
        return actionColumn >= 0;
    }

    @Override
    public String summary() {
        List<String> notes = new ArrayList<>();
        if (droppedConfidential > 0) {
            notes.add(droppedConfidential + " value(s) marked confidential by CONF_STATUS were dropped: published as flag c without the number");
        }
        if (ignoredAttributeDeletes > 0) {
            notes.add(ignoredAttributeDeletes + " delete row(s) for attributes this service does not store were ignored");
        }
        return String.join("; ", notes);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
