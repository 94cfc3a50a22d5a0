package org.lmobservatory.loader.formats;

import com.fasterxml.jackson.databind.JsonNode;
import org.lmobservatory.support.TestServer;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Observations read back through the public API (contract-checked), keyed by dimension codes and time. */
final class ServedCells {
    /** What the API serves for one cell: value (null when not stored), flags as a sorted string ("" for none). */
    record Cell(BigDecimal value, String flags) {
        static Cell of(BigDecimal value, String flags) {
            return new Cell(value, sorted(flags));
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper EXACT = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final int PAGE = 50_000;

    private ServedCells() {
    }

    /**
     * All cells of the current release matching the query parameters, by "code|code|…|time", from the API's CSV
     * (whole results in one response; far quicker to check against the contract than large JSON pages).
     */
    static Map<String, Cell> fetchCsv(String datasetId, List<String> dimensions, Map<String, String> query) {
        String body = TestServer.given().queryParams(query).queryParam("labels", "code").queryParam("format", "csv")
                .get("/v1/datasets/{id}/observations", datasetId)
                .then().statusCode(200).extract().asString();
        String[] lines = body.split("\r\n");
        List<String> header = SimpleCsv.split(lines[0], ',');
        int time = header.indexOf("time");
        int value = header.indexOf("value");
        int flag = header.indexOf("flag");
        int[] dims = dimensions.stream().mapToInt(header::indexOf).toArray();
        Map<String, Cell> out = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) continue;
            List<String> f = SimpleCsv.split(lines[i], ',');
            List<String> key = new ArrayList<>();
            for (int d : dims) key.add(f.get(d));
            key.add(f.get(time));
            Cell cell = Cell.of(f.get(value).isEmpty() ? null : new BigDecimal(f.get(value)), f.get(flag));
            if (out.put(String.join("|", key), cell) != null) throw new AssertionError("cell served twice: " + key);
        }
        return out;
    }

    /** All cells of the current release matching the query parameters, by "code|code|…|time", following JSON pages. */
    static Map<String, Cell> fetch(String datasetId, List<String> dimensions, Map<String, String> query) throws IOException {
        Map<String, Cell> out = new LinkedHashMap<>();
        String body = TestServer.given().queryParams(query).queryParam("labels", "code").queryParam("limit", PAGE)
                .get("/v1/datasets/{id}/observations", datasetId)
                .then().statusCode(200).extract().asString();
        while (true) {
            JsonNode doc = EXACT.readTree(body);
            for (JsonNode o : doc.path("observations")) {
                List<String> key = new ArrayList<>();
                for (String d : dimensions) key.add(o.path(d).asText());
                key.add(o.path("time").asText());
                BigDecimal value = o.path("value").isNull() ? null : o.path("value").decimalValue();
                String flags = o.path("flag").isNull() ? "" : o.path("flag").asText();
                if (out.put(String.join("|", key), Cell.of(value, flags)) != null) throw new AssertionError("cell served twice: " + key);
            }
            JsonNode next = doc.path("links").path("next");
            if (next.isMissingNode() || next.isNull()) return out;
            body = TestServer.given().urlEncodingEnabled(false).get(next.asText()).then().statusCode(200).extract().asString();
        }
    }

    static String key(List<String> codes, String time) {
        List<String> key = new ArrayList<>(codes);
        key.add(time);
        return String.join("|", key);
    }

    static String sorted(String flags) {
        if (flags == null) return "";
        char[] c = flags.toCharArray();
        java.util.Arrays.sort(c);
        return new String(c);
    }

    /** Compares values numerically (480.0 is 480), the way a reader of the API would. */
    static boolean sameValue(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
