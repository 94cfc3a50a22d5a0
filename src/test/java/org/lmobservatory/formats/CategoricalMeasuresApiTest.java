package org.lmobservatory.formats;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.lmobservatory.db.Json;
import org.lmobservatory.loader.DefinitionFiles.InvalidDefinitionException;
import org.lmobservatory.loader.LoadReport;
import org.lmobservatory.support.SeedFile;
import org.lmobservatory.support.TestServer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The occupational barometer rates each occupation per county with a code of BAROMETER_RATING: the loader checks the
 * code, every format serves it (with its label where the format has labels), and charts draw it as a coloured table.
 */
class CategoricalMeasuresApiTest {
    private static final String BAROMETER = "/v1/datasets/occupational-barometer";
    private static final List<String> RATINGS = List.of("LARGE_SHORTAGE", "SHORTAGE", "BALANCE", "SURPLUS", "LARGE_SURPLUS");
    private static final Map<String, String> ENGLISH = Map.of("LARGE_SHORTAGE", "Large shortage", "SHORTAGE", "Shortage",
            "BALANCE", "Balance", "SURPLUS", "Surplus", "LARGE_SURPLUS", "Large surplus");

    @Test
    void metadataNamesTheCategoryMeasureItsCodelistAndItsCategoriesInOrder() {
        JsonPath meta = TestServer.given().queryParam("lang", "pl").get(BAROMETER).then().statusCode(200).extract().jsonPath();
        String rating = "measures.measures.find { it.code == 'RATING' }";
        assertEquals("category", meta.getString(rating + ".kind"));
        assertEquals("BAROMETER_RATING", meta.getString(rating + ".codelist"));
        assertEquals(RATINGS, meta.getList(rating + ".categories.id"));
        assertEquals("Duży deficyt", meta.getString(rating + ".categories[0].label"));
    }

    @Test
    void aRatingRoundTripsThroughEveryFormatAsItsCodeWithItsLabel() throws Exception {
        Map<String, String> expected = seedRatings("PL_1261", "2024");
        assertEquals(12, expected.size(), "the seed rates twelve occupations in Kraków");
        Map<String, Object> query = Map.of("geo", "PL_1261", "time", "2024");

        // JSON: value stays a number or null for clients that read it as one; the code and its label beside it
        JsonPath json = TestServer.given().queryParams(query).get(BAROMETER + "/observations").then().statusCode(200).extract().jsonPath();
        Map<String, String> fromJson = new LinkedHashMap<>();
        for (Map<String, Object> o : json.<Map<String, Object>>getList("observations")) {
            fromJson.put((String) o.get("occupation"), (String) o.get("value_code"));
            assertTrue(o.containsKey("value") && o.get("value") == null, o.toString());
            assertEquals(ENGLISH.get((String) o.get("value_code")), o.get("value_label"), o.toString());
            assertEquals("RATING", o.get("unit"));
        }
        assertEquals(expected, fromJson);
        assertEquals("Large surplus", json.getString("measures.RATING.categories.LARGE_SURPLUS"));

        // CSV: code in value, label in value_label
        List<List<String>> csv = csv(TestServer.given().queryParams(query).queryParam("format", "csv").get(BAROMETER + "/observations").asString());
        int occupation = csv.get(0).indexOf("occupation");
        int value = csv.get(0).indexOf("value");
        int label = csv.get(0).indexOf("value_label");
        assertTrue(label == value + 1, csv.get(0).toString());
        Map<String, String> fromCsv = new LinkedHashMap<>();
        for (List<String> row : csv.subList(1, csv.size())) {
            fromCsv.put(row.get(occupation), row.get(value));
            assertEquals(ENGLISH.get(row.get(value)), row.get(label), row.toString());
        }
        assertEquals(expected, fromCsv);
        List<List<String>> codesOnly = csv(TestServer.given().queryParams(query).queryParam("format", "csv").queryParam("labels", "code")
                .get(BAROMETER + "/observations").asString());
        assertFalse(codesOnly.get(0).contains("value_label"), "labels=code leaves the labels out, the value's too");

        // SDMX-CSV: OBS_VALUE is the code
        List<List<String>> sdmx = csv(TestServer.given().queryParams(query).queryParam("format", "sdmx-csv").get(BAROMETER + "/observations").asString());
        Map<String, String> fromSdmx = new LinkedHashMap<>();
        for (List<String> row : sdmx.subList(1, sdmx.size())) {
            fromSdmx.put(row.get(sdmx.get(0).indexOf("occupation")), row.get(sdmx.get(0).indexOf("OBS_VALUE")));
        }
        assertEquals(expected, fromSdmx);

        // JSON-stat 2.0: value holds strings (allowed by its schema), labels in the extension
        JsonNode js = Json.MAPPER.readTree(TestServer.given().queryParams(query).queryParam("format", "jsonstat")
                .get(BAROMETER + "/observations").then().statusCode(200).extract().asByteArray());
        assertEquals(List.of("geo", "occupation", "indicator", "time"), texts(js.path("id")));
        List<String> occupations = texts(js.at("/dimension/occupation/category/index"));
        Map<String, String> fromJsonStat = new LinkedHashMap<>();
        for (int i = 0; i < occupations.size(); i++) fromJsonStat.put(occupations.get(i), js.path("value").get(i).asText());
        assertTrue(js.path("value").get(0).isTextual());
        assertEquals(expected, fromJsonStat);
        assertEquals("BAROMETER_RATING", js.at("/extension/measures/RATING/codelist").asText());
        assertEquals("Shortage", js.at("/extension/measures/RATING/categories/SHORTAGE").asText());

        // XLSX: the code and the label as text
        byte[] xlsx = TestServer.given().queryParams(query).queryParam("format", "xlsx").get(BAROMETER + "/observations")
                .then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> data = wb.findSheet("Data").orElseThrow().read();
            List<String> header = new ArrayList<>();
            data.get(0).forEach(c -> header.add(c == null ? "" : c.getText()));
            Map<String, String> fromXlsx = new LinkedHashMap<>();
            for (Row r : data.subList(1, data.size())) {
                fromXlsx.put(r.getCellText(header.indexOf("occupation")), r.getCellText(header.indexOf("value")));
                assertEquals(ENGLISH.get(r.getCellText(header.indexOf("value"))), r.getCellText(header.indexOf("value_label")));
            }
            assertEquals(expected, fromXlsx);
        }
    }

    @Test
    void aLoadedFileIsCheckedAgainstTheCodelistAndServedBackAsLoaded() throws Exception {
        TestServer.get();
        Path definition = TestServer.file("t-barometer.json", """
                {"id": "t-barometer", "title": {"en": "Test barometer"}, "theme": "skills-demand", "frequency": "A",
                 "unit": {"id": "RATING", "label": {"en": "rating"}}, "source": "test",
                 "dimensions": [{"id": "geo", "codelist": "GEO", "role": "geo"}, {"id": "occupation", "codelist": "ISCO08"},
                                {"id": "indicator", "codelist": "BAROMETER_INDICATOR"}],
                 "measures": {"dimension": "indicator", "codes": {"RATING": {"kind": "category", "codelist": "BAROMETER_RATING",
                   "unit": {"id": "RATING", "label": {"en": "rating"}}}}}}
                """);
        TestServer.loader().define(definition);
        Path bad = TestServer.file("ratings.csv", """
                geo,occupation,indicator,time,value,flag
                PL_1261,OC2512,RATING,2024,SHORTAGE,
                PL_1262,OC2512,RATING,2024,SHORTGE,
                PL_1263,OC2512,RATING,2024,3,
                """);
        LoadReport refused = TestServer.loader().load("t-barometer", bad, Optional.empty());
        assertEquals(LoadReport.Status.INVALID, refused.status());
        List<String> errors = refused.errors().stream().map(Object::toString).toList();
        assertEquals(List.of(
                "ratings.csv:3: value 'SHORTGE' of measure RATING is not a code of codelist BAROMETER_RATING; one of "
                        + String.join(", ", RATINGS),
                "ratings.csv:4: value '3' of measure RATING is not a code of codelist BAROMETER_RATING; one of "
                        + String.join(", ", RATINGS)), errors);

        Path good = TestServer.file("ratings.csv", """
                geo,occupation,indicator,time,value,flag
                PL_1261,OC2512,RATING,2024,SHORTAGE,
                PL_1262,OC2512,RATING,2024,LARGE_SURPLUS,p
                PL_1263,OC2512,RATING,2024,,m
                """);
        LoadReport loaded = TestServer.loader().load("t-barometer", good, Optional.empty());
        assertEquals(LoadReport.Status.VALID, loaded.status(), loaded.errors().toString());
        TestServer.publishLoad("t-barometer", loaded.loadId());
        JsonPath doc = TestServer.given().get("/v1/datasets/t-barometer/observations").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("PL_1261", "PL_1262", "PL_1263"), doc.getList("observations.geo"));
        assertEquals(java.util.Arrays.asList("SHORTAGE", "LARGE_SURPLUS", null), doc.getList("observations.value_code"));
        assertEquals(java.util.Arrays.asList("", "p", "m"), doc.getList("observations.flag").stream().map(f -> f == null ? "" : f).toList());
    }

    @Test
    void aCategoryMeasureWithoutItsCodelistIsRefusedByDefine() throws Exception {
        TestServer.get();
        Path definition = TestServer.file("t-barometer-bad.json", """
                {"id": "t-barometer-bad", "title": {"en": "Test"}, "theme": "skills-demand", "frequency": "A",
                 "unit": {"id": "RATING"}, "source": "test",
                 "dimensions": [{"id": "geo", "codelist": "GEO"}, {"id": "indicator", "codelist": "BAROMETER_INDICATOR"}],
                 "measures": {"dimension": "indicator", "codes": {"RATING": {"kind": "category", "unit": {"id": "RATING"}}}}}
                """);
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class, () -> TestServer.loader().define(definition));
        assertTrue(e.getMessage().startsWith("t-barometer-bad.json: $.measures.codes.RATING.codelist: missing; a category measure names"),
                e.getMessage());
    }

    @Test
    void chartsDrawRatingsAsAColouredTableWithALegendWhateverTheTypeAsked() {
        String grid = TestServer.given().queryParam("geoLevel", "county").queryParam("geoParent", "PL21").queryParam("time", "2025")
                .get(BAROMETER + "/chart.svg").then().statusCode(200).contentType("image/svg+xml;charset=utf-8").extract().asString();
        assertTrue(grid.contains("lmo-chart-category-grid"), grid);
        assertEquals(22 * 12, grid.split("class=\"lmo-cell\"", -1).length - 1, "a cell per county and occupation");
        for (String label : ENGLISH.values()) assertTrue(grid.contains(label), label);
        assertTrue(grid.contains("Software developers"), "occupations are the columns");
        assertTrue(grid.contains("<desc id=\"lmo-chart-desc\">Table of categories"), grid);

        // A ranking or a line has no meaning for ratings: the same table, not a 500.
        for (String type : List.of("bar", "line", "sparkline")) {
            String svg = TestServer.given().queryParam("geo", "PL_1261").queryParam("occupation", "OC2221,OC4110").queryParam("type", type)
                    .get(BAROMETER + "/chart.svg").then().statusCode(200).extract().asString();
            assertTrue(svg.contains("lmo-chart-category-grid"), type);
            assertEquals(4, svg.split("class=\"lmo-cell\"", -1).length - 1, type + ": two occupations × two years");
        }
        String widget = TestServer.given().queryParam("dataset", "occupational-barometer").queryParam("geo", "PL_1261")
                .queryParam("occupation", "OC2221").queryParam("lang", "pl").get("/widgets/indicator").then().statusCode(200).extract().asString();
        String latest = seedRatings("PL_1261", "2025").get("OC2221");
        assertTrue(widget.contains("value=\"" + latest + "\""), widget);
    }

    /** The ratings the generated seed file gives one county in one year, by occupation. */
    private static Map<String, String> seedRatings(String geo, String year) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("seed/data/occupational-barometer.csv"), StandardCharsets.UTF_8)) {
                String[] f = line.split(",", -1);
                if (f[0].equals(geo) && f[3].equals(year)) out.put(f[1], f[4]);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
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
