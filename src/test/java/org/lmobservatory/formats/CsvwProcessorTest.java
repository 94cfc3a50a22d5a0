package org.lmobservatory.formats;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lmobservatory.db.Json;
import org.lmobservatory.loader.formats.CsvRecordReader;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real CSV on the Web processor reads our CSV answers: rdf-parser-csvw (rdf-ext; W3C "Generating RDF from Tabular
 * Data on the Web"), pinned in src/test/csvw and installed by `npm ci` there as .ci/run does, driven by
 * src/test/csvw/csvw-check.mjs: it fetches the CSV, follows Link rel="describedby", parses the metadata as JSON-LD
 * (with the W3C CSVW context shipped in the package, nothing fetched from the web), requires the metadata's url to be
 * the CSV's URL, and converts the CSV to RDF with the metadata. Here every data row must come out as a csvw:Row whose
 * values are typed as our metadata says (the value an xsd:decimal equal to the CSV's, codes as codelist URIs), for the
 * canonical spelling of a query, another spelling of it, and a CSV chosen by Accept. Without node or the packages the
 * test is skipped.
 */
class CsvwProcessorTest {
    private static final Path TOOL_DIR = Path.of("src/test/csvw");
    private static final String CSVW = "http://www.w3.org/ns/csvw#";
    private static final String XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal";

    @BeforeAll
    static void needTheProcessor() {
        assumeTrue(Files.isDirectory(TOOL_DIR.resolve("node_modules/rdf-parser-csvw")),
                "src/test/csvw/node_modules is absent: run `npm ci` in src/test/csvw; skipping the CSVW processor test");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/v1/datasets/unemployment-rate/observations?format=csv&geo=FI1B&sex=T&time=2021..2022",
            "/v1/datasets/unemployment-rate/observations?time=2021..2022&sex=T&geo=FI1B&format=csv",
            "/v1/datasets/unemployment-rate/observations?geo=FI1B,BG31&sex=T&age=Y15-74"})
    void theProcessorFollowsTheLinkAcceptsTheMetadataAndTypesEveryRow(String path) throws Exception {
        TestServer.get();
        String csvUrl = TestServer.baseUrl() + path;
        String csv = TestServer.given().urlEncodingEnabled(false).accept("text/csv").get(path).then().statusCode(200)
                .extract().asString();
        List<List<String>> rows = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(new StringReader(csv), ',')) {
            for (CsvRecordReader.CsvRecord r = reader.next(); r != null; r = reader.next()) rows.add(r.fields());
        }
        List<String> header = rows.remove(0);
        assertTrue(!rows.isEmpty(), "the query has rows: " + csv);

        JsonNode result = process(csvUrl);
        // Absolute URLs in our documents use the public base URL (LMO_BASE_URL), which in tests is not the test server's port.
        String tableUrl = TestDatabase.config().baseUrl() + path;
        assertEquals(tableUrl, result.path("tableUrl").asText(), "the metadata describes the URL the CSV was fetched with");
        assertEquals(header, Json.MAPPER.convertValue(result.path("columns"), List.class), "columns in the CSV's order");

        // Subjects of csvw:describes by row number (csvw:url ends #row=N, N the CSV line), then their values by column.
        Map<String, String> rowOfUrl = new HashMap<>();
        Map<String, String> describes = new HashMap<>();
        Map<String, Map<String, JsonNode>> values = new HashMap<>();
        for (JsonNode t : result.path("triples")) {
            String p = t.path("p").asText();
            if (p.equals(CSVW + "url") && t.path("o").asText().contains("#row=")) rowOfUrl.put(t.path("s").asText(), t.path("o").asText().replaceAll(".*#row=", ""));
            if (p.equals(CSVW + "describes")) describes.put(t.path("s").asText(), t.path("o").asText());
            if (p.startsWith(tableUrl + "#")) values.computeIfAbsent(t.path("s").asText(), s -> new HashMap<>()).put(p.substring(tableUrl.length() + 1), t);
        }
        assertEquals(rows.size(), rowOfUrl.size(), "one csvw:Row per data row");
        int valueColumn = header.indexOf("value");
        int geoColumn = header.indexOf("geo");
        for (Map.Entry<String, String> row : rowOfUrl.entrySet()) {
            List<String> fields = rows.get(Integer.parseInt(row.getValue()) - 2); // line 1 is the header
            Map<String, JsonNode> cells = values.get(describes.get(row.getKey()));
            assertTrue(cells != null, "row " + row.getValue() + " describes its cells");
            if (!fields.get(valueColumn).isEmpty()) {
                assertEquals(XSD_DECIMAL, cells.get("value").path("datatype").asText(), "value typed by the metadata");
                assertEquals(Double.parseDouble(fields.get(valueColumn)), Double.parseDouble(cells.get("value").path("o").asText()));
            }
            assertTrue(cells.get("geo").path("datatype").isNull() && cells.get("geo").path("o").asText().endsWith("/v1/codelists/GEO#" + fields.get(geoColumn)),
                    "a code is its codelist's URI: " + cells.get("geo"));
        }
    }

    private static JsonNode process(String csvUrl) throws Exception {
        Path out = Files.createTempFile("lmo-csvw", ".json");
        Path err = Files.createTempFile("lmo-csvw", ".err");
        try {
            Process node = new ProcessBuilder("node", "csvw-check.mjs", csvUrl).directory(TOOL_DIR.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertTrue(node.waitFor(2, TimeUnit.MINUTES), "the CSVW processor did not finish in 2 minutes");
            assertEquals(0, node.exitValue(), "the CSVW processor failed: " + Files.readString(err, StandardCharsets.UTF_8));
            return Json.MAPPER.readTree(Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
