package org.lmobservatory.observations;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lmobservatory.Observatory;
import org.lmobservatory.config.AppConfig;
import org.lmobservatory.support.SeedFile;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObservationApiTest {
    private static final String RATES = "/v1/datasets/unemployment-rate/observations";
    private static final String MONTHLY = "/v1/datasets/registered-unemployed/observations";

    @Test
    void filteredValuesEqualTheSeedFileCellForCell() throws Exception {
        List<Map<String, String>> expected = SeedFile.rows("unemployment-rate").stream()
                .filter(r -> Set.of("FI1B", "PL91").contains(r.get("geo")) && r.get("sex").equals("F") && r.get("age").equals("Y15-24"))
                .filter(r -> Integer.parseInt(r.get("time")) >= 2020 && Integer.parseInt(r.get("time")) <= 2024)
                .toList();

        List<Map<String, Object>> actual = TestServer.given()
                .queryParam("geo", "FI1B,PL91").queryParam("sex", "F").queryParam("age", "Y15-24").queryParam("time", "2020..2024")
                .get(RATES)
                .then().statusCode(200).contentType(containsString("application/json"))
                .extract().path("observations");

        assertEquals(10, expected.size());
        assertEquals(expected.size(), actual.size());
        for (Map<String, String> row : expected) {
            Map<String, Object> match = actual.stream()
                    .filter(o -> o.get("geo").equals(row.get("geo")) && o.get("time").equals(row.get("time")))
                    .findFirst().orElseThrow(() -> new AssertionError("missing " + row));
            assertEquals(row.get("value").isEmpty() ? null : new BigDecimal(row.get("value")),
                    match.get("value") == null ? null : new BigDecimal(match.get("value").toString()), row.toString());
            assertEquals(row.get("flag").isEmpty() ? null : row.get("flag"), match.get("flag"), row.toString());
        }
    }

    @Test
    void rowsComeInCodelistOrderThenTimeAscending() {
        List<String> keys = TestServer.given()
                .queryParam("geo", "PL91,FI1B").queryParam("sex", "T").queryParam("age", "Y15-74").queryParam("time", "2023..2024")
                .get(RATES).then().statusCode(200)
                .extract().jsonPath().getList("observations.collect { it.geo + '/' + it.time }");
        // GEO lists Finland before Poland.
        assertEquals(List.of("FI1B/2023", "FI1B/2024", "PL91/2023", "PL91/2024"), keys);
    }

    @Test
    void aYearSelectsAllTwelveMonthsOfAMonthlyDataset() {
        TestServer.given().queryParam("geo", "FI_091").queryParam("time", "2024")
                .get(MONTHLY).then().statusCode(200)
                .body("count", equalTo(12))
                .body("observations[0].time", equalTo("2024-01"))
                .body("observations[11].time", equalTo("2024-12"));
    }

    @Test
    void lastPeriodsIsARollingWindowEndingAtTheLatestPeriod() {
        TestServer.given().queryParam("geo", "FI_091").queryParam("lastPeriods", "3")
                .get(MONTHLY).then().statusCode(200)
                .body("observations.time", equalTo(List.of("2025-10", "2025-11", "2025-12")))
                .body("observations[2].flag", equalTo("p"))
                .body("flags.p", equalTo("provisional"));
    }

    @Test
    void geoLevelAndParentSelectMunicipalitiesBelowARegion() {
        List<String> geos = TestServer.given().queryParam("geoLevel", "municipality").queryParam("geoParent", "FI1B")
                .queryParam("time", "2025-01").queryParam("labels", "code")
                .get(MONTHLY).then().statusCode(200)
                .extract().jsonPath().getList("observations.geo");
        assertEquals(new TreeSet<>(List.of("FI_049", "FI_091", "FI_092")), new TreeSet<>(geos));
    }

    @Test
    void csvIsRfc4180WithCodesLabelsUnitAndFlagLegend() {
        Response response = TestServer.given()
                .queryParam("geo", "FI1B,PL91").queryParam("time", "2020..2024").queryParam("format", "csv")
                .get(RATES);
        response.then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("unemployment-rate_release-"));
        List<List<String>> records = SeedFile.parseCsv(response.asString());
        assertEquals(List.of("geo", "geo_label", "sex", "sex_label", "age", "age_label", "time", "value", "unit", "flag", "flag_label"),
                records.get(0));
        assertEquals(1 + 2 * 3 * 4 * 5, records.size(), "header + 2 regions × 3 sexes × 4 ages × 5 years");
        List<String> first = records.get(1);
        assertEquals("FI1B", first.get(0));
        assertEquals("Helsinki-Uusimaa", first.get(1));
        assertEquals("percent", first.get(8));
        for (List<String> r : records.subList(1, records.size())) {
            assertTrue(r.get(7).isEmpty() || r.get(7).matches("-?\\d+(\\.\\d+)?"), "plain decimal number: " + r);
        }
    }

    @Test
    void acceptTextCsvNegotiatesCsv() {
        TestServer.given().header("Accept", "text/csv").queryParam("geo", "FI1B").queryParam("time", "2024")
                .get(RATES).then().statusCode(200).contentType(startsWith("text/csv"));
    }

    @Test
    void labelsModeLabelGivesLabelsOnlyInTheAskedLanguage() {
        Map<String, Object> row = TestServer.given().queryParam("geo", "XK").queryParam("time", "2024-Q1")
                .queryParam("occupation", "TOTAL").queryParam("labels", "label").queryParam("lang", "sq")
                .get("/v1/datasets/job-vacancies/observations").then().statusCode(200)
                .extract().path("observations[0]");
        assertTrue(row.containsKey("geo_label") && !row.containsKey("geo"), row.toString());
        assertEquals("Kosova", row.get("geo_label"));
    }

    @Test
    void aQueryMatchingNothingIsA200WithAWarning() {
        TestServer.given().queryParam("geo", "FI1B").queryParam("time", "1990..1995")
                .get(RATES).then().statusCode(200)
                .body("count", equalTo(0))
                .body("observations", equalTo(List.of()))
                .body("warnings[0]", containsString("No observations match"));
    }

    @Test
    void unknownCodeIsA400ThatSuggestsTheLikelyCode() {
        TestServer.given().queryParam("geo", "FI1X").get(RATES)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("Did you mean FI19, FI1B, FI1C or FI1D?"))
                .body("parameter", equalTo("geo"))
                .body("validValues", hasItem("FI1B"));
    }

    @Test
    void unknownParameterIsA400NamingTheDimensions() {
        TestServer.given().queryParam("region", "FI1B").get(RATES)
                .then().statusCode(400)
                .body("detail", containsString("Its dimensions are geo, sex, age"));
    }

    @Test
    void periodFinerThanTheDatasetFrequencyIsA400() {
        TestServer.given().queryParam("time", "2024-07").get(RATES)
                .then().statusCode(400)
                .body("detail", containsString("frequency A"));
    }

    @Test
    void malformedTimeAndLastPeriodsAre400s() {
        TestServer.given().queryParam("time", "last-year").get(RATES).then().statusCode(400).body("parameter", equalTo("time"));
        TestServer.given().queryParam("lastPeriods", "0").get(RATES).then().statusCode(400).body("parameter", equalTo("lastPeriods"));
        TestServer.given().queryParam("lastPeriods", "3").queryParam("time", "2024").get(RATES).then().statusCode(400);
        TestServer.given().queryParam("format", "xml").get(RATES).then().statusCode(400).body("allowed", hasItem("csv"));
    }

    @Test
    void aCsvQueryOverTheCellLimitIsA413ThatNamesTheLimit() {
        AppConfig small = TestDatabase.config().withLimits(new AppConfig.Limits(50, 100, 5000, 1000, 0));
        try (Observatory limited = TestServer.start(small)) {
            RestAssured.given().baseUri("http://localhost:" + limited.port()).filter(org.lmobservatory.support.Contract.filter())
                    .queryParam("geo", "FI1B").queryParam("format", "csv").get(RATES)
                    .then().statusCode(413)
                    .contentType("application/problem+json")
                    .body("limit", equalTo(100))
                    .body("download", equalTo("/v1/datasets/unemployment-rate/download"))
                    .body("detail", containsString("page through it as JSON"));
            RestAssured.given().baseUri("http://localhost:" + limited.port())
                    .queryParam("geo", "FI1B").queryParam("sex", "T").queryParam("age", "Y15-74").queryParam("format", "csv").get(RATES)
                    .then().statusCode(200);
        }
    }

    @Test
    void everyValueOfADatasetIsServedExactlyOnce() throws Exception {
        List<Map<String, String>> seed = SeedFile.rows("registered-unemployed");
        List<List<String>> csv = SeedFile.parseCsv(TestServer.given().queryParam("format", "csv").queryParam("labels", "code")
                .get(MONTHLY).then().statusCode(200).extract().asString());
        Set<String> served = csv.subList(1, csv.size()).stream().map(r -> r.get(0) + "|" + r.get(1) + "|" + r.get(2) + "|" + r.get(4))
                .collect(Collectors.toSet());
        Set<String> expected = seed.stream().map(r -> r.get("geo") + "|" + r.get("time") + "|" + r.get("value") + "|" + r.get("flag"))
                .collect(Collectors.toSet());
        assertEquals(seed.size(), csv.size() - 1);
        assertEquals(expected, served);
    }

    @Test
    void problemResponsesNeverLeakStackTraces() {
        TestServer.given().queryParam("geo", "'; DROP TABLE x; --").get(RATES)
                .then().statusCode(400)
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void observationsOfAnUnknownDatasetAreA404() {
        TestServer.given().get("/v1/datasets/nope/observations").then().statusCode(404)
                .body("type", containsString("unknown-dataset"));
    }

    @Test
    void everyObservationHasTheSameMembers() {
        List<Map<String, Object>> rows = TestServer.given().queryParam("geo", "CZ01").queryParam("time", "2024")
                .get("/v1/datasets/vet-enrolment/observations").then().statusCode(200).extract().path("observations");
        assertTrue(rows.size() > 0);
        for (Map<String, Object> r : rows) {
            assertEquals(Set.of("geo", "geo_label", "field", "field_label", "sex", "sex_label", "time", "value", "flag"), r.keySet());
        }
        TestServer.given().queryParam("geo", "CZ01").queryParam("time", "2024")
                .get("/v1/datasets/vet-enrolment/observations").then().body("observations.time", everyItem(equalTo("2024")));
    }
}
