package org.lmobservatory.formats;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.lmobservatory.db.Json;
import org.lmobservatory.support.SeedFile;
import org.lmobservatory.support.TestServer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * graduate-outcomes mixes head counts, percentages and an earnings decile: each value carries the unit of its
 * indicator (the dataset's measure dimension) in every format, while a dataset with one unit is served as before.
 */
class MeasureUnitsApiTest {
    private static final String GRADUATES = "/v1/datasets/graduate-outcomes";
    private static final Map<String, Object> QUERY = Map.of("geo", "FI", "field", "TOTAL", "sex", "T", "months", "M12", "labels", "code");
    /** Per indicator: unit id, English label, decimals. */
    private static final Map<String, List<Object>> UNITS = Map.of(
            "TRACKED", List.of("PERS", "persons", 0),
            "EMP_RATE", List.of("PC", "%", 1), "EDU_RATE", List.of("PC", "%", 1), "NEET_RATE", List.of("PC", "%", 1),
            "IN_FIELD_RATE", List.of("PC", "%", 1),
            "EARN_BAND_MEDIAN", List.of("DECILE", "earnings decile (1-10)", 0));

    @Test
    void metadataListsEachMeasureWithItsUnitDecimalsMultiplierAndKind() {
        JsonPath meta = TestServer.given().get(GRADUATES).then().statusCode(200).extract().jsonPath();
        assertEquals("indicator", meta.getString("measures.dimension"));
        assertEquals(List.of("TRACKED", "EMP_RATE", "EDU_RATE", "NEET_RATE", "IN_FIELD_RATE", "EARN_BAND_MEDIAN"), meta.getList("measures.measures.code"));
        for (Map.Entry<String, List<Object>> e : UNITS.entrySet()) {
            String m = "measures.measures.find { it.code == '" + e.getKey() + "' }";
            assertEquals(e.getValue().get(0), meta.getString(m + ".unit.id"), e.getKey());
            assertEquals(e.getValue().get(1), meta.getString(m + ".unit.label"), e.getKey());
            assertEquals(e.getValue().get(2), meta.getInt(m + ".unit.decimals"), e.getKey());
            assertEquals(0, meta.getInt(m + ".unit.multiplier"), e.getKey());
        }
        assertEquals("count", meta.getString("measures.measures.find { it.code == 'TRACKED' }.kind"));
        assertEquals("ratio", meta.getString("measures.measures.find { it.code == 'EMP_RATE' }.kind"));
        assertEquals("TRACKED", meta.getString("measures.measures.find { it.code == 'EMP_RATE' }.denominator"));
        assertEquals(100, meta.getInt("measures.measures.find { it.code == 'EMP_RATE' }.scale"));
        assertEquals("median", meta.getString("measures.measures.find { it.code == 'EARN_BAND_MEDIAN' }.kind"));
        assertEquals("Employment rate (%)", meta.getString("measures.measures.find { it.code == 'EMP_RATE' }.label"));
        assertEquals("%", TestServer.given().queryParam("lang", "fi").get(GRADUATES).then().extract().jsonPath()
                .getString("measures.measures.find { it.code == 'EMP_RATE' }.unit.label"));
    }

    @Test
    void jsonObservationsNameTheUnitOfTheirMeasure() {
        JsonPath doc = TestServer.given().queryParams(QUERY).get(GRADUATES + "/observations").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> rows = doc.getList("observations");
        assertFalse(rows.isEmpty());
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> r : rows) {
            String indicator = (String) r.get("indicator");
            assertEquals(UNITS.get(indicator).get(0), r.get("unit"), r.toString());
            seen.add(indicator);
        }
        assertEquals(UNITS.keySet(), seen);
        assertEquals(1, doc.getInt("measures.EMP_RATE.unit.decimals"));
        assertEquals("persons", doc.getString("measures.TRACKED.unit.label"));
        assertEquals("ratio", doc.getString("measures.NEET_RATE.kind"));
        assertEquals("DECILE", doc.getString("measures.EARN_BAND_MEDIAN.unit.id"));
    }

    @Test
    void csvAndSdmxCsvGiveEachRowTheUnitOfItsMeasure() {
        List<List<String>> csv = csv(TestServer.given().queryParams(QUERY).queryParam("format", "csv").get(GRADUATES + "/observations").asString());
        int indicator = csv.get(0).indexOf("indicator");
        int unit = csv.get(0).indexOf("unit");
        assertTrue(indicator >= 0 && unit > indicator, csv.get(0).toString());
        for (List<String> row : csv.subList(1, csv.size())) assertEquals(UNITS.get(row.get(indicator)).get(1), row.get(unit), row.toString());

        List<List<String>> sdmx = csv(TestServer.given().queryParams(QUERY).queryParam("format", "sdmx-csv").get(GRADUATES + "/observations").asString());
        int code = sdmx.get(0).indexOf("indicator");
        int measure = sdmx.get(0).indexOf("UNIT_MEASURE");
        int mult = sdmx.get(0).indexOf("UNIT_MULT");
        assertTrue(code >= 0 && measure >= 0 && mult >= 0, sdmx.get(0).toString());
        Set<String> units = new HashSet<>();
        for (List<String> row : sdmx.subList(1, sdmx.size())) {
            assertEquals(UNITS.get(row.get(code)).get(0), row.get(measure), row.toString());
            assertEquals("0", row.get(mult));
            units.add(row.get(measure));
        }
        assertEquals(Set.of("PERS", "PC", "DECILE"), units);
    }

    @Test
    void jsonStatMakesTheMeasureDimensionTheMetricWithAUnitPerCategory() throws Exception {
        Map<String, Object> query = new java.util.HashMap<>(QUERY);
        query.remove("labels");
        JsonNode js = Json.MAPPER.readTree(TestServer.given().queryParams(query).queryParam("format", "jsonstat")
                .get(GRADUATES + "/observations").then().statusCode(200).extract().asByteArray());
        assertEquals(List.of("geo", "field", "sex", "months", "indicator", "time"), texts(js.path("id")));
        assertEquals(List.of("indicator"), texts(js.at("/role/metric")));
        JsonNode unit = js.at("/dimension/indicator/category/unit");
        for (Map.Entry<String, List<Object>> e : UNITS.entrySet()) {
            assertEquals(e.getValue().get(1), unit.at("/" + e.getKey() + "/label").asText(), e.getKey());
            assertEquals(e.getValue().get(2), unit.at("/" + e.getKey() + "/decimals").asInt(), e.getKey());
        }
        assertEquals("PC", js.at("/extension/measures/EMP_RATE/unit").asText());
        int cells = 1;
        for (JsonNode size : js.path("size")) cells *= size.asInt();
        assertEquals(cells, js.path("value").size(), "the dense cube has no extra metric dimension");
    }

    @Test
    void xlsxFormatsEachValueWithTheDecimalsOfItsMeasure() throws Exception {
        byte[] xlsx = TestServer.given().queryParams(QUERY).queryParam("format", "xlsx").get(GRADUATES + "/observations")
                .then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            List<Row> data = wb.findSheet("Data").orElseThrow().read();
            List<String> header = new ArrayList<>();
            data.get(0).forEach(c -> header.add(c == null ? "" : c.getText()));
            int indicator = header.indexOf("indicator");
            int value = header.indexOf("value");
            int unit = header.indexOf("unit");
            Set<String> formats = new HashSet<>();
            for (Row r : data.subList(1, data.size())) {
                String code = r.getCellText(indicator);
                assertEquals(UNITS.get(code).get(1), r.getCellText(unit));
                if (r.getOptionalCell(value).map(c -> c.getRawValue() != null).orElse(false)) {
                    String format = r.getCell(value).getDataFormatString();
                    assertEquals((int) UNITS.get(code).get(2) == 0 ? "#,##0" : "#,##0.0", format, code);
                    formats.add(format);
                }
            }
            assertEquals(Set.of("#,##0", "#,##0.0"), formats);
            List<String> units = new ArrayList<>();
            for (Row r : wb.findSheet("Metadata").orElseThrow().read()) {
                if (r.getCellText(0).startsWith("Unit of ")) units.add(r.getCellText(0) + ": " + r.getCellText(1));
            }
            assertTrue(units.contains("Unit of EMP_RATE: % (PC; ratio, multiplier 10^0, 1 decimals)"), units.toString());
        }
    }

    @Test
    void chartsAndWidgetsShowTheUnitOfTheMeasureTheyDraw() {
        String rate = TestServer.given().queryParam("geo", "FI").queryParam("field", "TOTAL").queryParam("sex", "T").queryParam("months", "M12")
                .queryParam("indicator", "EMP_RATE").get(GRADUATES + "/chart.svg").then().statusCode(200).extract().asString();
        assertTrue(rate.contains("Unit: %"), rate);
        String tracked = TestServer.given().queryParam("geo", "FI").queryParam("field", "TOTAL").queryParam("sex", "T").queryParam("months", "M12")
                .queryParam("indicator", "TRACKED").get(GRADUATES + "/chart.svg").then().statusCode(200).extract().asString();
        assertTrue(tracked.contains("Unit: persons"), tracked);
        String widget = TestServer.given().queryParam("dataset", "graduate-outcomes").queryParam("geo", "FI").queryParam("field", "TOTAL")
                .queryParam("sex", "T").queryParam("months", "M12").queryParam("indicator", "TRACKED").get("/widgets/indicator")
                .then().statusCode(200).extract().asString();
        assertTrue(widget.contains("<span class=\"lmo-unit\">persons</span>"), widget);
    }

    @Test
    void aChartMixingMeasuresWritesEachValueInItsOwnUnitAndDecimals() {
        String svg = TestServer.given().queryParam("geo", "FI").queryParam("field", "TOTAL").queryParam("sex", "T").queryParam("months", "M12")
                .queryParam("indicator", "TRACKED,EMP_RATE").queryParam("lang", "fi").get(GRADUATES + "/chart.svg")
                .then().statusCode(200).extract().asString();
        java.util.regex.Matcher titles = java.util.regex.Pattern.compile("<circle[^>]*><title>([^<]*)</title>").matcher(svg);
        int counts = 0;
        int rates = 0;
        while (titles.find()) {
            String title = titles.group(1);
            assertFalse(title.contains("ks. indikaattori"), "the placeholder unit is on no value: " + title);
            if (title.endsWith("henkilöä") || title.matches(".*henkilöä \\(\\w+\\)")) {
                assertTrue(title.matches(".*: [0-9][0-9\u00a0\u202f ]*[0-9]?\u00a0henkilöä.*"), "a count has no decimals: " + title);
                counts++;
            } else {
                assertTrue(title.matches(".*: [0-9][0-9\u00a0\u202f ]*,[0-9]\u00a0%.*"), "a rate keeps its decimal: " + title);
                rates++;
            }
        }
        assertTrue(counts > 0 && rates > 0, "both measures drawn: " + svg);
    }

    @Test
    void aDatasetWithOneUnitIsServedAsBefore() throws Exception {
        String rates = "/v1/datasets/unemployment-rate";
        JsonPath meta = TestServer.given().get(rates).then().statusCode(200).extract().jsonPath();
        assertNull(meta.get("measures"));
        assertEquals("PC", meta.getString("unit.id"));
        JsonPath doc = TestServer.given().queryParam("geo", "FI1B").queryParam("time", "2024").get(rates + "/observations")
                .then().statusCode(200).extract().jsonPath();
        assertNull(doc.get("measures"));
        assertFalse(doc.getList("observations").isEmpty());
        for (Map<String, Object> r : doc.<Map<String, Object>>getList("observations")) assertFalse(r.containsKey("unit"), r.toString());
        List<List<String>> sdmx = csv(TestServer.given().queryParam("geo", "FI1B").queryParam("time", "2024").queryParam("format", "sdmx-csv")
                .get(rates + "/observations").asString());
        int measure = sdmx.get(0).indexOf("UNIT_MEASURE");
        for (List<String> row : sdmx.subList(1, sdmx.size())) assertEquals("PC", row.get(measure));
        JsonNode js = Json.MAPPER.readTree(TestServer.given().queryParam("geo", "FI1B").queryParam("time", "2024").queryParam("format", "jsonstat")
                .get(rates + "/observations").asString().getBytes(StandardCharsets.UTF_8));
        assertEquals("indicator", js.path("id").get(0).asText());
        assertEquals(1, js.at("/dimension/indicator/category/unit/unemployment-rate/decimals").asInt());
    }

    private static List<List<String>> csv(String text) {
        return SeedFile.parseCsv(text);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
