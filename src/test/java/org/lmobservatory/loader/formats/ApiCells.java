package org.lmobservatory.loader.formats;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lmobservatory.support.TestServer;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Observations as the public API serves them (JSON, checked against the OpenAPI contract), keyed "code|code|time". */
final class ApiCells {
    private static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    record Cell(BigDecimal value, String flag) {
        static Cell of(String value, String flag) {
            return new Cell(value == null ? null : new BigDecimal(value), flag);
        }

        boolean sameAs(Cell other) {
            boolean values = value == null ? other.value == null : other.value != null && value.compareTo(other.value) == 0;
            return values && java.util.Objects.equals(flag, other.flag);
        }
    }

    private ApiCells() {
    }

    static String key(List<String> codes, String time) {
        return String.join("|", codes) + "|" + time;
    }

    /**
     * Every observation of the current release matching the filters (dimension → code, time → period), following
     * the JSON pages' next links.
     */
    static Map<String, Cell> fetch(String datasetId, List<String> dimensions, Map<String, String> filters) throws IOException {
        Map<String, Cell> cells = new HashMap<>();
        byte[] body = TestServer.given().queryParams(filters).queryParam("format", "json").queryParam("limit", 50_000)
                .get("/v1/datasets/{id}/observations", datasetId)
                .then().statusCode(200).extract().asByteArray();
        while (true) {
            JsonNode root = EXACT.readTree(body);
            int before = cells.size();
            for (JsonNode o : root.get("observations")) {
                List<String> codes = dimensions.stream().map(d -> o.get(d).asText()).toList();
                JsonNode v = o.get("value");
                JsonNode f = o.get("flag");
                cells.put(key(codes, o.get("time").asText()),
                        new Cell(v.isNull() ? null : v.decimalValue(), f.isNull() ? null : f.asText()));
            }
            assertEquals(root.get("count").asInt(), cells.size() - before, "count of a page of " + datasetId + " vs observations listed");
            JsonNode next = root.path("links").path("next");
            if (next.isNull() || next.isMissingNode()) return cells;
            body = TestServer.given().urlEncodingEnabled(false).get(next.asText()).then().statusCode(200).extract().asByteArray();
        }
    }

    /**
     * Waits until the API serves the release: servers learn of a publish by LISTEN/NOTIFY, a moment after the commit.
     */
    static void awaitRelease(String datasetId, long releaseId) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            var response = TestServer.given().queryParam("format", "json").queryParam("limit", 1)
                    .get("/v1/datasets/{id}/observations", datasetId);
            if (response.statusCode() == 200 && response.jsonPath().getLong("release.id") == releaseId) return;
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the API did not switch " + datasetId + " to release " + releaseId + " within 10 s: " + response.asString());
            }
            Thread.sleep(20);
        }
    }

    /** Defines, loads and publishes, then waits until the API serves the new release. */
    static void publish(String datasetId, java.nio.file.Path definition, java.nio.file.Path data) throws Exception {
        awaitRelease(datasetId, TestServer.publish(datasetId, definition, data));
    }

    static Map<String, Cell> fetchAll(String datasetId, List<String> dimensions) throws IOException {
        return fetch(datasetId, dimensions, Map.of());
    }
}
