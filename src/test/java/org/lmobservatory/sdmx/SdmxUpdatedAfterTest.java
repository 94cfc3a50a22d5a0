package org.lmobservatory.sdmx;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.releases.Embargoes;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * SDMX 2.1 REST's updatedAfter at cell level: the observations added, revised or deleted since the instant, from the
 * versions each release wrote and closed. A dataset of its own with four releases: r1 has five cells; r2 revises
 * FI1B 2024 and adds FI193 2023; r3 deletes FI1C 2023 (FI1C keeps 2024); r4 deletes FI19 2023, the whole series
 * FI19. Deletions are ACTION D records in SDMX-CSV 2.0 and left out of the formats that cannot say "deleted"
 * (SDMX-CSV 1.0, SDMX-ML).
 */
class SdmxUpdatedAfterTest {
    private static final String CSV_1 = "application/vnd.sdmx.data+csv;version=1.0.0";
    private static final String CSV_2 = "application/vnd.sdmx.data+csv;version=2.0.0";
    private static String id;
    private static long release3;
    private static String data;
    private static Instant r1;
    private static Instant r2;
    private static Instant r3;
    private static Instant r4;

    @BeforeAll
    static void publishThreeReleases() throws Exception {
        id = Embargoes.uniqueId("sdmx-updated");
        data = "/sdmx/2.1/data/LMO," + id + ",1.0/all";
        r1 = publishedAt(Embargoes.publishNow(id, "SDMX updatedAfter", "geo,time,value\nFI1B,2023,1\nFI1B,2024,2\nFI1C,2023,3\nFI1C,2024,5\nFI19,2023,4\n"));
        r2 = publishedAt(TestServer.publishLoad(id, Embargoes.load(id, "geo,time,value\nFI1B,2023,1\nFI1B,2024,20\nFI1C,2023,3\nFI1C,2024,5\nFI19,2023,4\nFI193,2023,9\n")));
        release3 = TestServer.publishLoad(id, Embargoes.load(id, "geo,time,value\nFI1B,2023,1\nFI1B,2024,20\nFI1C,2024,5\nFI19,2023,4\nFI193,2023,9\n"));
        r3 = publishedAt(release3);
        r4 = publishedAt(TestServer.publishLoad(id, Embargoes.load(id, "geo,time,value\nFI1B,2023,1\nFI1B,2024,20\nFI1C,2024,5\nFI193,2023,9\n")));
    }

    @Test
    void afterTheFirstReleaseTheRevisedAndAddedCellsAndTheDeletedOne() {
        assertEquals(List.of("D,FI19,2023,", "D,FI1C,2023,", "I,FI193,2023,9", "I,FI1B,2024,20"), rows(CSV_2, r1));
        assertEquals(List.of("FI193,2023,9", "FI1B,2024,20"), rows(CSV_1, r1));
    }

    @Test
    void afterTheSecondReleaseOnlyTheDeletions() {
        assertEquals(List.of("D,FI19,2023,", "D,FI1C,2023,"), rows(CSV_2, r2));
        assertEquals(List.of(), rows(CSV_1, r2));
    }

    @Test
    void theDeletedCellsOfASeriesTheReleaseNoLongerHasAreReportedToo() {
        assertEquals(List.of("D,FI19,2023,"), rows(CSV_2, r3));
        assertEquals(List.of("D,FI19,2023,"), body(TestServer.given().accept(CSV_2).queryParam("updatedAfter", r3.toString())
                .get(data.replace("/all", "/FI19"))));
    }

    @Test
    void afterTheLastReleaseAnEmptyDataSet() {
        assertEquals(List.of(), rows(CSV_2, r4));
        assertEquals(List.of(), rows(CSV_1, r4));
        String xml = TestServer.given().accept("application/vnd.sdmx.genericdata+xml;version=2.1").queryParam("updatedAfter", r4.toString())
                .get(data).then().statusCode(200).extract().asString();
        assertEquals(0, observations(xml), xml);
    }

    @Test
    void beforeTheFirstReleaseEveryCellAndEveryDeletion() {
        assertEquals(List.of("D,FI19,2023,", "D,FI1C,2023,", "I,FI193,2023,9", "I,FI1B,2023,1", "I,FI1B,2024,20", "I,FI1C,2024,5"),
                rows(CSV_2, r1.minusSeconds(1)));
    }

    @Test
    void sdmxMlHoldsTheChangedObservationsOnly() {
        String xml = TestServer.given().accept("application/vnd.sdmx.genericdata+xml;version=2.1").queryParam("updatedAfter", r1.toString())
                .get(data).then().statusCode(200).extract().asString();
        assertEquals(2, observations(xml), xml);
    }

    @Test
    void eachInstantHasItsOwnEtagAndTheKeyAndPeriodsStillNarrow() {
        Response first = TestServer.given().accept(CSV_2).queryParam("updatedAfter", r1.toString()).get(data);
        Response second = TestServer.given().accept(CSV_2).queryParam("updatedAfter", r2.toString()).get(data);
        assertNotEquals(first.header("ETag"), second.header("ETag"));
        String byKey = data.replace("/all", "/FI1B+FI1C");
        assertEquals(List.of("D,FI1C,2023,", "I,FI1B,2024,20"), body(TestServer.given().accept(CSV_2).queryParam("updatedAfter", r1.toString()).get(byKey)));
        assertEquals(List.of("I,FI1B,2024,20"), body(TestServer.given().accept(CSV_2).queryParam("updatedAfter", r1.toString())
                .queryParam("startPeriod", "2024").get(data)));
    }

    @Test
    void malformedInstantsStayProblems() {
        for (String bad : List.of("yesterday", "2024-13-01T00:00:00Z", "2024-05-01T25:00:00Z")) {
            TestServer.given().accept(CSV_2).queryParam("updatedAfter", bad).get(data).then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString("updatedAfter"));
        }
    }

    @Test
    void theChangedCellsAreReadByThePrimaryKey() throws Exception {
        String sql;
        try (var in = getClass().getResourceAsStream("/org/lmobservatory/observations/ObservationDao/changedCells.sql")) {
            sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        long[] series = TestDatabase.get().owner().withHandle(h -> h.createQuery("SELECT id FROM published.series WHERE dataset_id = :d ORDER BY id")
                .bind("d", id).mapTo(Long.class).list()).stream().mapToLong(Long::longValue).toArray();
        String plan = TestDatabase.get().owner().withHandle(h -> String.join("\n", h.createQuery("EXPLAIN (ANALYZE, COSTS OFF) " + sql)
                .bind("ids", series).bind("dataset", id).bind("release", release3).bind("since", r1.atOffset(java.time.ZoneOffset.UTC))
                .bind("deletions", true).bind("from", java.time.LocalDate.of(1, 1, 1)).bind("to", java.time.LocalDate.of(9999, 1, 1))
                .mapTo(String.class).list()));
        System.out.println("EXPLAIN ANALYZE changedCells.sql, " + series.length + " series:\n" + plan);
        assertFalse(plan.contains("Seq Scan on observation"), plan);
    }

    /** The Obs elements of an SDMX-ML GenericData message, whatever its namespace prefix. */
    private static long observations(String xml) {
        return java.util.regex.Pattern.compile("<(\\w+:)?Obs[\\s>]").matcher(xml).results().count();
    }

    private static Instant publishedAt(long release) {
        return TestDatabase.get().owner().withHandle(h -> h.createQuery("SELECT published_at FROM published.release WHERE id = :r")
                .bind("r", release).mapTo(OffsetDateTime.class).one()).toInstant();
    }

    private static List<String> rows(String accept, Instant updatedAfter) {
        return body(TestServer.given().accept(accept).queryParam("updatedAfter", updatedAfter.toString()).get(data));
    }

    /** [ACTION,]geo,TIME_PERIOD,OBS_VALUE of each record, sorted. */
    private static List<String> body(Response response) {
        response.then().statusCode(200);
        List<String> lines = response.asString().lines().toList();
        List<String> header = List.of(lines.get(0).split(",", -1));
        int action = header.indexOf("ACTION");
        int geo = header.indexOf("geo");
        int time = header.indexOf("TIME_PERIOD");
        int value = header.indexOf("OBS_VALUE");
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1))
                .map(f -> (action < 0 ? "" : f[action] + ",") + f[geo] + "," + f[time] + "," + f[value]).sorted().toList();
    }
}
