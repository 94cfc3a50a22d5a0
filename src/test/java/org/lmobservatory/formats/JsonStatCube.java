package org.lmobservatory.formats;

import com.fasterxml.jackson.databind.JsonNode;
import org.lmobservatory.formats.FormatsFixture.Cell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Reads a JSON-stat 2.0 dataset by the specification (row-major value array, last dimension fastest) into the
 * observations it holds: the cells with a value or a status, keyed like {@link FormatsFixture#jsonCells}.
 */
final class JsonStatCube {
    private JsonStatCube() {
    }

    static Map<String, Cell> cells(JsonNode js, List<String> dimensions) {
        List<String> ids = new ArrayList<>();
        js.path("id").forEach(n -> ids.add(n.asText()));
        List<String> expectedIds = new ArrayList<>(List.of("indicator"));
        expectedIds.addAll(dimensions);
        expectedIds.add("time");
        assertEquals(expectedIds, ids);
        List<List<String>> categories = new ArrayList<>();
        long total = 1;
        for (int d = 0; d < ids.size(); d++) {
            List<String> index = new ArrayList<>();
            js.at("/dimension/" + ids.get(d) + "/category/index").forEach(n -> index.add(n.asText()));
            assertEquals(js.path("size").get(d).asInt(), index.size(), "size of " + ids.get(d));
            categories.add(index);
            total *= index.size();
        }
        JsonNode values = js.path("value");
        assertEquals(total, values.size(), "value holds the whole cube");
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (int i = 0; i < total; i++) {
            JsonNode value = values.get(i);
            JsonNode status = js.path("status").get(Integer.toString(i));
            if (value.isNull() && status == null) continue;
            String[] codes = new String[ids.size()];
            long rest = i;
            for (int d = ids.size() - 1; d >= 0; d--) {
                int size = categories.get(d).size();
                codes[d] = categories.get(d).get((int) (rest % size));
                rest /= size;
            }
            String key = String.join("|", List.of(codes).subList(1, codes.length));
            cells.put(key, new Cell(value.isNull() ? null : value.decimalValue(), status == null ? null : status.asText()));
        }
        return cells;
    }
}
