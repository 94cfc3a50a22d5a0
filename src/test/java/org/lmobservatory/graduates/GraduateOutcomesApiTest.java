package org.lmobservatory.graduates;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.SeedFile;
import org.lmobservatory.support.TestServer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's graduate records, published by load-graduates, checked cell by cell against counts computed here. */
class GraduateOutcomesApiTest {
    private static final String OBSERVATIONS = "/v1/datasets/graduate-outcomes/observations";
    private static Map<String, long[]> truth;

    @BeforeAll
    static void truth() throws Exception {
        TestServer.get();
        truth = GraduateTruth.of(Path.of("seed/graduates/graduates.csv"));
    }

    @Test
    void metadataSaysHowEmptyCellsComeAbout() {
        JsonPath meta = TestServer.given().get("/v1/datasets/graduate-outcomes").then().statusCode(200).extract().jsonPath();
        assertEquals(10, meta.getInt("disclosure.minPopulation"));
        assertEquals(3, meta.getInt("disclosure.minCount"));
        assertNull(meta.get("disclosure.roundingBase"));
        assertTrue(meta.getBoolean("disclosure.secondarySuppression"));
        assertEquals(2, meta.getInt("disclosure.maxNoise"));
        assertEquals(3, meta.getInt("disclosure.protectionWidth"));
        assertTrue(meta.getString("disclosure.method").startsWith("Cell-key perturbation"), meta.getString("disclosure.method"));
        assertTrue(meta.getString("disclosure.method").contains("linear-programming auditor"), meta.getString("disclosure.method"));
        assertEquals(List.of("population", "count", "secondary", "noise", "protection", "audited"),
                meta.getList("disclosure.audit.rule"));
        for (String rule : List.of("population", "secondary", "audited")) {
            assertTrue(meta.getLong("disclosure.audit.find { it.rule == '" + rule + "' }.cells") > 100, rule);
        }
        assertTrue(meta.getString("disclosure.confStatus.C").startsWith("confidential"));
        assertEquals(List.of("geo", "field", "sex", "months", "indicator"), meta.getList("dimensions.id"));
    }

    /** Every cell of the grid, published or not: absent cells would tell a reader where nobody is. */
    private static long[] truthOf(String time, String months, String geo, String field, String sex) {
        return truth.getOrDefault(GraduateTruth.key(time, months, geo, field, sex), new long[6]);
    }

    @Test
    void publishedValuesAreTheCountsOfTheGraduateRecordsWithinTheDocumentedNoise() {
        List<Map<String, Object>> rows = TestServer.given().queryParam("geoLevel", "country").queryParam("field", "TOTAL")
                .queryParam("labels", "code").get(OBSERVATIONS).then().statusCode(200).extract().jsonPath().getList("observations");
        assertEquals(5 * 3 * 3 * 6 * 5, rows.size(), "5 countries × 3 sexes × 3 follow-ups × 6 indicators × 5 cohorts");
        Map<String, Long> tracked = new java.util.HashMap<>();
        for (Map<String, Object> r : rows) {
            if (r.get("indicator").equals("TRACKED") && r.get("value") != null) {
                tracked.put(r.get("time") + "|" + r.get("months") + "|" + r.get("geo") + "|" + r.get("sex"), new BigDecimal(r.get("value").toString()).longValueExact());
            }
        }
        int checked = 0;
        int hidden = 0;
        int differ = 0;
        for (Map<String, Object> r : rows) {
            String indicator = (String) r.get("indicator");
            if (indicator.equals("EARN_BAND_MEDIAN")) continue;
            long[] t = truthOf((String) r.get("time"), (String) r.get("months"), (String) r.get("geo"), "TOTAL", (String) r.get("sex"));
            long[] nd = GraduateTruth.numeratorAndDenominator(indicator, t);
            // Large enough to publish in itself; the auditor may still hide a few as secondary suppressions, depending
            // on the dataset's random secret, so the test counts them instead of expecting none.
            assertTrue(nd[1] >= 12, "every country total is large in itself: " + r + " true " + nd[1]);
            if (r.get("value") == null) {
                assertEquals("C", r.get("confStatus"), r.toString());
                hidden++;
                continue;
            }
            assertEquals("F", r.get("confStatus"), r.toString());
            BigDecimal value = new BigDecimal(r.get("value").toString());
            if (indicator.equals("TRACKED")) {
                assertTrue(Math.abs(value.longValueExact() - nd[0]) <= 2, "a published count is within ±2 of the truth: " + r + " true " + nd[0]);
                if (value.longValueExact() != nd[0]) differ++;
            } else if (!indicator.equals("IN_FIELD_RATE")) {
                long shownTotal = tracked.get(r.get("time") + "|" + r.get("months") + "|" + r.get("geo") + "|" + r.get("sex"));
                boolean fits = false;
                for (long n = Math.max(1, nd[0] - 2); n <= nd[0] + 2 && !fits; n++) {
                    fits = BigDecimal.valueOf(100 * n).divide(BigDecimal.valueOf(shownTotal), 1, RoundingMode.HALF_UP).compareTo(value) == 0;
                }
                assertTrue(fits, "a published rate is a perturbed count (true " + nd[0] + " ± 2) over the published population " + shownTotal + ": " + r);
            }
            checked++;
        }
        assertEquals(5 * 3 * 3 * 5 * 5, checked + hidden);
        assertTrue(hidden <= 10, "secondary suppression rarely reaches a country total: " + hidden + " of 225 hidden");
        assertTrue(differ > 20, "the noise is real: " + differ + " of 225 country totals differ from the truth");
    }

    @Test
    void noPublishedCellDescribesTooFewPeopleOrTooFewCounted() {
        List<List<String>> csv = SeedFile.parseCsv(TestServer.given().queryParam("format", "csv").queryParam("labels", "code")
                .queryParam("indicator", "TRACKED,EMP_RATE,EDU_RATE,NEET_RATE,IN_FIELD_RATE").get(OBSERVATIONS).then().statusCode(200).extract().asString());
        List<String> h = csv.get(0);
        int published = 0;
        int suppressed = 0;
        for (List<String> r : csv.subList(1, csv.size())) {
            long[] t = truthOf(r.get(h.indexOf("time")), r.get(h.indexOf("months")), r.get(h.indexOf("geo")), r.get(h.indexOf("field")), r.get(h.indexOf("sex")));
            long[] nd = GraduateTruth.numeratorAndDenominator(r.get(h.indexOf("indicator")), t);
            String conf = r.get(h.indexOf("conf_status"));
            if (r.get(h.indexOf("value")).isEmpty()) {
                assertEquals("c", r.get(h.indexOf("flag")), r.toString());
                assertEquals("C", conf, "one status for every suppressed cell, so it tells nothing: " + r);
                assertTrue(r.get(h.indexOf("conf_status_label")).startsWith("confidential"), r.toString());
                suppressed++;
                continue;
            }
            assertEquals("F", conf, r.toString());
            // Thresholds apply to the perturbed counts (noise at most 2), so a published cell has at least 8 people.
            assertTrue(t[GraduateTruth.TRACKED] >= 8, "population of a published cell: " + r);
            if (!r.get(h.indexOf("indicator")).equals("TRACKED")) {
                assertTrue(nd[1] >= 8 && nd[0] >= 1 && nd[1] - nd[0] >= 1, "numerator and complement of a published rate: " + r);
            }
            published++;
        }
        assertTrue(published > 10000 && suppressed > 1000, published + " published, " + suppressed + " suppressed");
    }

    @Test
    void jsonRowsCarryTheConfidentialityStatusAndItsLegend() {
        JsonPath json = TestServer.given().queryParam("geo", "FI-S06").queryParam("indicator", "TRACKED").queryParam("time", "2023")
                .get(OBSERVATIONS).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> rows = json.getList("observations");
        assertEquals(Set.of("geo", "geo_label", "field", "field_label", "sex", "sex_label", "months", "months_label", "indicator",
                "indicator_label", "time", "value", "unit", "flag", "confStatus"), rows.get(0).keySet());
        Map<String, Object> total = rows.stream().filter(r -> r.get("sex").equals("T") && r.get("months").equals("M12")).findFirst().orElseThrow();
        assertNull(total.get("value"), "a school of a handful of graduates is never published: " + total);
        assertEquals("c", total.get("flag"));
        assertEquals("C", total.get("confStatus"));
        assertEquals("Rovaniemi Reindeer and Nature School (demo)", total.get("geo_label"));
        assertTrue(json.getString("confidentiality.C").contains("too small"));
        assertTrue(json.getString("flags.c").startsWith("confidential"));
    }

    @Test
    void schoolsAreTheLowestLevelOfTheAreaHierarchy() {
        List<String> schools = TestServer.given().queryParam("geoLevel", "school").queryParam("geoParent", "FI1B")
                .queryParam("indicator", "TRACKED").queryParam("sex", "T").queryParam("months", "M12").queryParam("time", "2023")
                .queryParam("labels", "code").get(OBSERVATIONS).then().statusCode(200).extract().jsonPath().getList("observations.geo");
        assertEquals(new TreeSet<>(List.of("FI-S01", "FI-S02", "FI-S03")), new TreeSet<>(schools));
        TestServer.given().get("/v1/codelists/GRAD_AREA").then().statusCode(200)
                .body("levels", equalTo(List.of("country", "region", "municipality", "school")))
                .body("codes.find { it.id == 'FI-S03' }.parent", equalTo("FI_049"))
                .body("codes.find { it.id == 'FI_049' }.parent", equalTo("FI1B"));
    }

    @Test
    void csvCarriesConfStatusColumnsAndTheCitationInHeaders() {
        Response r = TestServer.given().queryParam("format", "csv").queryParam("geo", "XK").queryParam("time", "2022")
                .queryParam("indicator", "NEET_RATE").get(OBSERVATIONS);
        r.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Link", containsString("/v1/datasets/graduate-outcomes/observations?release="))
                .header("Link", containsString("rel=\"cite-as\""))
                .header("X-Release-Id", org.hamcrest.Matchers.matchesPattern("\\d+"));
        List<String> header = SeedFile.parseCsv(r.asString()).get(0);
        assertEquals(List.of("time", "value", "unit", "flag", "flag_label", "conf_status", "conf_status_label"), header.subList(10, 17));
        assertTrue(r.asString().startsWith("geo,geo_label,"), "no comment lines before the header");
    }

    @Test
    void sdmxCsvAndTheCsvwMetadataCarryTheConfidentialityStatusToo() throws Exception {
        String query = "geo=XK&time=2022&indicator=NEET_RATE";
        List<List<String>> sdmx = SeedFile.parseCsv(TestServer.given().urlEncodingEnabled(false)
                .get(OBSERVATIONS + "?" + query + "&format=sdmx-csv").then().statusCode(200).extract().asString());
        assertEquals("CONF_STATUS", sdmx.get(0).get(sdmx.get(0).size() - 1));
        assertTrue(sdmx.stream().skip(1).anyMatch(r -> r.get(r.size() - 1).equals("C")));
        List<String> header = SeedFile.parseCsv(TestServer.given().urlEncodingEnabled(false)
                .get(OBSERVATIONS + "?" + query + "&format=csv").then().statusCode(200).extract().asString()).get(0);
        List<String> titles = TestServer.given().urlEncodingEnabled(false)
                .get(OBSERVATIONS + "/csv-metadata.json?" + query + "&format=csv").then().statusCode(200)
                .extract().jsonPath().getList("tableSchema.columns.titles");
        assertEquals(header, titles);
    }

    @Test
    void earningsBandMediansAreDecilesAndOtherDatasetsHaveNoConfStatus() {
        List<Float> medians = TestServer.given().queryParam("indicator", "EARN_BAND_MEDIAN").queryParam("geoLevel", "country")
                .get(OBSERVATIONS).then().statusCode(200).extract().jsonPath().getList("observations.value", Float.class);
        assertTrue(medians.stream().allMatch(v -> v == null || v >= 1 && v <= 10), medians.toString());
        TestServer.given().queryParam("geo", "FI1B").queryParam("time", "2024").get("/v1/datasets/vet-enrolment/observations")
                .then().statusCode(200).body("observations[0].containsKey('confStatus')", equalTo(false))
                .body("containsKey('confidentiality')", equalTo(false))
                .body("citation.url", containsString("release="));
        TestServer.given().get("/v1/datasets/vet-enrolment").then().statusCode(200).body("containsKey('disclosure')", equalTo(false));
        TestServer.given().get("/v1/datasets?theme=graduate-outcomes").then().statusCode(200).body("datasets.id", hasItems("graduate-outcomes"));
    }
}
