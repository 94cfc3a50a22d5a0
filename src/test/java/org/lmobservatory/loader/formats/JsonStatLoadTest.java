package org.lmobservatory.loader.formats;

import org.junit.jupiter.api.Test;
import org.lmobservatory.loader.LoadError;
import org.lmobservatory.loader.LoadOptions;
import org.lmobservatory.loader.LoadReport;
import org.lmobservatory.loader.formats.ServedCells.Cell;
import org.lmobservatory.loader.formats.TestDefinitions.TestCode;
import org.lmobservatory.loader.formats.TestDefinitions.TestDimension;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real JSON-stat files from json-stat.org and statistical offices, loaded by the real loader into PostgreSQL and
 * read back through the API. Expected cells come from the test's own reading of each file (JsonStatSource) and, where
 * the reference JS toolkit's tables exist, from those.
 */
class JsonStatLoadTest {
    private static final String SAMPLES = "jsonstat-samples/";

    @Test
    void oecdJsonStat20WithEstimatesInAStatusObject() throws Exception {
        Path file = SharedData.realdata(SAMPLES + "json-stat.org/oecd.json");
        JsonStatSource source = JsonStatSource.read(file, null);
        Loaded loaded = loadAndCompare("jst-oecd", file, source, "A", "year", Function.identity(), Optional.empty());

        assertEquals(432, loaded.served.size());
        assertEquals(72, count(loaded.served, "e"), "the 72 estimates marked e in the status object");
        assertTrue(loaded.dimensions.equals(List.of("area")), "concept (1 category) is dropped: " + loaded.dimensions);
    }

    @Test
    void galiciaJsonStat20WithNullsAndIndexArrays() throws Exception {
        Path file = SharedData.realdata(SAMPLES + "json-stat.org/galicia-2.0.json");
        JsonStatSource source = JsonStatSource.read(file, null);
        Loaded loaded = loadAndCompare("jst-galicia", file, source, "A", "time", Function.identity(), Optional.empty());

        assertEquals(3960, loaded.served.size());
        assertEquals(4, count(loaded.served, "m"), "the four null values are served as missing");
    }

    @Test
    void canadaStatusUnknownToUsIsRejectedUntilMapped() throws Exception {
        Path file = SharedData.realdata(SAMPLES + "json-stat.org/canada.json");
        JsonStatSource source = JsonStatSource.read(file, null);
        define("jst-canada", source, "A", "year");

        LoadReport rejected = TestServer.loader().load("jst-canada", file, LoadOptions.defaults());

        assertEquals(LoadReport.Status.INVALID, rejected.status());
        LoadError first = rejected.errors().get(0);
        assertEquals("$.status[0]", first.column());
        assertTrue(first.toString().startsWith("canada.json: $.status[0] (") && first.toString().contains("): status 'a' is unknown; "
                + "map it in the JSON-stat options: {\"status\": {\"a\": \"\"}}"), first.toString());
        assertEquals(120, rejected.errorCount(), "one error per cell: the single status applies to all 120");
        assertEquals(0, releases("jst-canada"), "nothing is published from a load with errors");

        // Statistics Canada's "a" is a data-quality grade (excellent): no flag of ours.
        Path options = TestServer.file("canada-options.json", "{\"status\": {\"a\": \"\"}}");
        Loaded loaded = loadAndCompare("jst-canada", file, source, "A", "year", Function.identity(), Optional.of(options));
        assertEquals(120, loaded.served.size());
    }

    @Test
    void orderSampleShowsTheLastDimensionVariesFastest() throws Exception {
        Path file = SharedData.realdata(SAMPLES + "json-stat.org/order.json");
        JsonStatSource source = JsonStatSource.read(file, null);
        define("jst-order", source, "A", null);
        Path options = TestServer.file("order-options.json", "{\"period\": \"2020\"}");

        // The sample's values are texts spelling their own cell ("A1B2C3"), so every one is rejected with its path and cell.
        LoadReport report = TestServer.loader().load("jst-order", file, LoadOptions.defaults().withMapping(options));

        assertEquals(LoadReport.Status.INVALID, report.status());
        assertEquals(24, report.errorCount());
        int spelledOwnCell = 0;
        for (int i = 0; i < 24; i++) {
            List<String> cell = source.categoriesOf(i);
            String expected = "A=" + cell.get(0) + ", B=" + cell.get(1) + ", C=" + cell.get(2);
            LoadError e = report.errors().get(i);
            assertEquals("$.value[" + i + "]", e.column());
            assertTrue(e.message().startsWith("$.value[" + i + "] (" + expected + "): \"") && e.message().endsWith(" is not a number"), e.message());
            if (e.message().contains("\"A" + cell.get(0) + "B" + cell.get(1) + "C" + cell.get(2) + "\"")) spelledOwnCell++;
        }
        // 23 of 24: the sample itself writes "A1B1C4" at position 11, where A2B1C4 belongs.
        assertEquals(23, spelledOwnCell);
        assertTrue(report.errors().get(11).message().contains("(A=2, B=1, C=4): \"A1B1C4\" is not a number"));
    }

    @Test
    void oecdCanadaBundleNeedsTheDatasetNamedAndMatchesTheReferenceTable() throws Exception {
        Path file = SharedData.realdata(SAMPLES + "json-stat.org/oecd-canada.json");
        JsonStatSource source = JsonStatSource.read(file, "oecd");
        define("jst-bundle", source, "A", "year");

        LoadReport ambiguous = TestServer.loader().load("jst-bundle", file, LoadOptions.defaults());
        assertEquals(LoadReport.Status.INVALID, ambiguous.status());
        assertTrue(ambiguous.errors().get(0).toString().startsWith("oecd-canada.json: $: the bundle holds 2 datasets (oecd, canada)"),
                ambiguous.errors().toString());

        Path options = TestServer.file("bundle-options.json", "{\"dataset\": \"oecd\"}");
        Loaded loaded = loadAndCompare("jst-bundle", file, source, "A", "year", Function.identity(), Optional.of(options));

        // The reference toolkit's table: concept label, area label, year, value.
        List<List<String>> table = SimpleCsv.read(SharedData.realdata(SAMPLES + "reference-outputs/oecd-canada-to_table.csv"), StandardCharsets.UTF_8, ',');
        Map<String, String> areaByLabel = reverse(source.dims.get(source.indexOf("area")).labels());
        int compared = compareWithReference(table, loaded.served, row -> List.of(areaByLabel.get(row.get(1))), row -> row.get(2), 3);
        assertEquals(432, compared);
    }

    @Test
    void statisticsNorwayBundleWithDotStatusesAndMonthlyTid() throws Exception {
        Path file = SharedData.realdata(SAMPLES + "nso/ssb_no_29843.json");
        JsonStatSource source = JsonStatSource.read(file, "dataset");
        Loaded loaded = loadAndCompare("jst-ssb", file, source, "M", "Tid", JsonStatLoadTest::monthOrQuarter, Optional.empty());

        assertEquals(37440, loaded.served.size());
        assertEquals(7200, count(loaded.served, "m"), "the 7200 cells with status '.' and no value");
        assertEquals(List.of("pkoder", "contentscode"), loaded.dimensions);

        List<List<String>> table = SimpleCsv.read(SharedData.realdata(SAMPLES + "reference-outputs/29843-to_table.csv"), StandardCharsets.UTF_8, ',');
        Map<String, String> industry = reverse(source.dims.get(source.indexOf("PKoder")).labels());
        Map<String, String> contents = reverse(source.dims.get(source.indexOf("ContentsCode")).labels());
        int compared = compareWithReference(table, loaded.served, row -> List.of(industry.get(row.get(0)), contents.get(row.get(1))),
                row -> monthOrQuarter(row.get(2)), 3);
        assertEquals(37440, compared);
    }

    @Test
    void csoIrelandBundleWithSizesAsTextAndSpacesInDimensionIds() throws Exception {
        Path file = SharedData.realdata(SAMPLES + "nso/cso_ie-CIA01.json");
        JsonStatSource source = JsonStatSource.read(file, "dataset");
        Loaded loaded = loadAndCompare("jst-cso", file, source, "A", "Year", Function.identity(), Optional.empty());

        assertEquals(8325, loaded.served.size());
        assertEquals(List.of("county_and_region", "statistic"), loaded.dimensions, "'County and Region' maps to county_and_region");
    }

    @Test
    void ineLabourForceSurveySkipsEmptyYearHeadingsOfQuarters() throws Exception {
        Path file = SharedData.realdata(SAMPLES + "nso/ine_es_epa_cantabria.json");
        JsonStatSource source = JsonStatSource.read(file, null);
        JsonStatSource.Dim quarters = source.dims.get(source.indexOf("Trimestre"));
        for (int i = 0; i < source.cells; i++) {
            String t = source.categoriesOf(i).get(source.indexOf("Trimestre"));
            if (t.matches("\\d{4}")) assertEquals(null, source.value(i), "year headings hold no values in this file");
        }
        Loaded loaded = loadAndCompare("jst-ine-epa", file, source, "Q", "Trimestre",
                t -> t.matches("\\d{4}") ? null : t.replaceAll("(\\d{4}) - (\\d)", "$1-Q$2"), Optional.empty());

        assertEquals(48 * 3 * 5 * 6, loaded.served.size(), "12 year headings of the " + quarters.size() + " Trimestre categories are skipped");
        assertTrue(count(loaded.served, "m") > 0);
    }

    @Test
    void aFileDimensionTheDatasetLacksIsNamedByItsPath() throws Exception {
        Path file = SharedData.realdata(SAMPLES + "json-stat.org/oecd.json");
        TestDefinitions.codelist("jst-nogeo.concept", List.of(TestCode.of("UNR", "unemployment rate")));
        TestDefinitions.dataset("jst-nogeo", "A", List.of(new TestDimension("concept", "jst-nogeo.concept", null)));

        LoadReport report = TestServer.loader().load("jst-nogeo", file, LoadOptions.defaults());

        assertEquals(LoadReport.Status.INVALID, report.status());
        assertEquals(1, report.errorCount(), report.errors().toString());
        LoadError e = report.errors().get(0);
        assertEquals("$.dimension.area", e.column());
        assertEquals(0, e.line());
        assertTrue(e.toString().startsWith("oecd.json: $.dimension.area: dimension 'area' (36 categories) is not a dimension of dataset jst-nogeo (concept)"),
                e.toString());
    }

    @Test
    void anUnreadablePeriodAndAnUnknownCodeAreNamedByTheirPaths() throws Exception {
        TestDefinitions.codelist("jst-bad.geo", List.of(TestCode.of("FI", "Finland"), TestCode.of("SE", "Sweden")));
        TestDefinitions.dataset("jst-bad", "Q", List.of(new TestDimension("geo", "jst-bad.geo", "geo")));
        Path file = TestServer.file("bad.json", """
                {"version": "2.0", "class": "dataset", "id": ["geo", "time"], "size": [2, 2],
                 "dimension": {"geo": {"category": {"index": ["FI", "SX"]}},
                               "time": {"category": {"index": {"2013Q1": 0, "2013X2": 1}}}},
                 "value": [1, 2, 3, 4]}
                """);

        LoadReport report = TestServer.loader().load("jst-bad", file, LoadOptions.defaults());

        assertEquals(LoadReport.Status.INVALID, report.status());
        List<String> messages = report.errors().stream().map(LoadError::toString).toList();
        assertEquals(List.of(
                "bad.json: $.dimension.geo.category.index[1]: geo 'SX' is not in codelist jst-bad.geo (did you mean SE?)",
                "bad.json: $.dimension.time.category.index['2013X2']: time '2013X2' is not a period we can read (years 2013, quarters 2013Q1 or 2013K1, months 2013M01 or 2013-01); "
                        + "map it in the JSON-stat options with {\"periodMap\": {\"2013X2\": \"…\"}}"),
                messages);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    record Loaded(List<String> dimensions, Map<String, Cell> served) {
    }

    /**
     * Defines a dataset from the file's own dimensions (all but time and single-category ones), loads and publishes
     * the file, and checks every cell the API serves against the file: same cells, values, flags, total and count.
     */
    static Loaded loadAndCompare(String datasetId, Path file, JsonStatSource source, String frequency, String timeDim,
                                         Function<String, String> period, Optional<Path> options) throws Exception {
        List<String> dims = define(datasetId, source, frequency, timeDim);
        LoadOptions load = options.map(LoadOptions.defaults()::withMapping).orElse(LoadOptions.defaults());
        LoadReport report = TestServer.loader().load(datasetId, file, load);
        assertEquals(LoadReport.Status.VALID, report.status(), report.message() + " " + report.errors());
        TestServer.publishLoad(datasetId, report.loadId());

        Map<String, Cell> expected = new LinkedHashMap<>();
        int time = timeDim == null ? -1 : source.indexOf(timeDim);
        BigDecimal expectedTotal = BigDecimal.ZERO;
        for (int i = 0; i < source.cells; i++) {
            List<String> cats = source.categoriesOf(i);
            String p = time < 0 ? null : period.apply(cats.get(time));
            if (time >= 0 && p == null) continue;
            List<String> codes = new ArrayList<>();
            for (int d = 0; d < cats.size(); d++) if (d != time && source.dims.get(d).size() > 1) codes.add(cats.get(d));
            BigDecimal value = source.value(i);
            String status = source.status(i);
            String flags = status == null || status.equals("a") ? "" : status.equals(".") ? "m" : status;
            if (value == null && !flags.contains("m")) flags += "m";
            if (value != null) expectedTotal = expectedTotal.add(value);
            expected.put(ServedCells.key(codes, p), Cell.of(value, flags));
        }
        Map<String, Cell> served = ServedCells.fetch(datasetId, dims, Map.of());
        assertEquals(expected.size(), served.size(), "cells served");
        int wrong = 0;
        List<String> examples = new ArrayList<>();
        BigDecimal servedTotal = BigDecimal.ZERO;
        for (Map.Entry<String, Cell> e : expected.entrySet()) {
            Cell got = served.get(e.getKey());
            if (got == null || !ServedCells.sameValue(got.value(), e.getValue().value()) || !got.flags().equals(e.getValue().flags())) {
                if (wrong++ < 5) examples.add(e.getKey() + " expected " + e.getValue() + " served " + got);
            }
            if (got != null && got.value() != null) servedTotal = servedTotal.add(got.value());
        }
        assertEquals(0, wrong, "cells differing from the source, e.g. " + examples);
        assertEquals(0, expectedTotal.compareTo(servedTotal), "total " + expectedTotal + " vs served " + servedTotal);
        TestServer.given().get("/v1/datasets/{id}", datasetId).then().statusCode(200)
                .body("release.rowCount", org.hamcrest.Matchers.equalTo(expected.size()));
        return new Loaded(dims, served);
    }

    /** Codelists and dataset from the file's dimensions; returns the dataset's dimension ids. */
    private static List<String> define(String datasetId, JsonStatSource source, String frequency, String timeDim) throws Exception {
        List<TestDimension> dims = new ArrayList<>();
        for (JsonStatSource.Dim d : source.dims) {
            if (d.id().equals(timeDim) || d.size() == 1 && timeDim != null) continue;
            String id = d.id().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
            String codelist = datasetId + "." + id;
            List<TestCode> codes = new ArrayList<>();
            d.labels().forEach((code, label) -> codes.add(TestCode.of(code, label)));
            TestDefinitions.codelist(codelist, codes);
            dims.add(new TestDimension(id, codelist, null));
        }
        TestDefinitions.dataset(datasetId, frequency, dims);
        return dims.stream().map(TestDimension::id).toList();
    }

    /** Compares a reference table (label columns, time, value) with the served cells; returns the rows compared. */
    private static int compareWithReference(List<List<String>> table, Map<String, Cell> served, Function<List<String>, List<String>> codes,
                                            Function<List<String>, String> time, int valueColumn) {
        int compared = 0;
        for (List<String> row : table.subList(1, table.size())) {
            List<String> key = codes.apply(row);
            assertTrue(key.stream().allMatch(java.util.Objects::nonNull), "reference labels not in the file: " + row);
            Cell cell = served.get(ServedCells.key(key, time.apply(row)));
            assertNotNull(cell, "reference row not served: " + row);
            String v = row.get(valueColumn);
            assertTrue(ServedCells.sameValue(v.isEmpty() ? null : new BigDecimal(v), cell.value()), row + " served " + cell);
            compared++;
        }
        return compared;
    }

    private static String monthOrQuarter(String ssb) {
        return ssb.replaceAll("^(\\d{4})M(\\d{2})$", "$1-$2").replaceAll("^(\\d{4})K(\\d)$", "$1-Q$2");
    }

    static long releases(String datasetId) {
        return TestDatabase.get().owner().withHandle(h -> h.createQuery("SELECT count(*) FROM published.release WHERE dataset_id = :ds")
                .bind("ds", datasetId).mapTo(Long.class).one());
    }

    static long count(Map<String, Cell> cells, String flag) {
        return cells.values().stream().filter(c -> c.flags().contains(flag)).count();
    }

    private static Map<String, String> reverse(Map<String, String> labels) {
        Map<String, String> out = new HashMap<>();
        labels.forEach((code, label) -> {
            if (out.put(label, code) != null) throw new AssertionError("label '" + label + "' is not unique");
        });
        return out;
    }
}
