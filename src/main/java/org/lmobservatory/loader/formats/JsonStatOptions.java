package org.lmobservatory.loader.formats;

import com.fasterxml.jackson.databind.JsonNode;
import org.lmobservatory.db.Json;
import org.lmobservatory.loader.formats.ObservationReader.ErrorSink;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Optional settings for a JSON-stat file, given as its mapping file (load --file f.json --mapping options.json):
 * which dataset of a bundle to take, JSON-stat dimension → dataset dimension renames, status → flags for statuses
 * we do not know, constant codes for dataset dimensions the file lacks, the period of a file without time, and where
 * the periods of the time categories come from: periodsFrom ("ids" or "labels"; by default ids, or labels when the
 * ids are not periods and every label is one) and periodMap (time category id → period, before either).
 */
record JsonStatOptions(Optional<String> dataset, Map<String, String> dimensions, Map<String, String> status,
                       Map<String, String> constants, Optional<String> period, Optional<String> periodsFrom,
                       Map<String, String> periodMap) {
    static final String FROM_IDS = "ids";
    static final String FROM_LABELS = "labels";
    private static final Set<String> KEYS = Set.of("dataset", "dimensions", "status", "constants", "period", "periodsFrom", "periodMap");

    static JsonStatOptions none() {
        return new JsonStatOptions(Optional.empty(), Map.of(), Map.of(), Map.of(), Optional.empty(), Optional.empty(), Map.of());
    }

    /** The options in the file, or null after reporting why they cannot be used. */
    static JsonStatOptions read(Path file, ErrorSink errors) {
        String name = file.getFileName().toString();
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            errors.add(0, null, name + ": the JSON-stat options cannot be read: " + e.getMessage());
            return null;
        }
        if (root == null || !root.isObject()) {
            errors.add(0, "$", name + ": $: expected a JSON object with any of " + String.join(", ", KEYS));
            return null;
        }
        int before = errors.count();
        root.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                errors.add(0, "$." + key, name + ": $." + key + ": unknown setting for JSON-stat; known: " + String.join(", ", KEYS.stream().sorted().toList()));
            }
        });
        JsonStatOptions options = new JsonStatOptions(text(root, "dataset", name, errors), strings(root, "dimensions", name, errors),
                strings(root, "status", name, errors), strings(root, "constants", name, errors), text(root, "period", name, errors),
                text(root, "periodsFrom", name, errors), strings(root, "periodMap", name, errors));
        options.periodsFrom().filter(f -> !f.equals(FROM_IDS) && !f.equals(FROM_LABELS)).ifPresent(f ->
                errors.add(0, "$.periodsFrom", name + ": $.periodsFrom: '" + f + "' is neither \"" + FROM_IDS + "\" (periods from the time "
                        + "categories' ids) nor \"" + FROM_LABELS + "\" (from their labels)"));
        return errors.count() > before ? null : options;
    }

    private static Optional<String> text(JsonNode root, String key, String file, ErrorSink errors) {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isTextual()) errors.add(0, "$." + key, file + ": $." + key + ": expected a string");
        return Optional.of(v.asText());
    }

    private static Map<String, String> strings(JsonNode root, String key, String file, ErrorSink errors) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) return out;
        if (!v.isObject()) {
            errors.add(0, "$." + key, file + ": $." + key + ": expected an object of name → text");
            return out;
        }
        v.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                String path = JsonPaths.member("$." + key, e.getKey());
                errors.add(0, path, file + ": " + path + ": expected a string");
            } else {
                out.put(e.getKey(), e.getValue().asText());
            }
        });
        return out;
    }
}
