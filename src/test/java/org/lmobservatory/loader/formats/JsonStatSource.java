package org.lmobservatory.loader.formats;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON-stat file read by the test itself with a plain Jackson tree, deliberately not through the reader under
 * test: the expected cells come from here. Written for the sample files the tests use, not for every JSON-stat.
 */
final class JsonStatSource {
    record Dim(String id, List<String> categories, Map<String, String> labels) {
        int size() {
            return categories.size();
        }
    }

    private static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    final List<Dim> dims = new ArrayList<>();
    final List<String> timeRole = new ArrayList<>();
    final int cells;
    private final JsonNode values;
    private final JsonNode status;

    private JsonStatSource(JsonNode ds) {
        boolean v2 = ds.has("id");
        JsonNode ids = v2 ? ds.get("id") : ds.get("dimension").get("id");
        JsonNode role = v2 ? ds.path("role") : ds.get("dimension").path("role");
        role.path("time").forEach(t -> timeRole.add(t.asText()));
        int n = 1;
        for (JsonNode idNode : ids) {
            String id = idNode.asText();
            JsonNode category = ds.get("dimension").get(id).get("category");
            JsonNode index = category.get("index");
            List<String> categories = new ArrayList<>();
            if (index == null) {
                category.get("label").fieldNames().forEachRemaining(categories::add);
            } else if (index.isArray()) {
                index.forEach(c -> categories.add(c.asText()));
            } else {
                String[] byPosition = new String[index.size()];
                index.fields().forEachRemaining(e -> byPosition[e.getValue().asInt()] = e.getKey());
                categories.addAll(List.of(byPosition));
            }
            Map<String, String> labels = new LinkedHashMap<>();
            for (String c : categories) labels.put(c, category.path("label").path(c).asText(c));
            dims.add(new Dim(id, categories, labels));
            n *= categories.size();
        }
        cells = n;
        values = ds.get("value");
        status = ds.get("status");
    }

    /** The dataset of a 2.0 file, or the named member of a 1.x bundle. */
    static JsonStatSource read(Path file, String member) throws IOException {
        JsonNode root = EXACT.readTree(file.toFile());
        return new JsonStatSource(member == null ? root : root.get(member));
    }

    /** The category of each dimension for a cell: the last dimension varies fastest. */
    List<String> categoriesOf(int cell) {
        String[] out = new String[dims.size()];
        int rest = cell;
        for (int d = dims.size() - 1; d >= 0; d--) {
            out[d] = dims.get(d).categories().get(rest % dims.get(d).size());
            rest /= dims.get(d).size();
        }
        return List.of(out);
    }

    /** The cell's value; null when the file has none (null, or absent from a sparse object). */
    BigDecimal value(int cell) {
        JsonNode v = values.isArray() ? values.get(cell) : values.get(String.valueOf(cell));
        return v == null || v.isNull() ? null : v.decimalValue();
    }

    String status(int cell) {
        if (status == null || status.isNull()) return null;
        if (status.isTextual()) return status.asText();
        JsonNode s = status.isArray() ? status.get(status.size() == 1 ? 0 : cell) : status.get(String.valueOf(cell));
        return s == null ? null : s.asText();
    }

    int indexOf(String dimensionId) {
        for (int d = 0; d < dims.size(); d++) if (dims.get(d).id().equals(dimensionId)) return d;
        throw new IllegalArgumentException(dimensionId);
    }
}
