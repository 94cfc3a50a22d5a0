package org.lmobservatory.loader.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.lmobservatory.catalogue.Frequency;
import org.lmobservatory.loader.LoadError;
import org.lmobservatory.loader.LoadOptions;
import org.lmobservatory.loader.LoadReport;
import org.lmobservatory.loader.formats.ServedCells.Cell;
import org.lmobservatory.loader.formats.TestDefinitions.TestCode;
import org.lmobservatory.loader.formats.TestDefinitions.TestDimension;
import org.lmobservatory.support.TestServer;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JSON-stat files whose time categories are opaque ids with readable labels (CI_0004215 labelled "Jan 1996"): periods
 * from the labels (by themselves when every label is one, or as the options say), cell problems named by JSON path and
 * coordinates, and fitting suggestions for statuses such as PxWeb's "-".
 */
class JsonStatTimeLabelsTest {
    private static final String MONTHS = """
            {"version": "2.0", "class": "dataset", "id": ["geo", "time"], "size": [2, 3],
             "dimension": {"geo": {"category": {"index": ["GA", "GB"]}},
                           "time": {"category": {"index": ["CI_0004215", "CI_0004216", "CI_0004217"],
                                                 "label": {"CI_0004215": "Jan 1996", "CI_0004216": "Feb 1996", "CI_0004217": "%s"}}}},
             "value": [1.5, 2.5, 3.5, null, 5, 6],
             "status": {"3": "-", "4": "x"}}
            """;

    @Test
    void opaqueTimeIdsWithMonthLabelsLoadAsTheLabelledMonthsAndPxWebsDashAsZero() throws Exception {
        define("jst-lbl-ok");
        Path file = TestServer.file("labels.json", MONTHS.formatted("Mar 1996"));
        Path options = TestServer.file("labels-options.json", "{\"status\": {\"-\": \"zero\", \"x\": \"\"}}");

        LoadReport report = TestServer.loader().load("jst-lbl-ok", file, LoadOptions.defaults().withMapping(options));

        assertEquals(LoadReport.Status.VALID, report.status(), report.errors().toString());
        TestServer.publishLoad("jst-lbl-ok", report.loadId());
        Map<String, Cell> served = ServedCells.fetch("jst-lbl-ok", List.of("geo"), Map.of());
        assertEquals(6, served.size(), served.toString());
        assertCell(served, "GA", "1996-01", "1.5");
        assertCell(served, "GA", "1996-03", "3.5");
        assertCell(served, "GB", "1996-01", "0"); // '-' mapped to zero: the value 0, no flag
        assertCell(served, "GB", "1996-02", "5");
    }

    @Test
    void anUnmappedDashIsNamedByPathAndCoordinatesWithTheZeroMappingSuggested() throws Exception {
        define("jst-lbl-dash");
        Path file = TestServer.file("labels.json", MONTHS.formatted("Mar 1996"));

        LoadReport report = TestServer.loader().load("jst-lbl-dash", file, LoadOptions.defaults());

        assertEquals(LoadReport.Status.INVALID, report.status());
        List<String> messages = report.errors().stream().map(LoadError::toString).toList();
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("labels.json: $.status['3'] (geo=GB, time=1996-01 (CI_0004215)): status '-' is unknown; "
                + "map it in the JSON-stat options: {\"status\": {\"-\": \"zero\"}} loads it as the value 0"), messages.get(0));
        assertTrue(messages.get(1).startsWith("labels.json: $.status['4'] (geo=GB, time=1996-02 (CI_0004216)): status 'x' is unknown; "
                + "map it in the JSON-stat options: {\"status\": {\"x\": \"c\"}}"), messages.get(1));
    }

    @Test
    void problemsFoundAfterReadingACellNameItsPathAndCoordinatesNotALine() throws Exception {
        define("jst-lbl-flag");
        Path file = TestServer.file("labels.json", MONTHS.formatted("Mar 1996"));
        // A status mapped to a letter that is no flag of ours: the row validator finds it, after the reader.
        Path options = TestServer.file("labels-options.json", "{\"status\": {\"-\": \"zero\", \"x\": \"z\"}}");

        LoadReport report = TestServer.loader().load("jst-lbl-flag", file, LoadOptions.defaults().withMapping(options));

        assertEquals(LoadReport.Status.INVALID, report.status());
        assertEquals(1, report.errorCount(), report.errors().toString());
        LoadError e = report.errors().get(0);
        assertEquals(0, e.line());
        assertTrue(e.toString().startsWith("labels.json: $.value[4] (geo=GB, time=1996-02 (CI_0004216)): flag 'z' is unknown"), e.toString());
    }

    @Test
    void whenNotEveryLabelIsAPeriodTheOptionsSayWhereThePeriodsComeFrom() throws Exception {
        define("jst-lbl-map");
        Path file = TestServer.file("labels.json", MONTHS.formatted("Mar '96"));
        Path statuses = TestServer.file("s.json", "{\"status\": {\"-\": \"zero\", \"x\": \"\"}}");

        LoadReport unread = TestServer.loader().load("jst-lbl-map", file, LoadOptions.defaults().withMapping(statuses));
        assertEquals(LoadReport.Status.INVALID, unread.status());
        List<String> messages = unread.errors().stream().map(LoadError::toString).toList();
        assertEquals(3, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("labels.json: $.dimension.time.category.index[0]: time 'CI_0004215' is not a period we can read")
                && messages.get(0).contains("its label 'Jan 1996' is one: load with {\"periodsFrom\": \"labels\"}"), messages.get(0));
        assertTrue(messages.get(2).endsWith("map it in the JSON-stat options with {\"periodMap\": {\"CI_0004217\": \"…\"}}"), messages.get(2));

        Path wrong = TestServer.file("o.json", "{\"periodsFrom\": \"sideways\", \"periodMap\": {\"CI_9\": \"1996M03\"}}");
        List<String> bad = TestServer.loader().load("jst-lbl-map", file, LoadOptions.defaults().withMapping(wrong)).errors().stream()
                .map(LoadError::toString).toList();
        assertTrue(bad.get(0).contains("$.periodsFrom: 'sideways' is neither \"ids\""), bad.toString());

        Path labelsOnly = TestServer.file("o.json", "{\"periodsFrom\": \"labels\", \"status\": {\"-\": \"zero\", \"x\": \"\"}}");
        LoadReport one = TestServer.loader().load("jst-lbl-map", file, LoadOptions.defaults().withMapping(labelsOnly));
        assertEquals(List.of("labels.json: $.dimension.time.category.index[2]: time 'CI_0004217' (label 'Mar '96') is not a period we can read "
                        + "(years 2013, quarters 2013Q1 or 2013K1, months 2013M01 or 2013-01, Jan 2013); map it in the JSON-stat options with "
                        + "{\"periodMap\": {\"CI_0004217\": \"…\"}}"),
                one.errors().stream().map(LoadError::toString).toList());

        Path mapped = TestServer.file("o.json", "{\"periodMap\": {\"CI_0004217\": \"1996M03\"}, \"status\": {\"-\": \"zero\", \"x\": \"\"}}");
        LoadReport loaded = TestServer.loader().load("jst-lbl-map", file, LoadOptions.defaults().withMapping(mapped));
        assertEquals(LoadReport.Status.VALID, loaded.status(), loaded.errors().toString());
        TestServer.publishLoad("jst-lbl-map", loaded.loadId());
        assertCell(ServedCells.fetch("jst-lbl-map", List.of("geo"), Map.of()), "GB", "1996-03", "6");
    }

    @Test
    void statisticsNorwaysMonthlyTableWithItsPeriodsOnlyInLabelsLoadsCellForCell() throws Exception {
        // The real SSB table 29843 (20 industries × 6 contents × 312 months, '.' statuses), its Tid ids made opaque here.
        Path original = SharedData.realdata("jsonstat-samples/nso/ssb_no_29843.json");
        ObjectMapper json = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        JsonNode root = json.readTree(original.toFile());
        ObjectNode category = (ObjectNode) root.path("dataset").path("dimension").path("Tid").path("category");
        ObjectNode index = json.createObjectNode();
        ObjectNode label = json.createObjectNode();
        Map<String, String> periodOf = new HashMap<>();
        category.path("index").fields().forEachRemaining(e -> {
            String opaque = "CI_" + (4215 + e.getValue().asInt());
            YearMonth month = YearMonth.parse(e.getKey().replace('M', '-'));
            index.put(opaque, e.getValue().asInt());
            label.put(opaque, month.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + month.getYear());
            periodOf.put(opaque, month.toString());
        });
        category.set("index", index);
        category.set("label", label);
        Path file = Files.createTempDirectory("jst-labels").resolve("ssb_29843_opaque_time.json");
        json.writeValue(file.toFile(), root);
        JsonStatSource source = JsonStatSource.read(file, "dataset");

        JsonStatLoadTest.Loaded loaded = JsonStatLoadTest.loadAndCompare("jst-ssb-labels", file, source, "M", "Tid", periodOf::get, Optional.empty());

        assertEquals(37440, loaded.served().size());
        assertEquals(7200, JsonStatLoadTest.count(loaded.served(), "m"));
    }

    @Test
    void labelsReadAsPeriodsInTheSpellingsOfficesUse() {
        Map<String, String> months = Map.of("Jan 1996", "1996-01", "January 1996", "1996-01", "1996 Feb", "1996-02", "Mar-1996", "1996-03",
                "Apr. 1996", "1996-04", "sep 1996", "1996-09", "1996M10", "1996-10", "1996-11", "1996-11");
        months.forEach((label, period) -> assertEquals(period, PeriodLabels.parse(label, Frequency.M).orElseThrow().label(), label));
        assertEquals("1996-Q1", PeriodLabels.parse("Q1 1996", Frequency.Q).orElseThrow().label());
        assertEquals("1996-Q4", PeriodLabels.parse("1996 Q4", Frequency.Q).orElseThrow().label());
        assertEquals("1996", PeriodLabels.parse("1996", Frequency.A).orElseThrow().label());
        for (String no : List.of("tammikuu 1996", "Total", "Mar '96", "", "13 1996")) {
            assertTrue(PeriodLabels.parse(no, Frequency.M).isEmpty(), no);
        }
    }

    private static void assertCell(Map<String, Cell> served, String geo, String period, String value) {
        Cell cell = served.get(ServedCells.key(List.of(geo), period));
        assertTrue(cell != null && ServedCells.sameValue(new BigDecimal(value), cell.value()) && cell.flags().isEmpty(),
                geo + " " + period + ": " + cell + " in " + served);
    }

    private static void define(String id) throws Exception {
        TestDefinitions.codelist(id + ".geo", List.of(TestCode.of("GA", "Area A"), TestCode.of("GB", "Area B")));
        TestDefinitions.dataset(id, "M", List.of(new TestDimension("geo", id + ".geo", "geo")));
    }
}
