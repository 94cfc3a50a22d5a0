package org.lmobservatory.loader.formats;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The shape of one JSON-stat dataset: a 2.0 document of class "dataset", or one member of a 1.x bundle (a top-level
 * object of datasets). 2.0 keeps the dimension order in top-level id/size/role, 1.x inside "dimension"; both are read
 * here, with the JSON path of every part so that problems can say where they are.
 */
final class JsonStatCube {
    /** Reports a problem at a JSON path. */
    interface Problems {
        void add(String path, String message);
    }

    /**
     * One dimension in file order: its categories by position, where each category is written (for messages), and
     * the categories that head others in category.child (e.g. a year above its quarters), and each category's label
     * (null where category.label has none).
     */
    record Axis(String id, String path, List<String> categories, List<String> categoryPaths, Set<String> headings, List<String> labels) {
        int size() {
            return categories.size();
        }
    }

    final String base;
    final List<Axis> axes;
    final List<String> timeRoles;
    final long cells;
    final JsonNode values;
    final JsonNode status;

    private JsonStatCube(String base, List<Axis> axes, List<String> timeRoles, long cells, JsonNode values, JsonNode status) {
        this.base = base;
        this.axes = axes;
        this.timeRoles = timeRoles;
        this.cells = cells;
        this.values = values;
        this.status = status;
    }

    /** The dataset in the document (the one named, for a bundle), or null after reporting why there is none. */
    static JsonStatCube locate(JsonNode root, Optional<String> wanted, Problems problems) {
        if (root == null || !root.isObject()) {
            problems.add("$", "expected a JSON object (a JSON-stat dataset or bundle)");
            return null;
        }
        String cls = root.path("class").asText("");
        if (cls.equals("collection")) {
            problems.add("$.class", "this is a JSON-stat collection (a list of links), not a dataset; load the dataset files it links to");
            return null;
        }
        if (cls.equals("dimension")) {
            problems.add("$.class", "this is a JSON-stat dimension, not a dataset with values");
            return null;
        }
        if (cls.equals("dataset") || root.has("dimension")) return read(root, "$", problems);
        List<String> members = new ArrayList<>();
        root.fields().forEachRemaining(e -> {
            if (e.getValue().isObject() && e.getValue().has("dimension")) members.add(e.getKey());
        });
        if (members.isEmpty()) {
            problems.add("$", "no JSON-stat dataset found: expected \"class\": \"dataset\" (JSON-stat 2.0) or a bundle of datasets (1.x)");
            return null;
        }
        String name;
        if (wanted.isPresent()) {
            name = wanted.get();
            if (!members.contains(name)) {
                problems.add("$", "the bundle has no dataset '" + name + "'; it holds: " + String.join(", ", members));
                return null;
            }
        } else if (members.size() == 1) {
            name = members.get(0);
        } else {
            problems.add("$", "the bundle holds " + members.size() + " datasets (" + String.join(", ", members)
                    + "); name one with {\"dataset\": \"" + members.get(0) + "\"} in the JSON-stat options (--mapping)");
            return null;
        }
        return read(root.get(name), JsonPaths.member("$", name), problems);
    }

    private static JsonStatCube read(JsonNode ds, String base, Problems problems) {
        JsonNode dimension = ds.path("dimension");
        String dimensionPath = base + ".dimension";
        if (!dimension.isObject()) {
            problems.add(dimensionPath, "missing: a JSON-stat dataset needs an object of dimensions");
            return null;
        }
        // 2.0 puts id/size/role at the top of the dataset, 1.x inside "dimension".
        boolean v2 = ds.has("id");
        String orderPath = v2 ? base : dimensionPath;
        JsonNode ids = v2 ? ds.get("id") : dimension.path("id");
        JsonNode sizes = v2 ? ds.path("size") : dimension.path("size");
        JsonNode role = v2 ? ds.path("role") : dimension.path("role");
        if (!ids.isArray() || ids.isEmpty()) {
            problems.add(orderPath + ".id", "missing: the dimension order (an array of dimension ids)");
            return null;
        }
        if (!sizes.isArray() || sizes.size() != ids.size()) {
            problems.add(orderPath + ".size", "expected an array of " + ids.size() + " sizes, one per id");
            return null;
        }
        List<Axis> axes = new ArrayList<>();
        long cells = 1;
        boolean ok = true;
        for (int d = 0; d < ids.size(); d++) {
            String id = ids.get(d).asText();
            int size = size(sizes.get(d));
            if (size < 1) {
                problems.add(JsonPaths.element(orderPath + ".size", d), "'" + sizes.get(d).asText() + "' is not a dimension size (a whole number ≥ 1)");
                ok = false;
                continue;
            }
            String path = JsonPaths.member(dimensionPath, id);
            JsonNode node = dimension.get(id);
            if (node == null || !node.isObject()) {
                problems.add(path, "dimension '" + id + "' is listed in " + orderPath + ".id but not described here");
                ok = false;
                continue;
            }
            Axis axis = axis(id, path, node, size, problems);
            if (axis == null) ok = false;
            else axes.add(axis);
            cells *= size;
        }
        if (!ok) return null;
        if (cells > Integer.MAX_VALUE) {
            problems.add(orderPath + ".size", "the dimensions make " + cells + " cells, more than one file can hold");
            return null;
        }
        JsonNode values = ds.get("value");
        String valuePath = base + ".value";
        if (values == null || !(values.isArray() || values.isObject())) {
            problems.add(valuePath, "missing: expected an array of values or an object of index → value");
            return null;
        }
        if (values.isArray() && values.size() != cells) {
            problems.add(valuePath, "has " + values.size() + " values, but the dimension sizes " + sizes + " make " + cells + " cells");
            return null;
        }
        JsonNode status = ds.get("status");
        if (status != null && status.isArray() && status.size() != 1 && status.size() != cells) {
            problems.add(base + ".status", "has " + status.size() + " statuses; expected one per cell (" + cells + ") or a single one for all");
            return null;
        }
        List<String> timeRoles = new ArrayList<>();
        role.path("time").forEach(t -> timeRoles.add(t.asText()));
        return new JsonStatCube(base, axes, timeRoles, cells, values, status != null && status.isNull() ? null : status);
    }

    /** Sizes are numbers, but some producers (CSO Ireland) write them as strings. */
    private static int size(JsonNode n) {
        if (n.isInt()) return n.asInt();
        if (n.isTextual() && n.asText().matches("\\d{1,9}")) return Integer.parseInt(n.asText());
        return -1;
    }

    private static Axis axis(String id, String path, JsonNode node, int size, Problems problems) {
        JsonNode category = node.path("category");
        String categoryPath = path + ".category";
        JsonNode index = category.get("index");
        String[] categories = new String[size];
        String[] paths = new String[size];
        if (index != null && index.isArray()) {
            if (index.size() != size) {
                problems.add(categoryPath + ".index", "has " + index.size() + " categories but the dimension's size is " + size);
                return null;
            }
            for (int i = 0; i < size; i++) {
                categories[i] = index.get(i).asText();
                paths[i] = JsonPaths.element(categoryPath + ".index", i);
            }
        } else if (index != null && index.isObject()) {
            if (index.size() != size) {
                problems.add(categoryPath + ".index", "has " + index.size() + " categories but the dimension's size is " + size);
                return null;
            }
            var fields = index.fields();
            while (fields.hasNext()) {
                var e = fields.next();
                String at = JsonPaths.member(categoryPath + ".index", e.getKey());
                int position = e.getValue().canConvertToInt() && e.getValue().isIntegralNumber() ? e.getValue().asInt() : -1;
                if (position < 0 || position >= size || categories[position] != null) {
                    problems.add(at, "position " + e.getValue() + " is not a free position from 0 to " + (size - 1));
                    return null;
                }
                categories[position] = e.getKey();
                paths[position] = at;
            }
        } else if (category.path("label").isObject() && category.path("label").size() == size) {
            // Without an index the labels' order is the order (allowed for single-category dimensions, used more widely).
            int i = 0;
            var names = category.path("label").fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                categories[i] = name;
                paths[i++] = JsonPaths.member(categoryPath + ".label", name);
            }
        } else {
            problems.add(categoryPath, "expected category.index (array or object) or category.label with " + size + " categories");
            return null;
        }
        Set<String> headings = new HashSet<>();
        category.path("child").fieldNames().forEachRemaining(headings::add);
        String[] labels = new String[size];
        JsonNode labelNode = category.path("label");
        for (int i = 0; i < size; i++) {
            JsonNode label = labelNode.get(categories[i]);
            labels[i] = label != null && label.isTextual() ? label.asText() : null;
        }
        return new Axis(id, path, Arrays.asList(categories), Arrays.asList(paths), headings, Arrays.asList(labels));
    }
}
