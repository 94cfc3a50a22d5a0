package org.lmobservatory.loader.formats;

import com.fasterxml.jackson.databind.JsonNode;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.db.Json;
import org.lmobservatory.formats.Flags;
import org.lmobservatory.loader.formats.ObservationReader.ErrorSink;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A mapping file: how a data owner's CSV maps onto a dataset (see README, "Mapped CSV"). Checked as a whole against
 * the dataset and its codelists before the first data line is read, every problem named by its JSON path.
 */
record CsvMapping(String file, char separator, Charset charset, boolean decimalComma, int headerRow,
                  List<ColumnDimension> dimensions, Map<Integer, String> constants, String timeColumn, boolean timeInHeaders,
                  TimeFormat timeFormat, String valueColumn, int measureDimension, Map<String, String> measureColumns,
                  String flagColumn, String blankFlags, Map<String, String> markers, Set<String> ignored) {

    /** A CSV column holding a dimension's codes, or its labels when matchBy is "label". */
    record ColumnDimension(String column, Dimension dimension, boolean byLabel, String language) {
    }

    private static final Set<String> KEYS = Set.of("separator", "encoding", "decimalComma", "headerRow", "dimensions", "constants",
            "time", "value", "measures", "flag", "blank", "markers", "ignore");

    boolean wideByMeasure() {
        return measureDimension >= 0;
    }

    /** The mapping, or null after reporting everything wrong with it. */
    static CsvMapping read(Path path, Dataset dataset, List<Codelist> codelists, ErrorSink errors) {
        String file = path.getFileName().toString();
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(path.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            errors.add(0, null, file + (line > 0 ? ":" + line : "") + ": the mapping is not valid JSON: " + e.getOriginalMessage());
            return null;
        } catch (IOException e) {
            errors.add(0, null, file + ": the mapping cannot be read: " + e.getMessage());
            return null;
        }
        Problems p = new Problems(file, errors);
        if (root == null || !root.isObject()) {
            p.add("$", "expected a JSON object");
            return null;
        }
        root.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) p.add("$." + k, "unknown setting; known: " + String.join(", ", KEYS.stream().sorted().toList()));
        });
        char separator = separator(root.path("separator"), p);
        Charset charset = charset(root.path("encoding"), p);
        boolean decimalComma = root.path("decimalComma").asBoolean(false);
        int headerRow = root.path("headerRow").asInt(1);
        if (headerRow < 1) p.add("$.headerRow", "must be a line number from 1 (the lines above it are skipped)");

        String datasetDims = String.join(", ", dataset.dimensions().stream().map(Dimension::id).toList());
        Map<Integer, String> coveredBy = new LinkedHashMap<>();
        List<ColumnDimension> columns = new ArrayList<>();
        root.path("dimensions").fields().forEachRemaining(e -> {
            String at = JsonPaths.member("$.dimensions", e.getKey());
            JsonNode spec = e.getValue();
            String target = spec.isTextual() ? spec.asText() : spec.path("dimension").asText(null);
            Dimension dim = dimension(dataset, target, at, datasetDims, p);
            if (dim == null) return;
            String matchBy = spec.path("matchBy").asText("code");
            if (!matchBy.equals("code") && !matchBy.equals("label")) p.add(at + ".matchBy", "must be \"code\" or \"label\"");
            cover(coveredBy, dim, "column " + e.getKey(), at, p);
            columns.add(new ColumnDimension(e.getKey(), dim, matchBy.equals("label"), spec.path("language").asText(null)));
        });
        if (root.has("dimensions") && !root.path("dimensions").isObject()) {
            p.add("$.dimensions", "expected an object of CSV column → dataset dimension");
        }

        Map<Integer, String> constants = new LinkedHashMap<>();
        root.path("constants").fields().forEachRemaining(e -> {
            String at = JsonPaths.member("$.constants", e.getKey());
            Dimension dim = dimension(dataset, e.getKey(), at, datasetDims, p);
            if (dim == null) return;
            cover(coveredBy, dim, "a constant", at, p);
            code(codelists.get(dim.position()), e.getValue().asText(), at, p);
            constants.put(dim.position(), e.getValue().asText());
        });

        int measureDimension = -1;
        Map<String, String> measureColumns = new LinkedHashMap<>();
        JsonNode measures = root.get("measures");
        if (measures != null) {
            Dimension dim = dimension(dataset, measures.path("dimension").asText(null), "$.measures.dimension", datasetDims, p);
            if (dim != null) {
                measureDimension = dim.position();
                cover(coveredBy, dim, "the measure columns", "$.measures.dimension", p);
                if (!measures.path("columns").isObject() || measures.path("columns").isEmpty()) {
                    p.add("$.measures.columns", "expected an object of CSV column → code of " + dim.id());
                }
                measures.path("columns").fields().forEachRemaining(e -> {
                    String at = JsonPaths.member("$.measures.columns", e.getKey());
                    code(codelists.get(dim.position()), e.getValue().asText(), at, p);
                    measureColumns.put(e.getKey(), e.getValue().asText());
                });
            }
        }
        for (Dimension d : dataset.dimensions()) {
            if (!coveredBy.containsKey(d.position())) {
                p.add("$.dimensions", "nothing gives dimension '" + d.id() + "' of dataset " + dataset.id()
                        + "; map a column to it or give a constant ({\"constants\": {\"" + d.id() + "\": \"…\"}})");
            }
        }

        JsonNode time = root.path("time");
        String timeColumn = time.isTextual() ? time.asText() : time.path("column").asText(null);
        boolean timeInHeaders = time.path("inHeaders").asBoolean(false);
        if (time.isMissingNode() || timeColumn == null && !timeInHeaders) {
            p.add("$.time", "expected {\"column\": \"…\", \"pattern\": \"yyyy-MM\"} or, for periods in the column headers, {\"inHeaders\": true, \"pattern\": \"yyyy\"}");
        } else if (timeColumn != null && timeInHeaders) {
            p.add("$.time", "give either a time column or inHeaders, not both");
        }
        TimeFormat timeFormat = TimeFormat.of(null);
        try {
            timeFormat = TimeFormat.of(time.path("pattern").asText(null));
        } catch (IllegalArgumentException e) {
            p.add("$.time.pattern", "not a date pattern: " + e.getMessage() + " (examples: yyyy, yyyy-MM, yyyy'M'MM, yyyy'Q'Q)");
        }

        String valueColumn = root.path("value").asText(null);
        int layouts = (valueColumn != null ? 1 : 0) + (measures != null ? 1 : 0) + (timeInHeaders ? 1 : 0);
        if (layouts != 1) {
            p.add("$", "say where the values are, in exactly one way: \"value\" (a value column), \"measures\" (a column per measure) "
                    + "or \"time\": {\"inHeaders\": true} (a column per period)");
        }
        String flagColumn = root.path("flag").asText(null);
        if (flagColumn != null && valueColumn == null) p.add("$.flag", "a flag column goes with a single value column (\"value\")");

        String blank = flags(root.path("blank").asText(""), "$.blank", p);
        Map<String, String> markers = new LinkedHashMap<>();
        root.path("markers").fields().forEachRemaining(e -> markers.put(e.getKey(),
                flags(e.getValue().asText(), JsonPaths.member("$.markers", e.getKey()), p)));
        Set<String> ignored = new LinkedHashSet<>();
        root.path("ignore").forEach(n -> ignored.add(n.asText()));
        if (p.count == 0) {
            return new CsvMapping(file, separator, charset, decimalComma, headerRow, columns, constants, timeColumn, timeInHeaders,
                    timeFormat, valueColumn, measureDimension, measureColumns, flagColumn, blank, markers, ignored);
        }
        return null;
    }

    private static Dimension dimension(Dataset dataset, String id, String at, String datasetDims, Problems p) {
        if (id == null) {
            p.add(at, "name a dimension of dataset " + dataset.id() + " (" + datasetDims + ")");
            return null;
        }
        return dataset.dimension(id).orElseGet(() -> {
            p.add(at, "'" + id + "' is not a dimension of dataset " + dataset.id() + " (" + datasetDims + ")");
            return null;
        });
    }

    private static void cover(Map<Integer, String> coveredBy, Dimension dim, String by, String at, Problems p) {
        String earlier = coveredBy.putIfAbsent(dim.position(), by);
        if (earlier != null) p.add(at, "dimension '" + dim.id() + "' is already given by " + earlier);
    }

    private static void code(Codelist list, String code, String at, Problems p) {
        if (!list.contains(code)) {
            List<String> close = list.suggest(code);
            p.add(at, "'" + code + "' is not in codelist " + list.id() + (close.isEmpty() ? "" : " (did you mean " + Codelist.orList(close) + "?)"));
        }
    }

    private static String flags(String text, String at, Problems p) {
        String f = text.replace(" ", "").toLowerCase(Locale.ROOT);
        for (char c : f.toCharArray()) {
            if (!Flags.known(c)) p.add(at, "'" + c + "' is not a flag; known: " + String.join(", ", Flags.LEGEND.keySet().stream().sorted().toList()));
        }
        return f;
    }

    private static char separator(JsonNode node, Problems p) {
        String s = node.asText(",");
        if (s.equals("tab") || s.equals("\\t")) return '\t';
        if (s.length() != 1) {
            p.add("$.separator", "expected one character such as \",\" \";\" or \"\\t\" (tab)");
            return ',';
        }
        return s.charAt(0);
    }

    private static Charset charset(JsonNode node, Problems p) {
        String name = node.asText("UTF-8").trim();
        String key = name.toLowerCase(Locale.ROOT).replace("_", "-");
        // The BOM is skipped whatever the declaration, so "UTF-8 with BOM" is plain UTF-8 here.
        if (key.startsWith("utf-8") || key.startsWith("utf8")) return StandardCharsets.UTF_8;
        if (key.equals("latin1") || key.equals("latin-1")) return StandardCharsets.ISO_8859_1;
        if (key.equals("cp1250")) key = "windows-1250";
        try {
            return Charset.forName(key);
        } catch (IllegalArgumentException e) {
            p.add("$.encoding", "'" + name + "' is not an encoding we know; use UTF-8, UTF-8 with BOM, ISO-8859-1 or windows-1250");
            return StandardCharsets.UTF_8;
        }
    }

    private static final class Problems {
        private final String file;
        private final ErrorSink errors;
        private int count;

        Problems(String file, ErrorSink errors) {
            this.file = file;
            this.errors = errors;
        }

        void add(String path, String message) {
            count++;
            errors.add(0, path, file + ": " + path + ": " + message);
        }
    }
}
