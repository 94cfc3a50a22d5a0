package org.lmobservatory.loader.formats;

import org.junit.jupiter.api.Test;
import org.lmobservatory.loader.LoadError;
import org.lmobservatory.loader.LoadOptions;
import org.lmobservatory.loader.LoadReport;
import org.lmobservatory.loader.formats.ServedCells.Cell;
import org.lmobservatory.loader.formats.TestDefinitions.TestCode;
import org.lmobservatory.loader.formats.TestDefinitions.TestDimension;
import org.lmobservatory.support.TestServer;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mapped CSV: data owners' own layouts through a mapping file, loaded by the real loader and read back through the
 * API. Real files from shared/realdata (StatFin municipal and national, an old Eurostat Latin-1 export) and small
 * files written here for the error cases.
 */
class MappedCsvLoadTest {
    private static final Map<String, String> MEASURES = new LinkedHashMap<>();

    static {
        MEASURES.put("Tyottomat", "UNEMPLOYED");
        MEASURES.put("Tyovoima", "LABOUR_FORCE");
        MEASURES.put("Avoimet_tyopaikat", "VACANCIES");
    }

    private static final String MEASURE_MAPPING = """
            "measures": {"dimension": "measure", "columns": {"Tyottomat": "UNEMPLOYED", "Tyovoima": "LABOUR_FORCE", "Avoimet_tyopaikat": "VACANCIES"}}""";

    /** The municipal release as the API serves it, fetched once: both Finnish tests read it. */
    private static Map<String, Cell> municipal;

    // --- Statistics Finland, municipalities by name, monthly, three measures per line ------------------------------

    @Test
    void finnishMunicipalFileWithNamesAndSuppressedCells() throws Exception {
        Path file = SharedData.realdata("national/fi/statfin_tyonv_kunta_1001.csv");
        Map<String, Cell> served = municipal();
        List<List<String>> source = SimpleCsv.read(file, StandardCharsets.UTF_8, ',');
        Map<String, String> codeByName = finnishMunicipalityCodes();

        TestServer.given().get("/v1/datasets/mcsv-fi-kunta").then().statusCode(200).body("release.rowCount", equalTo(55_180 * 3));
        assertEquals(55_180 * 3, served.size());

        int blanks = 0;
        int compared = 0;
        BigDecimal octoberUnemployed = BigDecimal.ZERO;
        List<String> header = source.get(0);
        for (List<String> row : source.subList(1, source.size())) {
            String geo = codeByName.get(row.get(0));
            assertNotNull(geo, "the test's own join of " + row.get(0) + " to the LAU list");
            for (int c = 2; c < header.size(); c++) {
                Cell cell = served.get(ServedCells.key(List.of(geo, MEASURES.get(header.get(c))), row.get(1)));
                assertNotNull(cell, row.toString());
                if (row.get(c).isEmpty()) {
                    blanks++;
                    assertEquals(Cell.of(null, "c"), cell, row + " " + header.get(c));
                } else {
                    assertEquals(0, new BigDecimal(row.get(c)).compareTo(cell.value()), row + " " + header.get(c));
                    assertEquals("", cell.flags());
                    if (c == 2 && row.get(1).equals("2020-10")) octoberUnemployed = octoberUnemployed.add(cell.value());
                }
                compared++;
            }
        }
        assertEquals(165_540, compared);
        assertEquals(10_130, blanks);
        assertEquals(10_130, served.values().stream().filter(c -> c.flags().equals("c")).count(), "c-flagged cells served");

        BigDecimal sourceSum = BigDecimal.ZERO;
        for (List<String> row : source) if (row.get(1).equals("2020-10") && !row.get(2).isEmpty()) sourceSum = sourceSum.add(new BigDecimal(row.get(2)));
        BigDecimal apiSum = ServedCells.fetch("mcsv-fi-kunta", List.of("geo", "measure"), Map.of("measure", "UNEMPLOYED", "time", "2020-10"))
                .values().stream().filter(c -> c.value() != null).map(Cell::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, new BigDecimal("312311").compareTo(sourceSum), "source sum of Tyottomat, 2020-10");
        assertEquals(0, sourceSum.compareTo(apiSum), "API sum of UNEMPLOYED over municipalities, 2020-10");
        assertEquals(0, sourceSum.compareTo(octoberUnemployed));
    }

    @Test
    void municipalFiguresRollUpToTheNationalFile() throws Exception {
        Path national = SharedData.realdata("national/fi/statfin_tyonv_kokomaa_1001.csv");
        Map<String, Cell> served = municipal();
        TestDefinitions.dataset("mcsv-fi-national", "M", List.of(new TestDimension("geo", "mcsv-fi-lau", "geo"),
                new TestDimension("measure", "mcsv-fi-measure", null)));
        Path mapping = TestServer.file("kokomaa-mapping.json", """
                {"constants": {"geo": "FI"}, "time": {"column": "time", "pattern": "yyyy-MM"}, %s}
                """.formatted(MEASURE_MAPPING));
        publish("mcsv-fi-national", national, mapping);

        Map<String, Map<String, BigDecimal>> municipalSums = new HashMap<>();
        Map<String, Integer> suppressed = new HashMap<>();
        served.forEach((key, cell) -> {
            String[] parts = key.split("\\|");
            Map<String, BigDecimal> sums = municipalSums.computeIfAbsent(parts[1], m -> new TreeMap<>());
            if (cell.value() != null) sums.merge(parts[2], cell.value(), BigDecimal::add);
            else suppressed.merge(parts[1], 1, Integer::sum);
        });
        assertEquals(178, municipalSums.get("UNEMPLOYED").size(), "months 2006-01…2020-10");
        Map<String, Cell> nationalCells = ServedCells.fetch("mcsv-fi-national", List.of("geo", "measure"), Map.of());
        assertEquals(178 * 3, nationalCells.size());
        for (String measure : MEASURES.values()) {
            for (Map.Entry<String, BigDecimal> month : municipalSums.get(measure).entrySet()) {
                BigDecimal whole = nationalCells.get(ServedCells.key(List.of("FI", measure), month.getKey())).value();
                if (measure.equals("LABOUR_FORCE")) {
                    // No municipality is suppressed in the labour force: the parts add up exactly, every month.
                    assertEquals(0, whole.compareTo(month.getValue()), measure + " " + month.getKey());
                } else {
                    // Suppressed small cells (1–4) and people with no municipality on record are in the national figure only.
                    assertTrue(whole.compareTo(month.getValue()) >= 0, measure + " " + month.getKey() + ": " + whole + " < " + month.getValue());
                }
            }
        }
        assertEquals(null, suppressed.get("LABOUR_FORCE"));
        assertEquals(640, suppressed.get("UNEMPLOYED"));
    }

    /** Loads the municipal file once per run and fetches what the API serves of it; prints the loader's throughput. */
    private static synchronized Map<String, Cell> municipal() throws Exception {
        if (municipal != null) return municipal;
        Path file = SharedData.realdata("national/fi/statfin_tyonv_kunta_1001.csv");
        Path lau = SharedData.realdata("codelists/lau/FI_lau_2020_nuts_2021.csv");
        List<TestCode> codes = new ArrayList<>();
        codes.add(new TestCode("FI", Map.of("en", "Finland", "fi", "Suomi"), null, "country"));
        List<List<String>> rows = SimpleCsv.read(lau, StandardCharsets.UTF_8, ',');
        int id = rows.get(0).indexOf("lau_id");
        int name = rows.get(0).indexOf("lau_name");
        for (List<String> row : rows.subList(1, rows.size())) {
            codes.add(new TestCode(row.get(id), Map.of("en", row.get(name), "fi", row.get(name)), "FI", "municipality"));
        }
        TestDefinitions.codelist("mcsv-fi-lau", codes);
        TestDefinitions.codelist("mcsv-fi-measure", List.of(TestCode.of("UNEMPLOYED", "Unemployed jobseekers"),
                TestCode.of("LABOUR_FORCE", "Labour force"), TestCode.of("VACANCIES", "Open vacancies")));
        TestDefinitions.dataset("mcsv-fi-kunta", "M", List.of(new TestDimension("geo", "mcsv-fi-lau", "geo"),
                new TestDimension("measure", "mcsv-fi-measure", null)));
        Path mapping = TestServer.file("kunta-mapping.json", """
                {"dimensions": {"kunta": {"dimension": "geo", "matchBy": "label", "language": "fi"}},
                 "time": {"column": "time", "pattern": "yyyy-MM"},
                 %s,
                 "blank": "c"}
                """.formatted(MEASURE_MAPPING));
        LoadReport report = load("mcsv-fi-kunta", file, mapping);
        assertEquals(LoadReport.Status.VALID, report.status(), report.message() + " " + report.errors());
        System.out.printf("mapped-csv %s: %d lines → %d rows validated and staged in %.2f s = %.0f rows/s%n", file.getFileName(), 55_180,
                report.rows(), report.seconds(), report.rows() / report.seconds());
        var published = TestServer.publisher().publish("mcsv-fi-kunta", report.loadId(), "test");
        TestServer.awaitRelease("mcsv-fi-kunta", published.releaseId());
        long started = System.nanoTime();
        municipal = ServedCells.fetchCsv("mcsv-fi-kunta", List.of("geo", "measure"), Map.of());
        System.out.printf("  published in %.2f s; all %d cells read back through the API as CSV in %.2f s%n", published.seconds(),
                municipal.size(), (System.nanoTime() - started) / 1e9);
        return municipal;
    }

    /** The test's own join of StatFin names to LAU codes: the whole LAU name or either side of " / ". */
    private static Map<String, String> finnishMunicipalityCodes() throws Exception {
        List<List<String>> rows = SimpleCsv.read(SharedData.realdata("codelists/lau/FI_lau_2020_nuts_2021.csv"), StandardCharsets.UTF_8, ',');
        Map<String, String> out = new HashMap<>();
        int id = rows.get(0).indexOf("lau_id");
        int name = rows.get(0).indexOf("lau_name");
        for (List<String> row : rows.subList(1, rows.size())) {
            out.put(row.get(name), row.get(id));
            for (String part : row.get(name).split(" / ")) out.putIfAbsent(part, row.get(id));
        }
        return out;
    }

    // --- Eurostat's old CSV export: ISO-8859-1, long, a flag column, ":" for not available ------------------------

    @Test
    void eurostatLatin1ExportMatchedByAccentedLabels() throws Exception {
        Path file = SharedData.realdata("eurostat/lfst_r_lfu3rt_2014snapshot_bulkcsv_Data.csv");
        List<List<String>> source = SimpleCsv.read(file, StandardCharsets.ISO_8859_1, ',');
        Map<String, String> geoLabels = new LinkedHashMap<>();
        for (List<String> row : source.subList(1, source.size())) geoLabels.put(row.get(1), row.get(2));
        assertEquals("Région de Bruxelles-Capitale / Brussels Hoofdstedelijk Gewest", geoLabels.get("BE10"), "the test's own decoding");
        List<TestCode> geos = new ArrayList<>();
        geoLabels.forEach((code, label) -> geos.add(TestCode.of(code, label)));
        TestDefinitions.codelist("mcsv-estat-geo", geos);
        TestDefinitions.codelist("mcsv-estat-age", List.of(TestCode.of("Y_GE15", "15 years or over"), TestCode.of("Y15-24", "From 15 to 24 years")));
        TestDefinitions.codelist("mcsv-estat-sex", List.of(TestCode.of("T", "Total"), TestCode.of("F", "Females"), TestCode.of("M", "Males")));
        TestDefinitions.dataset("mcsv-estat-lfu3rt", "A", List.of(new TestDimension("geo", "mcsv-estat-geo", "geo"),
                new TestDimension("age", "mcsv-estat-age", null), new TestDimension("sex", "mcsv-estat-sex", null)));
        // geo is matched by its accented label, not by the GEO code column: a wrong decoding could not match "Région…".
        Path mapping = TestServer.file("lfu3rt-mapping.json", """
                {"encoding": "ISO-8859-1",
                 "dimensions": {"GEO_LABEL": {"dimension": "geo", "matchBy": "label"},
                                "AGE": {"dimension": "age", "matchBy": "label"}, "SEX": {"dimension": "sex", "matchBy": "label"}},
                 "time": {"column": "TIME", "pattern": "yyyy"},
                 "value": "Value", "flag": "Flag and Footnotes", "markers": {":": "m"}}
                """);
        publish("mcsv-estat-lfu3rt", file, mapping);

        Map<String, Cell> served = ServedCells.fetch("mcsv-estat-lfu3rt", List.of("geo", "age", "sex"), Map.of());
        assertEquals(3140, served.size());
        for (List<String> row : source.subList(1, source.size())) {
            Cell cell = served.get(ServedCells.key(List.of(row.get(1), "Y_GE15", "T"), row.get(0)));
            assertNotNull(cell, row.toString());
            boolean missing = row.get(5).equals(":");
            assertEquals(missing ? null : new BigDecimal(row.get(5)), cell.value() == null ? null : cell.value().stripTrailingZeros().equals(new BigDecimal(row.get(5)).stripTrailingZeros()) ? new BigDecimal(row.get(5)) : cell.value(), row.toString());
            assertEquals(ServedCells.sorted(row.get(6) + (missing ? "m" : "")), cell.flags(), row.toString());
        }
        assertEquals(10, served.keySet().stream().filter(k -> k.startsWith("BE10|")).count());
        assertEquals(74, served.values().stream().filter(c -> c.flags().contains("u")).count());
        assertEquals(118, served.values().stream().filter(c -> c.flags().contains("m")).count());
    }

    // --- error cases on small files written here -------------------------------------------------------------------

    @Test
    void aNameThatMatchesNothingGetsASuggestionOnItsLine() throws Exception {
        defineErrorDataset();
        Path data = TestServer.file("nomatch.csv", "kunta,time,Tyottomat\nEspoo,2020-01,10\nEspo,2020-01,11\nEspo,2020-02,12\n");

        LoadReport report = load("mcsv-err", data, byNameMapping(""));

        assertEquals(List.of("nomatch.csv:3: kunta 'Espo' matches no label of codelist mcsv-err-geo (language fi) (did you mean 'Espoo / Esbo' (049)?); "
                + "later lines with this name are not reported again"), messages(report));
        assertEquals("kunta", report.errors().get(0).column());
        assertEquals(LoadReport.Status.INVALID, report.status());
    }

    @Test
    void aNameThatMatchesTwoCodesIsRejected() throws Exception {
        defineErrorDataset();
        Path data = TestServer.file("twomatches.csv", "kunta,time,Tyottomat\nkoski,2020-01,5\n");

        LoadReport report = load("mcsv-err", data, byNameMapping(""));

        assertEquals(List.of("twomatches.csv:2: kunta 'koski' matches 2 codes of codelist mcsv-err-geo by label (language fi): "
                + "901 (Koski), 902 (Koski); write the code instead, or make the labels distinct; later lines with this name are not reported again"),
                messages(report));
    }

    @Test
    void aDecimalCommaNeedsToBeDeclared() throws Exception {
        defineErrorDataset();
        Path data = TestServer.file("comma.csv", "kunta;time;Tyottomat\nEspoo / Esbo;2020-01;4,5\nHELSINKI;2020-01;1 234,5\n");

        LoadReport rejected = load("mcsv-err", data, byNameMapping("\"separator\": \";\","));
        assertEquals(List.of(
                "comma.csv:2: Tyottomat '4,5' is not a number (if ',' is the decimal mark, set \"decimalComma\": true in mapping.json)",
                "comma.csv:3: Tyottomat '1 234,5' is not a number (if ',' is the decimal mark, set \"decimalComma\": true in mapping.json)"),
                messages(rejected));

        publish("mcsv-err", data, byNameMapping("\"separator\": \";\", \"decimalComma\": true,"));
        Map<String, Cell> served = ServedCells.fetch("mcsv-err", List.of("geo", "measure"), Map.of());
        assertEquals(Map.of("049|UNEMPLOYED|2020-01", Cell.of(new BigDecimal("4.5"), ""), "091|UNEMPLOYED|2020-01", Cell.of(new BigDecimal("1234.5"), "")),
                Map.copyOf(served));
    }

    @Test
    void aLatin1FileDeclaredAsUtf8FailsOnTheLineOfTheFirstAccent() throws Exception {
        defineErrorDataset();
        Path data = bytes("latin1.csv", "kunta,time,Tyottomat\nEspoo,2020-01,10\nHämeenlinna,2020-01,7\n", StandardCharsets.ISO_8859_1);

        LoadReport report = load("mcsv-err", data, byNameMapping("\"encoding\": \"UTF-8\","));

        assertEquals(1, report.errorCount());
        assertTrue(messages(report).get(0).startsWith("latin1.csv:3: the file is not valid UTF-8 here"), messages(report).toString());
        assertTrue(messages(report).get(0).endsWith("declare it in mapping.json (\"encoding\": \"ISO-8859-1\" or \"windows-1250\")"), messages(report).toString());

        publish("mcsv-err", data, byNameMapping("\"encoding\": \"ISO-8859-1\","));
        assertEquals(Cell.of(new BigDecimal("7"), ""), ServedCells.fetch("mcsv-err", List.of("geo", "measure"), Map.of("geo", "109")).get("109|UNEMPLOYED|2020-01"));
    }

    @Test
    void aUtf8FileDeclaredAsLatin1IsCaughtInsteadOfLoadingGarbledNames() throws Exception {
        defineErrorDataset();
        Path data = bytes("utf8.csv", "kunta,time,Tyottomat\nEspoo,2020-01,10\nHämeenlinna,2020-01,7\n", StandardCharsets.UTF_8);

        LoadReport report = load("mcsv-err", data, byNameMapping("\"encoding\": \"ISO-8859-1\","));

        assertEquals(List.of("utf8.csv:3: 'HÃ¤meenlinna' looks like UTF-8 read as ISO-8859-1 (as UTF-8 it reads 'Hämeenlinna'); "
                + "the mapping declares \"encoding\": \"ISO-8859-1\" but the file seems to be UTF-8"), messages(report));
    }

    @Test
    void aWideWindows1250FileWithATitleAndPeriodsInTheHeader() throws Exception {
        TestDefinitions.codelist("mcsv-cz-geo", List.of(new TestCode("CZ0635", Map.of("en", "Žďár nad Sázavou", "cs", "Žďár nad Sázavou"), null, null),
                new TestCode("CZ0100", Map.of("en", "Prague", "cs", "Praha"), null, null)));
        TestDefinitions.dataset("mcsv-cz", "A", List.of(new TestDimension("geo", "mcsv-cz-geo", "geo")));
        String text = "Míra nezaměstnanosti (%)\n\nokres;2019;2020;poznámka;\nZDAR NAD SAZAVOU;3,1;4,2;;\nPraha;1,9;;odhad;\n";
        Path data = bytes("cz.csv", text, Charset.forName("windows-1250"));
        Path mapping = TestServer.file("cz-mapping.json", """
                {"separator": ";", "encoding": "windows-1250", "decimalComma": true, "headerRow": 3,
                 "dimensions": {"okres": {"dimension": "geo", "matchBy": "label", "language": "cs"}},
                 "time": {"inHeaders": true, "pattern": "yyyy"}, "ignore": ["poznámka"], "blank": "m"}
                """);

        LoadReport asUtf8 = load("mcsv-cz", data, TestServer.file("cz-utf8.json",
                Files.readString(mapping).replace("\"windows-1250\"", "\"UTF-8\"")));
        assertTrue(messages(asUtf8).get(0).startsWith("cz.csv:1: the file is not valid UTF-8 here"), messages(asUtf8).toString());

        publish("mcsv-cz", data, mapping);

        Map<String, Cell> served = ServedCells.fetch("mcsv-cz", List.of("geo"), Map.of());
        assertEquals(Map.of("CZ0635|2019", Cell.of(new BigDecimal("3.1"), ""), "CZ0635|2020", Cell.of(new BigDecimal("4.2"), ""),
                "CZ0100|2019", Cell.of(new BigDecimal("1.9"), ""), "CZ0100|2020", Cell.of(null, "m")), Map.copyOf(served));
    }

    @Test
    void mappingMistakesAreNamedByTheirJsonPaths() throws Exception {
        defineErrorDataset();
        Path data = TestServer.file("any.csv", "kunta,time,Tyottomat\nEspoo,2020-01,10\n");
        Path mapping = TestServer.file("bad-mapping.json", """
                {"dimensions": {"kunta": "area"}, "time": {"column": "time", "pattern": "yyyy-MM-{"},
                 "measures": {"dimension": "measure", "columns": {"Tyottomat": "UNEMPLOYD"}}, "blank": "z", "decimals": 2}
                """);

        LoadReport report = load("mcsv-err", data, mapping);

        List<String> paths = report.errors().stream().map(LoadError::column).toList();
        assertEquals(List.of("$.decimals", "$.dimensions.kunta", "$.measures.columns.Tyottomat", "$.dimensions", "$.time.pattern", "$.blank"), paths,
                messages(report).toString());
        assertTrue(messages(report).contains("any.csv: bad-mapping.json: $.dimensions.kunta: 'area' is not a dimension of dataset mcsv-err (geo, measure)"),
                messages(report).toString());
        assertTrue(messages(report).contains("any.csv: bad-mapping.json: $.measures.columns.Tyottomat: 'UNEMPLOYD' is not in codelist mcsv-err-measure (did you mean UNEMPLOYED?)"),
                messages(report).toString());
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static synchronized void defineErrorDataset() throws Exception {
        TestDefinitions.codelist("mcsv-err-geo", List.of(
                new TestCode("049", Map.of("en", "Espoo / Esbo", "fi", "Espoo / Esbo"), null, null),
                new TestCode("091", Map.of("en", "Helsinki / Helsingfors", "fi", "Helsinki / Helsingfors"), null, null),
                new TestCode("109", Map.of("en", "Hämeenlinna / Tavastehus", "fi", "Hämeenlinna / Tavastehus"), null, null),
                new TestCode("901", Map.of("en", "Koski", "fi", "Koski"), null, null),
                new TestCode("902", Map.of("en", "Koski", "fi", "Koski"), null, null)));
        TestDefinitions.codelist("mcsv-err-measure", List.of(TestCode.of("UNEMPLOYED", "Unemployed")));
        TestDefinitions.dataset("mcsv-err", "M", List.of(new TestDimension("geo", "mcsv-err-geo", "geo"),
                new TestDimension("measure", "mcsv-err-measure", null)));
    }

    private static Path byNameMapping(String extra) throws Exception {
        return TestServer.file("mapping.json", """
                {%s "dimensions": {"kunta": {"dimension": "geo", "matchBy": "label", "language": "fi"}},
                 "time": {"column": "time", "pattern": "yyyy-MM"},
                 "measures": {"dimension": "measure", "columns": {"Tyottomat": "UNEMPLOYED"}}}
                """.formatted(extra));
    }

    private static Path bytes(String name, String text, Charset charset) throws Exception {
        Path file = TestServer.file(name, "");
        Files.write(file, text.getBytes(charset));
        return file;
    }

    private static LoadReport load(String datasetId, Path data, Path mapping) throws Exception {
        TestServer.get();
        return TestServer.loader().load(datasetId, data, LoadOptions.defaults().withMapping(mapping));
    }

    private static LoadReport publish(String datasetId, Path data, Path mapping) throws Exception {
        LoadReport report = load(datasetId, data, mapping);
        assertEquals(LoadReport.Status.VALID, report.status(), report.message() + " " + report.errors());
        TestServer.publishLoad(datasetId, report.loadId());
        return report;
    }

    private static List<String> messages(LoadReport report) {
        return report.errors().stream().map(LoadError::toString).toList();
    }
}
