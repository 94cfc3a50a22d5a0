package org.lmobservatory.sdmx;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestServer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * SDMX 2.1 REST's firstNObservations and lastNObservations (per series: the earliest or latest N observations that
 * exist, so a sparse series keeps its own) and updatedAfter (the data of a release published after the instant) on
 * /sdmx/2.1/data, read as SDMX-CSV 1.0. Uses a dataset of its own (ids sdmx-window…): W1 has 2019–2023, W2 only
 * 2020 and 2023.
 */
class SdmxDataWindowTest {
    private static final String DATA = "/sdmx/2.1/data/LMO,sdmx-window,1.0/all";
    private static final String CSV_1 = "application/vnd.sdmx.data+csv;version=1.0.0";
    private static Instant published;

    @BeforeAll
    static void publish() throws Exception {
        TestServer.get();
        TestServer.loader().define(TestServer.file("SDMXW-AREA.json", """
                {"id": "SDMXW-AREA", "version": "1", "title": {"en": "Areas of the SDMX window test"},
                 "codes": [{"id": "W1", "level": "region", "labels": {"en": "One"}}, {"id": "W2", "level": "region", "labels": {"en": "Two"}}]}
                """));
        Path definition = TestServer.file("sdmx-window.json", """
                {"id": "sdmx-window", "title": {"en": "SDMX window test"}, "description": {"en": "Test data."},
                 "theme": "labour-market", "keywords": ["test"], "frequency": "A",
                 "unit": {"id": "PERS", "label": {"en": "persons"}, "multiplier": 0, "decimals": 0},
                 "source": "SDMX tests", "licence": "CC-BY-4.0", "contact": "test@example.org",
                 "dimensions": [{"id": "geo", "codelist": "SDMXW-AREA", "role": "geo", "label": {"en": "Area"}}]}
                """);
        Path data = TestServer.file("sdmx-window.csv", """
                geo,time,value,flag
                W1,2019,19,
                W1,2020,20,
                W1,2021,21,
                W1,2022,22,
                W1,2023,23,p
                W2,2020,120,
                W2,2023,123,
                """);
        TestServer.publish("sdmx-window", definition, data);
        published = Instant.parse(TestServer.given().get("/v1/datasets/sdmx-window").then().statusCode(200)
                .extract().jsonPath().getString("release.publishedAt"));
    }

    @Test
    void lastNObservationsKeepsTheLatestOfEachSeries() {
        assertEquals(List.of("W1,2022,22", "W1,2023,23", "W2,2020,120", "W2,2023,123"), rows(Map.of("lastNObservations", "2")));
        assertEquals(List.of("W1,2023,23", "W2,2023,123"), rows(Map.of("lastNObservations", "1")));
    }

    @Test
    void firstNObservationsKeepsTheEarliestOfEachSeries() {
        assertEquals(List.of("W1,2019,19", "W2,2020,120"), rows(Map.of("firstNObservations", "1")));
        assertEquals(List.of("W1,2019,19", "W1,2020,20", "W1,2021,21", "W2,2020,120", "W2,2023,123"), rows(Map.of("firstNObservations", "3")));
    }

    @Test
    void bothKeepTheFirstAndTheLastOnceEach() {
        assertEquals(List.of("W1,2019,19", "W1,2023,23", "W2,2020,120", "W2,2023,123"),
                rows(Map.of("firstNObservations", "1", "lastNObservations", "1")));
        assertEquals(List.of("W1,2019,19", "W1,2020,20", "W1,2021,21", "W1,2022,22", "W1,2023,23", "W2,2020,120", "W2,2023,123"),
                rows(Map.of("firstNObservations", "3", "lastNObservations", "3")));
    }

    @Test
    void theWindowWorksWithAKeyAndPeriodsAndHasItsOwnEtag() {
        Response windowed = TestServer.given().accept(CSV_1).queryParam("lastNObservations", "1").queryParam("endPeriod", "2022")
                .get("/sdmx/2.1/data/sdmx-window/W1");
        assertEquals(List.of("W1,2022,22"), body(windowed));
        Response whole = TestServer.given().accept(CSV_1).queryParam("endPeriod", "2022").get("/sdmx/2.1/data/sdmx-window/W1");
        assertEquals(4, body(whole).size());
        assertNotEquals(whole.header("ETag"), windowed.header("ETag"), "a windowed answer is never served for the whole one");
    }

    @Test
    void updatedAfterGivesTheDataOfAReleasePublishedLaterAndNothingOtherwise() {
        assertEquals(7, rows(Map.of("updatedAfter", published.minusSeconds(3600).toString())).size());
        assertEquals(List.of(), rows(Map.of("updatedAfter", published.plusSeconds(1).toString())));
        assertEquals(List.of(), rows(Map.of("updatedAfter", "2999-01-01")));
        // An offset's '+' sent unencoded arrives as a space; it is read as the '+' it was.
        Response plus = TestServer.given().urlEncodingEnabled(false).accept(CSV_1).get(DATA + "?updatedAfter=2000-01-01T00:00:00+02:00");
        assertEquals(7, body(plus).size());
    }

    @Test
    void malformedWindowsAreProblems() {
        for (Map<String, String> bad : List.of(Map.of("lastNObservations", "0"), Map.of("firstNObservations", "two"),
                Map.of("lastNObservations", "-1"), Map.of("updatedAfter", "yesterday"), Map.of("updatedAfter", "2024-13-01T00:00:00Z"))) {
            TestServer.given().accept(CSV_1).queryParams(bad).get(DATA).then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString(bad.keySet().iterator().next()));
        }
    }

    /** geo,TIME_PERIOD,OBS_VALUE of each observation of the SDMX-CSV 1.0 answer. */
    private static List<String> rows(Map<String, String> params) {
        return body(TestServer.given().accept(CSV_1).queryParams(params).get(DATA));
    }

    private static List<String> body(Response response) {
        response.then().statusCode(200);
        List<String> lines = response.asString().lines().toList();
        List<String> header = List.of(lines.get(0).split(",", -1));
        int geo = header.indexOf("geo");
        int time = header.indexOf("TIME_PERIOD");
        int value = header.indexOf("OBS_VALUE");
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).map(f -> f[geo] + "," + f[time] + "," + f[value]).toList();
    }
}
