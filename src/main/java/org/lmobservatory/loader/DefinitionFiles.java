package org.lmobservatory.loader;

import com.fasterxml.jackson.databind.JsonNode;
import org.lmobservatory.db.Json;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.errors.ObservatoryException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads and checks codelist and dataset definition files (JSON), naming the JSON path of every problem. */
public final class DefinitionFiles {
    private static final Pattern DATASET_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern DIMENSION_ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern CODELIST_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    /** The codelist a dataset's theme must be a code of (checked when the definition is stored). */
    public static final String THEME_CODELIST = "THEME";

    /** validIn: the classification versions the code belongs to (e.g. NUTS2016, NUTS2021); null when unversioned. */
    public record CodeDef(String id, String parent, String level, Map<String, String> labels, List<String> validIn) {
        public CodeDef(String id, String parent, String level, Map<String, String> labels) {
            this(id, parent, level, labels, null);
        }
    }

    /** One step of a code from one classification version to the next; kind is recode, split, merge or boundary. */
    public record SuccessorDef(String code, String successor, String fromVersion, String toVersion, String kind) {
    }

    /** successors: null leaves the stored successor table of the codelist as it is; a list replaces it. */
    public record CodelistDef(String id, String version, Map<String, String> title, Map<String, String> note, List<CodeDef> codes,
                              List<SuccessorDef> successors) {
        public CodelistDef(String id, String version, Map<String, String> title, Map<String, String> note, List<CodeDef> codes) {
            this(id, version, title, note, codes, null);
        }
    }

    public record DimensionDef(String id, String codelist, String role, Map<String, String> label) {
    }

    /** measures: null for a dataset with one unit. */
    public record DatasetDef(String id, Map<String, String> title, Map<String, String> description, String theme,
                             List<String> keywords, String frequency, String unitId, Map<String, String> unitLabel,
                             int unitMultiplier, int decimals, String source, String licence, String contact,
                             Map<String, String> methodology, boolean demonstration, List<DimensionDef> dimensions,
                             MeasuresDef measures, LocalDate discontinuedOn, String successor, Origin origin) {
    }

    /** Where a definition came from: its file name and the line of each JSON path, for problems found once it is parsed. */
    public record Origin(String file, ToIntFunction<String> lineOf) {
        public LoadError error(String path, String message) {
            return new LoadError(file, lineOf.applyAsInt(path), path, path + ": " + message);
        }
    }

    /** The measure dimension of a dataset and, per code of its codelist, the measure (in file order). */
    public record MeasuresDef(String dimension, List<MeasureDef> measures) {
    }

    /** kind is a MeasureKind id; numerator, denominator and scale only for ratios (scale defaults to 1). */
    public record MeasureDef(String code, String kind, String unitId, Map<String, String> unitLabel, int unitMultiplier,
                             int decimals, String numerator, String denominator, BigDecimal scale, String codelist) {
    }

    public sealed interface Definition permits Codelist, Dataset {
    }

    public record Codelist(CodelistDef def) implements Definition {
    }

    public record Dataset(DatasetDef def) implements Definition {
    }

    /** Thrown with every problem found in a definition file. */
    /** A definition or code list file that cannot be used; the detail lists every problem, one per line. */
    public static final class InvalidDefinitionException extends ObservatoryException {
        private final List<LoadError> errors;

        public InvalidDefinitionException(List<LoadError> errors) {
            super(ErrorKind.INVALID_DEFINITION, errors.stream().map(LoadError::toString).collect(Collectors.joining("\n")), Map.of());
            this.errors = List.copyOf(errors);
        }

        public List<LoadError> errors() {
            return errors;
        }
    }

    private DefinitionFiles() {
    }

    /** A file with a "codes" member is a codelist; one with "dimensions" is a dataset definition. */
    public static Definition read(Path file) {
        JsonNode root;
        String name = file.getFileName().toString();
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InvalidDefinitionException(List.of(new LoadError(name, line, null, "not valid JSON: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new InvalidDefinitionException(List.of(new LoadError(name, 0, null, "cannot read the file: " + e.getMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidDefinitionException(List.of(new LoadError(name, 0, null, "$: expected a JSON object")));
        }
        if (root.has("codes")) return new Codelist(codelist(name, root));
        if (root.has("dimensions")) return new Dataset(dataset(name, root, new Origin(name, JsonLines.of(file)::line)));
        throw new InvalidDefinitionException(List.of(new LoadError(name, 0, null,
                "$: neither a codelist (needs \"codes\") nor a dataset definition (needs \"dimensions\")")));
    }

    static CodelistDef codelist(String file, JsonNode root) {
        Problems p = new Problems(file);
        String id = p.id(root, "$.id", CODELIST_ID);
        List<CodeDef> codes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode list = root.path("codes");
        if (!list.isArray() || list.isEmpty()) p.add("$.codes", "expected a non-empty array of codes");
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            String path = "$.codes[" + i + "]";
            String codeId = text(c, "id");
            if (codeId == null || codeId.isBlank()) {
                p.add(path + ".id", "missing");
                continue;
            }
            if (!seen.add(codeId)) p.add(path + ".id", "code '" + codeId + "' appears twice");
            Map<String, String> labels = p.labels(c.path("labels"), path + ".labels", true);
            List<String> validIn = null;
            if (c.has("validIn")) {
                validIn = new ArrayList<>();
                for (JsonNode v : c.path("validIn")) validIn.add(v.asText());
            }
            codes.add(new CodeDef(codeId, text(c, "parent"), text(c, "level"), labels, validIn));
        }
        for (int i = 0; i < codes.size(); i++) {
            String parent = codes.get(i).parent();
            if (parent != null && !seen.contains(parent)) {
                p.add("$.codes[" + i + "].parent", "'" + parent + "' is not a code of this list");
            }
        }
        p.throwIfAny();
        return new CodelistDef(id, text(root, "version"), p.labels(root.path("title"), "$.title", false),
                p.labels(root.path("note"), "$.note", false), codes);
    }

    static DatasetDef dataset(String file, JsonNode root, Origin origin) {
        Problems p = new Problems(file);
        String id = p.id(root, "$.id", DATASET_ID);
        String theme = text(root, "theme");
        if (theme == null) p.add("$.theme", "missing; a code of codelist " + THEME_CODELIST + " (GET /v1/codelists/" + THEME_CODELIST + ")");
        String frequency = text(root, "frequency");
        if (frequency == null || !Set.of("A", "Q", "M").contains(frequency)) p.add("$.frequency", "must be A, Q or M");
        JsonNode unit = root.path("unit");
        if (text(unit, "id") == null) p.add("$.unit.id", "missing");
        if (text(root, "source") == null) p.add("$.source", "missing");
        List<DimensionDef> dims = new ArrayList<>();
        JsonNode list = root.path("dimensions");
        if (!list.isArray() || list.isEmpty()) p.add("$.dimensions", "expected a non-empty array");
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode d = list.get(i);
            String path = "$.dimensions[" + i + "]";
            String dimId = p.id(d, path + ".id", DIMENSION_ID);
            if ("time".equals(dimId)) p.add(path + ".id", "'time' is implicit; do not list it as a dimension");
            if (dimId != null && !seen.add(dimId)) p.add(path + ".id", "dimension '" + dimId + "' appears twice");
            if (text(d, "codelist") == null) p.add(path + ".codelist", "missing");
            dims.add(new DimensionDef(dimId, text(d, "codelist"), text(d, "role"), p.labels(d.path("label"), path + ".label", false)));
        }
        LocalDate discontinuedOn = null;
        String successor = null;
        JsonNode lifecycle = root.path("lifecycle");
        if (!lifecycle.isMissingNode() && !lifecycle.isNull()) {
            if (!lifecycle.isObject()) p.add("$.lifecycle", "expected {\"discontinued\": \"2024-12-31\", \"successor\": \"<dataset id>\"}");
            String date = text(lifecycle, "discontinued");
            try {
                discontinuedOn = date == null ? null : LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                p.add("$.lifecycle.discontinued", "'" + date + "' is not a date; write it as 2024-12-31");
            }
            successor = text(lifecycle, "successor");
            if (successor != null && !DATASET_ID.matcher(successor).matches()) {
                p.add("$.lifecycle.successor", "'" + successor + "' is not a dataset id (" + DATASET_ID.pattern() + ")");
            } else if (successor != null && successor.equals(id)) {
                p.add("$.lifecycle.successor", "a dataset cannot succeed itself");
            }
            if (successor != null && discontinuedOn == null && date == null) {
                p.add("$.lifecycle.discontinued", "missing; a successor replaces a dataset from the day it is discontinued");
            }
        }
        MeasuresDef measures = root.has("measures") ? MeasureDefinitions.read(p, root.path("measures"), seen) : null;
        List<String> keywords = new ArrayList<>();
        root.path("keywords").forEach(k -> keywords.add(k.asText()));
        Map<String, String> title = p.labels(root.path("title"), "$.title", true);
        p.throwIfAny();
        return new DatasetDef(id, title, p.labels(root.path("description"), "$.description", false), theme, keywords, frequency,
                text(unit, "id"), p.labels(unit.path("label"), "$.unit.label", false), unit.path("multiplier").asInt(0),
                unit.path("decimals").asInt(0), text(root, "source"),
                root.hasNonNull("licence") ? text(root, "licence") : "CC-BY-4.0", text(root, "contact"),
                p.labels(root.path("methodology"), "$.methodology", false), root.path("demonstration").asBoolean(false), dims, measures,
                discontinuedOn, successor, origin);
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Every problem of one definition or grouping file, each with its JSON path (and its line, where the reader knows it). */
    public static final class Problems {
        private final String file;
        private final ToIntFunction<String> lineOf;
        private final List<LoadError> errors = new ArrayList<>();

        public Problems(String file) {
            this(file, path -> 0);
        }

        public Problems(String file, ToIntFunction<String> lineOf) {
            this.file = file;
            this.lineOf = lineOf;
        }

        public void add(String path, String message) {
            errors.add(new LoadError(file, lineOf.applyAsInt(path), path, path + ": " + message));
        }

        /** An optional date bound; null when absent or when it is not a date (then reported). */
        public LocalDate date(JsonNode node, String at, String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) return null;
            try {
                return LocalDate.parse(v.asText());
            } catch (DateTimeParseException e) {
                add(at + "." + field, "'" + v.asText() + "' is not a date; write YYYY-MM-DD, or null for an open bound");
                return null;
            }
        }

        String id(JsonNode node, String path, Pattern pattern) {
            String id = text(node, path.substring(path.lastIndexOf('.') + 1));
            if (id == null) add(path, "missing");
            else if (!pattern.matcher(id).matches()) add(path, "'" + id + "' must match " + pattern.pattern());
            return id;
        }

        public Map<String, String> labels(JsonNode node, String path, boolean englishRequired) {
            Map<String, String> out = new LinkedHashMap<>();
            if (node.isMissingNode() || node.isNull()) {
                if (englishRequired) add(path, "missing; give at least {\"en\": \"…\"}");
                return out;
            }
            if (node.isTextual()) {
                out.put("en", node.asText());
                return out;
            }
            if (!node.isObject()) {
                add(path, "expected an object of language → text");
                return out;
            }
            node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
            if (englishRequired && !out.containsKey("en")) add(path, "needs an English (\"en\") label, the fallback for every language");
            return out;
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) throw new InvalidDefinitionException(errors);
        }
    }
}
