package org.lmobservatory.formats;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lmobservatory.support.TestServer;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A small dataset of the format tests' own (ids fmt-…), published once per test run: a sparse cube (3 areas × 2
 * groups but only 3 series), areas listed out of alphabetical order in their codelist, a gap in time, a suppressed
 * cell, two flags on one cell, negative and long decimals, labels with commas and semicolons.
 */
final class FormatsFixture {
    static final String SPARSE = "fmt-sparse";
    static final String SPARSE_OBSERVATIONS = "/v1/datasets/" + SPARSE + "/observations";
    private static boolean published;

    private FormatsFixture() {
    }

    static synchronized void publish() throws Exception {
        if (published) return;
        TestServer.get();
        TestServer.loader().define(TestServer.file("FMT-AREA.json", """
                {"id": "FMT-AREA", "version": "1", "title": {"en": "Areas of the format tests"},
                 "codes": [
                   {"id": "A3", "level": "region", "labels": {"en": "South", "fi": "Etelä"}},
                   {"id": "A1", "level": "region", "labels": {"en": "North, upper", "fi": "Pohjoinen; ylä"}},
                   {"id": "A2", "level": "region", "labels": {"en": "Middle \\"core\\"", "fi": "Keski"}}
                 ]}
                """));
        TestServer.loader().define(TestServer.file("FMT-GROUP.json", """
                {"id": "FMT-GROUP", "version": "1", "title": {"en": "Groups of the format tests"},
                 "codes": [
                   {"id": "G1", "labels": {"en": "Group one", "fi": "Ryhmä yksi"}},
                   {"id": "G2", "labels": {"en": "Group two", "fi": "Ryhmä kaksi"}}
                 ]}
                """));
        Path definition = TestServer.file(SPARSE + ".json", """
                {"id": "fmt-sparse", "title": {"en": "Format test dataset", "fi": "Muotojen testiaineisto"},
                 "description": {"en": "Test data of the output format tests."},
                 "theme": "labour-market", "keywords": ["test"], "frequency": "A",
                 "unit": {"id": "EUR", "label": {"en": "euro", "fi": "euroa"}, "multiplier": 3, "decimals": 3},
                 "source": "Format tests", "licence": "CC-BY-4.0", "contact": "test@example.org",
                 "dimensions": [
                   {"id": "area", "codelist": "FMT-AREA", "role": "geo", "label": {"en": "Area", "fi": "Alue"}},
                   {"id": "group", "codelist": "FMT-GROUP", "label": {"en": "Group", "fi": "Ryhmä"}}
                 ]}
                """);
        Path data = TestServer.file(SPARSE + ".csv", """
                area,group,time,value,flag
                A1,G1,2020,1234.5,
                A1,G1,2021,-0.25,e
                A1,G1,2023,7,p
                A2,G2,2020,10,
                A2,G2,2021,,c
                A2,G2,2022,12.75,
                A2,G2,2023,13,p
                A3,G1,2020,0.5,bu
                A3,G1,2022,1234567.125,
                """);
        TestServer.publish(SPARSE, definition, data);
        published = true;
    }

    /** Numbers as BigDecimal, exactly as written, so cells are compared without any rounding. */
    static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** One observation: the value compared by number (7 equals 7.0), and the flag string. */
    record Cell(BigDecimal value, String flag) {
        Cell {
            value = value == null ? null : value.stripTrailingZeros();
            flag = flag == null || flag.isEmpty() ? null : flag;
        }

        static Cell of(String value, String flag) {
            return new Cell(value == null || value.isEmpty() ? null : new BigDecimal(value), flag);
        }
    }

    /** The JSON format's observations of a query (the reference for every other format), keyed by codes and time joined with '|'. */
    static Map<String, Cell> jsonCells(String path, Map<String, String> query, List<String> dimensions) throws Exception {
        String body = TestServer.given().queryParams(query).queryParam("labels", "code").get(path)
                .then().statusCode(200).extract().asString();
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (JsonNode o : EXACT.readTree(body).path("observations")) {
            StringBuilder key = new StringBuilder();
            for (String d : dimensions) key.append(o.path(d).asText()).append('|');
            key.append(o.path("time").asText());
            cells.put(key.toString(), new Cell(o.path("value").isNull() ? null : o.path("value").decimalValue(),
                    o.path("flag").isNull() ? null : o.path("flag").asText()));
        }
        if (cells.isEmpty()) throw new AssertionError("the reference query " + query + " matches nothing");
        return cells;
    }

    /** Equal cell maps, or a failure that lists the first differing cells rather than both maps whole. */
    static void assertSameCells(Map<String, Cell> expected, Map<String, Cell> actual, String context) {
        List<String> differences = new ArrayList<>();
        Set<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            if (!Objects.equals(expected.get(key), actual.get(key))) {
                differences.add(key + ": expected " + expected.get(key) + ", got " + actual.get(key));
            }
        }
        if (!differences.isEmpty()) {
            throw new AssertionError(context + ": " + differences.size() + " of " + keys.size() + " cells differ from the JSON format, e.g. "
                    + differences.subList(0, Math.min(5, differences.size())));
        }
    }
}
