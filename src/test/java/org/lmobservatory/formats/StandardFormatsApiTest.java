package org.lmobservatory.formats;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.Observatory;
import org.lmobservatory.config.AppConfig;
import org.lmobservatory.formats.FormatsFixture.Cell;
import org.lmobservatory.support.Contract;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every output format against the JSON format, cell for cell, through the real server and the OpenAPI contract. */
class StandardFormatsApiTest {
    private static final String RATES = "/v1/datasets/unemployment-rate/observations";
    private static final Map<String, String> RATES_QUERY = Map.of("geo", "FI1B,PL91,XK", "sex", "F,T", "age", "Y15-24", "time", "2021..2025");
    private static final List<String> RATES_DIMENSIONS = List.of("geo", "sex", "age");
    private static final String SPARSE = FormatsFixture.SPARSE_OBSERVATIONS;
    private static final List<String> SPARSE_DIMENSIONS = List.of("area", "group");
    private static final Pattern LINK = Pattern.compile("<([^>]+)>; rel=\"describedby\"; type=\"application/csvm\\+json\"");

    @BeforeAll
    static void publishFixture() throws Exception {
        FormatsFixture.publish();
    }

    // ---- JSON-stat

    @Test
    void jsonStatHoldsEveryCellOfTheJsonFormatWithLabelsInTheAskedLanguage() throws Exception {
        Map<String, Cell> expected = FormatsFixture.jsonCells(RATES, RATES_QUERY, RATES_DIMENSIONS);
        Response response = TestServer.given().queryParams(RATES_QUERY).queryParam("format", "jsonstat").queryParam("lang", "pl").get(RATES);
        response.then().statusCode(200).contentType(startsWith("application/vnd.jsonstat+json"));
        JsonNode js = FormatsFixture.EXACT.readTree(response.asString());

        FormatsFixture.assertSameCells(expected, JsonStatCube.cells(js, RATES_DIMENSIONS), "JSON-stat");
        assertEquals("2.0", js.path("version").asText());
        assertEquals("dataset", js.path("class").asText());
        assertEquals(List.of("indicator", "geo", "sex", "age", "time"), texts(js.path("id")));
        assertEquals(List.of(1, 3, 2, 1, 5), ints(js.path("size")));
        assertEquals("Stopa bezrobocia według regionów, płci i wieku", js.path("label").asText());
        assertEquals(List.of("time"), texts(js.at("/role/time")));
        assertEquals(List.of("geo"), texts(js.at("/role/geo")));
        assertEquals(List.of("indicator"), texts(js.at("/role/metric")));
        assertEquals("procent", js.at("/dimension/indicator/category/unit/unemployment-rate/label").asText());
        assertEquals(1, js.at("/dimension/indicator/category/unit/unemployment-rate/decimals").asInt());
        // Categories in codelist order (Finland, Poland, Kosovo; total before females), labels in Polish.
        assertEquals(List.of("FI1B", "PL91", "XK"), texts(js.at("/dimension/geo/category/index")));
        assertEquals(List.of("T", "F"), texts(js.at("/dimension/sex/category/index")));
        assertEquals("Kobiety", js.at("/dimension/sex/category/label/F").asText());
        assertEquals("Płeć", js.at("/dimension/sex/label").asText());
        assertEquals(List.of("2021", "2022", "2023", "2024", "2025"), texts(js.at("/dimension/time/category/index")));
        assertFalse(js.path("source").asText().isEmpty());
        assertTrue(js.path("updated").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), js.path("updated").asText());
        assertTrue(js.path("note").get(0).asText().startsWith("DANE DEMONSTRACYJNE"));
        assertEquals("provisional", js.at("/extension/flags/p").asText());
        assertEquals("CC-BY-4.0", js.at("/extension/licence").asText());
        long jsonRelease = TestServer.given().queryParams(RATES_QUERY).get(RATES).then().extract().jsonPath().getLong("release.id");
        assertEquals(jsonRelease, js.at("/extension/release/id").asLong());
    }

    @Test
    void jsonStatOfASparseCubeHasNullWhereNoSeriesOrPeriodExists() throws Exception {
        Map<String, Cell> expected = FormatsFixture.jsonCells(SPARSE, Map.of(), SPARSE_DIMENSIONS);
        JsonNode js = FormatsFixture.EXACT.readTree(TestServer.given().queryParam("format", "jsonstat").get(SPARSE)
                .then().statusCode(200).extract().asString());

        FormatsFixture.assertSameCells(expected, JsonStatCube.cells(js, SPARSE_DIMENSIONS), "sparse JSON-stat");
        assertEquals(List.of(1, 3, 2, 4), ints(js.path("size")));
        assertEquals(List.of("A3", "A1", "A2"), texts(js.at("/dimension/area/category/index")), "codelist order, not alphabetical");
        assertEquals(24, js.path("value").size());
        long nulls = 0;
        for (JsonNode v : js.path("value")) if (v.isNull()) nulls++;
        assertEquals(24 - 8, nulls, "8 values; the suppressed cell, the gap and the missing series are null");
        // A2 (index 2) × G2 (1) × 2021 (1): (2*2 + 1)*4 + 1 = 21, confidential, value withheld.
        assertTrue(js.path("value").get(21).isNull());
        assertEquals("c", js.at("/status/21").asText());
        assertEquals("bu", js.at("/status/0").asText(), "two flags on A3 × G1 × 2020");
        assertEquals(0, new BigDecimal("1234567.125").compareTo(js.path("value").get(2).decimalValue()));
        assertEquals("EUR", js.at("/extension/unit/id").asText());
        assertEquals(3, js.at("/extension/unit/multiplier").asInt());
    }

    @Test
    void jsonStatIsNegotiatedByAcceptHeader() {
        for (String accept : List.of("application/json; profile=jsonstat", "application/vnd.jsonstat+json",
                "text/html;q=0.9, application/json;profile=\"https://json-stat.org/format/\"")) {
            TestServer.given().header("Accept", accept).queryParam("geo", "FI1B").queryParam("time", "2024").get(RATES)
                    .then().statusCode(200).contentType(startsWith("application/vnd.jsonstat+json")).body("class", equalTo("dataset"));
        }
        TestServer.given().header("Accept", "application/json").queryParam("geo", "FI1B").queryParam("time", "2024").get(RATES)
                .then().statusCode(200).contentType("application/json").body("dataset", equalTo("unemployment-rate"));
        TestServer.given().header("Accept", "text/csv;q=0.5, application/vnd.sdmx.data+csv").queryParam("geo", "FI1B").get(RATES)
                .then().statusCode(200).contentType(startsWith("application/vnd.sdmx.data+csv"));
        TestServer.given().header("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .queryParam("geo", "FI1B").get(RATES).then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void theDenseJsonStatCubeCountsAgainstTheJsonCellLimit() {
        // fmt-sparse has 3 series × 4 periods = 12 cells, but its dense cube is 3 areas × 2 groups × 4 periods = 24.
        AppConfig small = TestDatabase.config().withLimits(new AppConfig.Limits(20, 100, 5000, 1000, 0));
        try (Observatory limited = TestServer.start(small)) {
            var api = RestAssured.given().baseUri("http://localhost:" + limited.port()).filter(Contract.filter());
            api.get(SPARSE).then().statusCode(200);
            api.queryParam("format", "jsonstat").get(SPARSE).then().statusCode(413)
                    .contentType("application/problem+json").body("cells", equalTo(24)).body("limit", equalTo(20));
        }
    }

    // ---- CSV dialects and layouts

    @Test
    void semicolonCsvUsesTheDecimalCommaOfTheLanguage() throws Exception {
        Map<String, Cell> expected = FormatsFixture.jsonCells(SPARSE, Map.of(), SPARSE_DIMENSIONS);
        String fi = TestServer.given().queryParam("csvSeparator", "semicolon").queryParam("lang", "fi").queryParam("format", "csv")
                .get(SPARSE).then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        List<List<String>> records = org.lmobservatory.support.SeedFile.parseCsv(fi, ';');
        assertEquals(List.of("area", "area_label", "group", "group_label", "time", "value", "unit", "flag", "flag_label"), records.get(0));
        assertTrue(fi.contains(";1234567,125;euroa;"), fi);
        assertTrue(fi.contains("\"Pohjoinen; ylä\""), "a label holding the separator is quoted: " + fi);
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (List<String> r : records.subList(1, records.size())) {
            assertFalse(r.get(5).contains("."), "no decimal point in a Finnish semicolon file: " + r);
            cells.put(r.get(0) + "|" + r.get(2) + "|" + r.get(4), Cell.of(r.get(5).replace(',', '.'), r.get(7)));
        }
        FormatsFixture.assertSameCells(expected, cells, "semicolon CSV");

        String en = TestServer.given().queryParam("csvSeparator", "semicolon").queryParam("lang", "en").queryParam("format", "csv")
                .get(SPARSE).then().statusCode(200).extract().asString();
        assertTrue(en.contains(";1234567.125;euro;"), "English keeps the decimal point: " + en);
        assertTrue(en.contains("North, upper;"), "commas need no quotes in a semicolon file: " + en);
        String comma = TestServer.given().queryParam("lang", "fi").queryParam("format", "csv").get(SPARSE).then().extract().asString();
        assertTrue(comma.contains(",1234567.125,euroa,"), "the default CSV keeps RFC 4180 and the decimal point: " + comma);
    }

    @Test
    void aByteOrderMarkIsWrittenOnlyWhenAskedFor() {
        byte[] withBom = TestServer.given().queryParam("bom", "true").queryParam("format", "csv").get(SPARSE)
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', 'r', 'e', 'a'}, java.util.Arrays.copyOf(withBom, 7));
        byte[] without = TestServer.given().queryParam("format", "csv").get(SPARSE).then().extract().asByteArray();
        assertEquals('a', without[0]);
        assertEquals(withBom.length - 3, without.length);
    }

    @Test
    void wideCsvHasAValueAndAFlagColumnPerPeriodAndTheCellsOfTheJsonFormat() throws Exception {
        Map<String, Cell> expected = FormatsFixture.jsonCells(SPARSE, Map.of(), SPARSE_DIMENSIONS);
        String csv = TestServer.given().queryParam("layout", "wide").queryParam("format", "csv").get(SPARSE)
                .then().statusCode(200).extract().asString();
        List<List<String>> records = org.lmobservatory.support.SeedFile.parseCsv(csv, ',');
        assertEquals(List.of("area", "area_label", "group", "group_label", "unit",
                "2020", "2020_flag", "2021", "2021_flag", "2022", "2022_flag", "2023", "2023_flag"), records.get(0));
        assertEquals(List.of("A3", "A1", "A2"), records.subList(1, records.size()).stream().map(r -> r.get(0)).toList(),
                "one row per series, in codelist order");
        assertEquals("North, upper", records.get(2).get(1));
        FormatsFixture.assertSameCells(expected, wideCells(records, 2, 5), "wide CSV");

        String codesOnly = TestServer.given().queryParam("layout", "wide").queryParam("labels", "code").queryParam("time", "2022..")
                .queryParam("format", "csv").get(SPARSE).then().statusCode(200).extract().asString();
        assertEquals(List.of("area", "group", "unit", "2022", "2022_flag", "2023", "2023_flag"), org.lmobservatory.support.SeedFile.parseCsv(codesOnly, ',').get(0));
    }

    // ---- XLSX

    @Test
    void xlsxDataSheetHoldsTheCellsOfTheJsonFormatAndTheMetadataSheetDescribesTheRelease() throws Exception {
        Map<String, Cell> expected = FormatsFixture.jsonCells(RATES, RATES_QUERY, RATES_DIMENSIONS);
        Response response = TestServer.given().queryParams(RATES_QUERY).queryParam("format", "xlsx").get(RATES);
        response.then().statusCode(200).contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", containsString(".xlsx\""));
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            List<Row> data = wb.findSheet("Data").orElseThrow().read();
            assertEquals(List.of("geo", "geo_label", "sex", "sex_label", "age", "age_label", "time", "value", "unit", "flag", "flag_label"),
                    texts(data.get(0)));
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (Row r : data.subList(1, data.size())) {
                BigDecimal value = r.getOptionalCell(7).flatMap(c -> r.getCellAsNumber(7)).orElse(null);
                cells.put(text(r, 0) + "|" + text(r, 2) + "|" + text(r, 4) + "|" + text(r, 6), new Cell(value, text(r, 9)));
            }
            FormatsFixture.assertSameCells(expected, cells, "XLSX");
            assertEquals("Helsinki-Uusimaa", text(data.get(1), 1));

            Map<String, String> metadata = new HashMap<>();
            for (Row r : wb.findSheet("Metadata").orElseThrow().read()) metadata.put(text(r, 0), text(r, 1));
            assertEquals("Unemployment rate by region, sex and age", metadata.get("Title"));
            assertTrue(metadata.get("Licence").startsWith("CC-BY-4.0"), metadata.toString());
            assertTrue(metadata.get("Source").startsWith("Labour Market Observatory"), metadata.toString());
            long release = TestServer.given().queryParams(RATES_QUERY).get(RATES).then().extract().jsonPath().getLong("release.id");
            assertEquals(Long.toString(release), metadata.get("Release"));
            assertTrue(metadata.get("Citation").contains("release " + release), metadata.toString());
            assertEquals("Meaning", metadata.get("Flag"), "flags legend header");
            assertEquals("provisional", metadata.get("p"));
        }
        // In Finnish, the metadata sheet is Finnish too: headings, flag meanings, the Kosovo* note (XK is in the query).
        Response finnish = TestServer.given().queryParams(RATES_QUERY).queryParam("format", "xlsx").queryParam("lang", "fi").get(RATES);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(finnish.asByteArray()))) {
            Map<String, String> metadata = new HashMap<>();
            for (Row r : wb.findSheet("Metadata").orElseThrow().read()) metadata.put(text(r, 0), text(r, 1));
            assertTrue(metadata.containsKey("Otsikko") && metadata.containsKey("Lähde") && metadata.containsKey("Viittaus"), metadata.toString());
            assertEquals("Merkitys", metadata.get("Merkintä"));
            assertEquals("ennakkotieto", metadata.get("p"));
            assertEquals(org.lmobservatory.catalogue.KosovoDesignation.footnote("fi"), metadata.get("Huomautus"));
        }
    }

    @Test
    void wideXlsxHasPeriodColumnsWithNumbers() throws Exception {
        Map<String, Cell> expected = FormatsFixture.jsonCells(SPARSE, Map.of(), SPARSE_DIMENSIONS);
        byte[] xlsx = TestServer.given().queryParam("format", "xlsx").queryParam("layout", "wide").get(SPARSE)
                .then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> data = wb.getFirstSheet().read();
            List<List<String>> records = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                Row r = data.get(i);
                List<String> record = new ArrayList<>();
                for (int c = 0; c < 13; c++) {
                    int column = c;
                    boolean number = i > 0 && c >= 5 && c % 2 == 1;
                    record.add(number ? r.getOptionalCell(c).flatMap(x -> r.getCellAsNumber(column)).map(BigDecimal::toPlainString).orElse("")
                            : text(r, c));
                }
                records.add(record);
            }
            assertEquals("2020", records.get(0).get(5));
            FormatsFixture.assertSameCells(expected, wideCells(records, 2, 5), "wide XLSX");
            Map<String, String> metadata = new HashMap<>();
            for (Row r : wb.findSheet("Metadata").orElseThrow().read()) metadata.put(text(r, 0), text(r, 1));
            assertEquals("confidential: suppressed to protect small groups", metadata.get("c"));
            assertEquals("break in time series", metadata.get("b"));
        }
    }

    // ---- SDMX-CSV

    @Test
    void sdmxCsvHasTheSdmxColumnsAndTheCellsOfTheJsonFormat() throws Exception {
        Map<String, Cell> expected = FormatsFixture.jsonCells(RATES, RATES_QUERY, RATES_DIMENSIONS);
        Response response = TestServer.given().queryParams(RATES_QUERY).queryParam("format", "sdmx-csv").get(RATES);
        response.then().statusCode(200).contentType(startsWith("application/vnd.sdmx.data+csv; version=2.0.0"))
                .header("Content-Disposition", containsString("_sdmx.csv\""));
        List<List<String>> records = org.lmobservatory.support.SeedFile.parseCsv(response.asString(), ',');
        assertEquals(List.of("STRUCTURE", "STRUCTURE_ID", "ACTION", "geo", "sex", "age", "TIME_PERIOD", "OBS_VALUE", "OBS_STATUS",
                "UNIT_MEASURE", "UNIT_MULT"), records.get(0));
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (List<String> r : records.subList(1, records.size())) {
            assertEquals(List.of("dataflow", "LMO:unemployment-rate(1.0)", "I"), r.subList(0, 3));
            assertEquals(List.of("PC", "0"), r.subList(9, 11));
            cells.put(r.get(3) + "|" + r.get(4) + "|" + r.get(5) + "|" + r.get(6), Cell.of(r.get(7), r.get(8)));
        }
        FormatsFixture.assertSameCells(expected, cells, "SDMX-CSV");
    }

    // ---- CSVW sidecar

    @Test
    void everyCsvLinksCsvwMetadataWhoseColumnsAreTheCsvHeader() throws Exception {
        List<Map<String, String>> variants = List.of(
                Map.of("format", "csv"),
                Map.of("format", "csv", "csvSeparator", "semicolon", "lang", "cs", "bom", "true"),
                Map.of("format", "csv", "layout", "wide", "labels", "label"),
                Map.of("format", "sdmx-csv"));
        for (Map<String, String> variant : variants) {
            Response csv = TestServer.given().queryParams(variant).queryParam("time", "2021..2023").get(SPARSE);
            csv.then().statusCode(200);
            // The Link header also carries the release-pinned citation (rel="cite-as"), so find the describedby member.
            Matcher link = LINK.matcher(csv.header("Link"));
            assertTrue(link.find(), "Link header: " + csv.header("Link"));
            JsonNode meta = FormatsFixture.EXACT.readTree(TestServer.given().urlEncodingEnabled(false).get(link.group(1))
                    .then().statusCode(200).contentType("application/csvm+json").extract().asString());
            char separator = variant.containsKey("csvSeparator") ? ';' : ',';
            String text = new String(csv.asByteArray(), StandardCharsets.UTF_8).replace("\uFEFF", "");
            List<String> header = org.lmobservatory.support.SeedFile.parseCsv(text, separator).get(0);
            List<String> titles = new ArrayList<>();
            meta.at("/tableSchema/columns").forEach(c -> titles.add(c.path("titles").asText()));
            assertEquals(header, titles, variant.toString());
            assertEquals(String.valueOf(separator), meta.at("/dialect/delimiter").asText(), variant.toString());
            // The CSV's own URL as requested (CsvwLocatingTest checks it exactly).
            String url = java.net.URLDecoder.decode(meta.path("url").asText(), StandardCharsets.UTF_8);
            assertTrue(url.contains("/v1/datasets/fmt-sparse/observations?") && url.contains("time=2021..2023")
                    && variant.entrySet().stream().allMatch(e -> url.contains(e.getKey() + "=" + e.getValue())),
                    "the metadata names the CSV it describes: " + meta.path("url"));
        }
    }

    @Test
    void csvwMetadataCarriesTypesUnitCodelistsFlagLegendLicenceAndCitation() throws Exception {
        JsonNode meta = FormatsFixture.EXACT.readTree(TestServer.given().queryParam("csvSeparator", "semicolon").queryParam("lang", "fi")
                .get(SPARSE + "/csv-metadata.json").then().statusCode(200).extract().asString());
        assertEquals("http://www.w3.org/ns/csvw", meta.at("/@context/0").asText());
        assertEquals("fi", meta.at("/@context/1/@language").asText());
        assertEquals("Muotojen testiaineisto", meta.path("dc:title").asText());
        assertEquals("https://spdx.org/licenses/CC-BY-4.0.html", meta.at("/dc:license/@id").asText());
        assertTrue(meta.path("dc:bibliographicCitation").asText().contains("[fmt-sparse], release "), meta.toString());
        Map<String, JsonNode> columns = new LinkedHashMap<>();
        meta.at("/tableSchema/columns").forEach(c -> columns.put(c.path("name").asText(), c));
        assertEquals("decimal", columns.get("value").at("/datatype/base").asText());
        assertEquals(",", columns.get("value").at("/datatype/format/decimalChar").asText());
        assertEquals("euroa", columns.get("value").path("schema:unitText").asText());
        assertEquals("EUR", columns.get("value").path("schema:unitCode").asText());
        assertTrue(columns.get("area").path("valueUrl").asText().endsWith("/v1/codelists/FMT-AREA#{area}"));
        assertTrue(columns.get("flag").path("dc:description").asText().contains("c = confidential"));
        assertEquals("\\d{4}", columns.get("time").at("/datatype/format").asText());
        assertEquals(List.of("area", "group", "time"), texts(meta.at("/tableSchema/primaryKey")));
        assertTrue(meta.path("url").asText().endsWith("/v1/datasets/fmt-sparse/observations?csvSeparator=semicolon&format=csv&lang=fi"),
                meta.path("url").asText());
    }

    // ---- headers and parameter combinations

    @Test
    void theDownloadFileNameNamesDatasetReleaseFilterAndVariant() {
        long release = TestServer.given().get(SPARSE).then().extract().jsonPath().getLong("release.id");
        String prefix = "attachment; filename=\"fmt-sparse_release-" + release;
        TestServer.given().queryParam("area", "A1,A2").queryParam("time", "2021..2022").queryParam("format", "csv")
                .queryParam("csvSeparator", "semicolon").queryParam("lang", "fi").get(SPARSE)
                .then().header("Content-Disposition", equalTo(prefix + "_area=A1,A2_time=2021..2022.csv\""));
        TestServer.given().queryParam("format", "csv").queryParam("layout", "wide").get(SPARSE)
                .then().header("Content-Disposition", equalTo(prefix + "_wide.csv\""));
        TestServer.given().queryParam("format", "xlsx").queryParam("group", "G1").get(SPARSE)
                .then().header("Content-Disposition", equalTo(prefix + "_group=G1.xlsx\""));
        TestServer.given().queryParam("format", "sdmx-csv").get(SPARSE)
                .then().header("Content-Disposition", equalTo(prefix + "_sdmx.csv\""));
        Response jsonStat = TestServer.given().queryParam("format", "jsonstat").get(SPARSE);
        assertEquals(null, jsonStat.header("Content-Disposition"), "JSON-stat is an API document, not a download");
        assertTrue(!jsonStat.header("Link").contains("describedby") && jsonStat.header("Link").contains("rel=\"cite-as\""),
                "JSON-stat links only its citation: " + jsonStat.header("Link"));
    }

    @Test
    void parameterCombinationsAFormatCannotHonourAre400s() {
        TestServer.given().queryParam("layout", "wide").get(SPARSE).then().statusCode(400)
                .body("parameter", equalTo("layout")).body("detail", containsString("format=csv and format=xlsx"));
        TestServer.given().queryParam("layout", "wide").queryParam("format", "sdmx-csv").get(SPARSE).then().statusCode(400);
        TestServer.given().queryParam("csvSeparator", "semicolon").queryParam("format", "xlsx").get(SPARSE).then().statusCode(400)
                .body("parameter", equalTo("csvSeparator"));
        TestServer.given().queryParam("bom", "true").get(SPARSE).then().statusCode(400).body("parameter", equalTo("bom"));
        TestServer.given().queryParam("labels", "label").queryParam("format", "jsonstat").get(SPARSE).then().statusCode(400)
                .body("parameter", equalTo("labels"));
        TestServer.given().queryParam("labels", "both").queryParam("format", "sdmx-csv").get(SPARSE).then().statusCode(400);
        TestServer.given().queryParam("csvSeparator", "tab").queryParam("format", "csv").get(SPARSE).then().statusCode(400)
                .body("allowed", hasItem("semicolon"));
        TestServer.given().queryParam("layout", "diagonal").queryParam("format", "csv").get(SPARSE).then().statusCode(400);
        TestServer.given().queryParam("bom", "yes").queryParam("format", "csv").get(SPARSE).then().statusCode(400);
        TestServer.given().queryParam("format", "parquet").get(SPARSE).then().statusCode(400)
                .body("allowed", equalTo(List.of("json", "csv", "jsonstat", "xlsx", "sdmx-csv", "sdmx-csv-1.0", "sdmx-genericdata", "sdmx-structurespecificdata")));
        TestServer.given().queryParam("format", "xlsx").get(SPARSE + "/csv-metadata.json").then().statusCode(400)
                .body("parameter", equalTo("format"));
        TestServer.given().get("/v1/datasets/nope/observations/csv-metadata.json").then().statusCode(404);
    }

    @Test
    void aQueryMatchingNothingIsA200InEveryFormat() throws Exception {
        JsonNode js = FormatsFixture.EXACT.readTree(TestServer.given().queryParam("time", "1990..1995").queryParam("format", "jsonstat")
                .get(SPARSE).then().statusCode(200).extract().asString());
        assertEquals(0, js.path("value").size());
        assertTrue(js.at("/extension/warnings/0").asText().contains("No observations match"));
        String wide = TestServer.given().queryParam("time", "1990..1995").queryParam("format", "csv").queryParam("layout", "wide")
                .get(SPARSE).then().statusCode(200).extract().asString();
        assertEquals(List.of(List.of("area", "area_label", "group", "group_label", "unit")), org.lmobservatory.support.SeedFile.parseCsv(wide, ','));
        String sdmx = TestServer.given().queryParam("time", "1990..1995").queryParam("format", "sdmx-csv").get(SPARSE)
                .then().statusCode(200).extract().asString();
        assertEquals(1, org.lmobservatory.support.SeedFile.parseCsv(sdmx, ',').size());
        byte[] xlsx = TestServer.given().queryParam("time", "1990..1995").queryParam("format", "xlsx").get(SPARSE)
                .then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(1, wb.getFirstSheet().read().size(), "header only");
            assertTrue(wb.findSheet("Metadata").orElseThrow().read().stream().anyMatch(r -> text(r, 0).equals("Warning")));
        }
    }

    // ---- helpers

    /** Cells of a wide table of fmt-sparse: area code in column 0, group code in groupColumn, value and flag pairs from firstPeriod. */
    private static Map<String, Cell> wideCells(List<List<String>> records, int groupColumn, int firstPeriod) {
        List<String> header = records.get(0);
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (List<String> r : records.subList(1, records.size())) {
            for (int c = firstPeriod; c < header.size(); c += 2) {
                if (r.get(c).isEmpty() && r.get(c + 1).isEmpty()) continue;
                cells.put(r.get(0) + "|" + r.get(groupColumn) + "|" + header.get(c), Cell.of(r.get(c), r.get(c + 1)));
            }
        }
        return cells;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    private static List<String> texts(Row row) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < row.getCellCount(); c++) out.add(text(row, c));
        return out;
    }

    private static String text(Row row, int c) {
        return c < row.getCellCount() ? row.getCellText(c) : "";
    }
}
