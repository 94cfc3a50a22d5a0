package org.lmobservatory.formats;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.formats.FormatsFixture.Cell;
import org.lmobservatory.support.TestServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The API's JSON-stat read by the reference JavaScript library, jsonstat-toolkit (src/test/jsonstat, installed by
 * `npm ci` there): every cell the toolkit finds must equal the JSON format's cell, and every other cell of the cube
 * must be empty. Skips when node or the installed toolkit is missing.
 */
class JsonStatToolkitRoundTripTest {
    private static final Path SCRIPT_DIR = Path.of("src/test/jsonstat");

    @BeforeAll
    static void needNodeAndTheToolkit() throws Exception {
        assumeTrue(Files.isDirectory(SCRIPT_DIR.resolve("node_modules/jsonstat-toolkit")),
                "src/test/jsonstat/node_modules is absent: run `npm ci` in src/test/jsonstat; skipping the jsonstat-toolkit round trip");
        assumeTrue(nodeRuns(), "node is not installed: skipping the jsonstat-toolkit round trip");
        FormatsFixture.publish();
    }

    @Test
    void seedDatasetsRoundTripThroughTheToolkit() throws Exception {
        roundTrip("/v1/datasets/unemployment-rate/observations", Map.of("geo", "FI1B,PL91,XK,BG31", "time", "2019..2025"),
                List.of("geo", "sex", "age"));
        roundTrip("/v1/datasets/registered-unemployed/observations", Map.of("geoParent", "FI1B", "lastPeriods", "24"), List.of("geo"));
        roundTrip("/v1/datasets/job-vacancies/observations", Map.of("geo", "XK,CZ01"), List.of("geo", "occupation"));
        roundTrip("/v1/datasets/vet-enrolment/observations", Map.of("time", "2022..2024", "geo", "CZ01,FI1B"), List.of("geo", "field", "sex"));
    }

    @Test
    void aSparseCubeWithGapsSuppressedCellsAndTwoFlagsRoundTrips() throws Exception {
        roundTrip(FormatsFixture.SPARSE_OBSERVATIONS, Map.of(), List.of("area", "group"));
        roundTrip(FormatsFixture.SPARSE_OBSERVATIONS, Map.of("lang", "fi", "time", "2021..2022"), List.of("area", "group"));
    }

    @Test
    void aDatasetWithMeasuresRoundTripsWithItsMeasureDimensionAsTheMetricAndAUnitPerMeasure() throws Exception {
        Map<String, String> query = Map.of("geo", "FI", "field", "TOTAL");
        roundTrip("/v1/datasets/graduate-outcomes/observations", query, List.of("geo", "field", "sex", "months", "indicator"), false);
        byte[] jsonStat = TestServer.given().queryParams(query).queryParam("format", "jsonstat").get("/v1/datasets/graduate-outcomes/observations")
                .then().statusCode(200).extract().asByteArray();
        Path file = Files.createTempFile("lmo-jsonstat", ".json");
        try {
            Files.write(file, jsonStat);
            assertEquals(List.of(List.of("indicator", "TRACKED", "persons", "0"), List.of("indicator", "EMP_RATE", "%", "1"),
                            List.of("indicator", "EDU_RATE", "%", "1"), List.of("indicator", "NEET_RATE", "%", "1"),
                            List.of("indicator", "IN_FIELD_RATE", "%", "1"), List.of("indicator", "EARN_BAND_MEDIAN", "earnings decile (1-10)", "0")),
                    toolkit("units.cjs", file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aBarometerRatingIsReadBackAsItsCodeWithTheCodesLabel() throws Exception {
        Map<String, String> query = Map.of("geo", "PL_1261", "time", "2024", "lang", "pl");
        Map<String, String> fromJson = new LinkedHashMap<>();
        for (Map<String, Object> o : TestServer.given().queryParam("geo", "PL_1261").queryParam("time", "2024").queryParam("labels", "code")
                .get("/v1/datasets/occupational-barometer/observations").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("observations")) {
            fromJson.put((String) o.get("occupation"), (String) o.get("value_code"));
        }
        byte[] jsonStat = TestServer.given().queryParams(query).queryParam("format", "jsonstat").get("/v1/datasets/occupational-barometer/observations")
                .then().statusCode(200).extract().asByteArray();
        Path file = Files.createTempFile("lmo-jsonstat", ".json");
        try {
            Files.write(file, jsonStat);
            // geo, occupation, indicator, time, typeof value, value, label (Polish: the asked language)
            List<List<String>> cells = toolkit("categories.cjs", file);
            assertEquals(12, cells.size(), "twelve occupations rated in Kraków in 2024: " + cells);
            Map<String, String> polish = Map.of("LARGE_SHORTAGE", "Duży deficyt", "SHORTAGE", "Deficyt", "BALANCE", "Równowaga",
                    "SURPLUS", "Nadwyżka", "LARGE_SURPLUS", "Duża nadwyżka");
            for (List<String> cell : cells) {
                assertEquals("string", cell.get(4), "the toolkit reads the rating as a string: " + cell);
                assertEquals(polish.get(cell.get(5)), cell.get(6), "the code's label, from the extension: " + cell);
            }
            Map<String, String> fromToolkit = new LinkedHashMap<>();
            cells.forEach(c -> fromToolkit.put(c.get(1), c.get(5)));
            assertEquals(fromJson, fromToolkit, "the same code per occupation as the JSON format's value_code");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void roundTrip(String path, Map<String, String> query, List<String> dimensions) throws Exception {
        roundTrip(path, query, dimensions, true);
    }

    /** indicator: whether the cube starts with our one-category indicator (datasets without a measure dimension). */
    private static void roundTrip(String path, Map<String, String> query, List<String> dimensions, boolean indicator) throws Exception {
        Map<String, Cell> expected = FormatsFixture.jsonCells(path, query, dimensions);
        byte[] jsonStat = TestServer.given().queryParams(query).queryParam("format", "jsonstat").get(path)
                .then().statusCode(200).extract().asByteArray();
        Path file = Files.createTempFile("lmo-jsonstat", ".json");
        try {
            Files.write(file, jsonStat);
            List<List<String>> table = toolkitCells(file);
            List<String> header = new ArrayList<>(indicator ? List.of("indicator") : List.of());
            header.addAll(dimensions);
            header.addAll(List.of("time", "value", "status"));
            assertEquals(header, table.get(0), path);
            Map<String, Cell> actual = new LinkedHashMap<>();
            int empty = 0;
            for (List<String> row : table.subList(1, table.size())) {
                Cell cell = Cell.of(row.get(row.size() - 2), row.get(row.size() - 1));
                if (cell.value() == null && cell.flag() == null) {
                    empty++;
                    continue;
                }
                Cell previous = actual.put(String.join("|", row.subList(indicator ? 1 : 0, row.size() - 2)), cell);
                assertEquals(null, previous, "one cell per coordinate");
            }
            FormatsFixture.assertSameCells(expected, actual, "jsonstat-toolkit on " + path + " " + query);
            assertTrue(table.size() - 1 == expected.size() + empty, "every cell of the cube is listed once");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Runs cells.cjs: the toolkit's own reading of the file, as CSV (dimensions…, value, status). */
    private static List<List<String>> toolkitCells(Path file) throws Exception {
        return toolkit("cells.cjs", file);
    }

    /** Runs one of the scripts in src/test/jsonstat on the file; its CSV output as rows. */
    private static List<List<String>> toolkit(String script, Path file) throws Exception {
        Process node = new ProcessBuilder("node", script, file.toAbsolutePath().toString())
                .directory(SCRIPT_DIR.toFile()).redirectErrorStream(false).start();
        byte[] out = node.getInputStream().readAllBytes();
        String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node finished");
        assertEquals(0, node.exitValue(), "jsonstat-toolkit could not read the response: " + err);
        List<List<String>> rows = new ArrayList<>();
        for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
            // The codes, periods and flags we publish hold no commas or quotes, so a plain split is exact here.
            if (!line.isEmpty()) rows.add(List.of(line.split(",", -1)));
        }
        return rows;
    }

    private static boolean nodeRuns() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
