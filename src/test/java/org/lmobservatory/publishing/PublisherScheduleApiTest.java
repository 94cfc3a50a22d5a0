package org.lmobservatory.publishing;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A data owner moves or cancels a scheduled release through the publisher API, as the command line's release
 * reschedule/cancel does: with a reason the public calendar shows, only with a publish token for that dataset, and
 * only while the release is still scheduled.
 */
class PublisherScheduleApiTest {
    private static final String DATASET = "pub-api-reschedule";
    private static final String OTHER = "pub-api-reschedule-other";
    private static final String CSV = "sex,time,value\nF,2023,11\nM,2023,9\n";
    private static Tokens tokens;
    private static String token;

    @BeforeAll
    static void aDatasetWithAScheduledRelease() throws Exception {
        for (String id : List.of(DATASET, OTHER)) {
            TestServer.publish(id, TestServer.file(id + ".json", """
                    {"id": "%s", "title": {"en": "Reschedule test"}, "theme": "labour-market", "frequency": "A",
                     "unit": {"id": "PERS"}, "source": "Test source", "licence": "CC-BY-4.0",
                     "dimensions": [{"id": "sex", "codelist": "SEX"}]}
                    """.formatted(id)), TestServer.file(id + ".csv", CSV));
        }
        tokens = new Tokens(TestDatabase.get().owner());
        token = tokens.create("Test region", List.of(DATASET), List.of(Scope.LOAD, Scope.PUBLISH), null).text();
    }

    private static long schedule(String dataset, Instant at) {
        long load = ((Number) TestServer.given().header("Authorization", "Bearer " + token).contentType("text/csv")
                .body("sex,time,value\nF,2023,12\nM,2023,9\n").post("/v1/publish/datasets/{id}/uploads", dataset)
                .then().statusCode(201).extract().path("loadId")).longValue();
        return ((Number) TestServer.given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Map.of("load", load, "at", at.toString())).post("/v1/publish/datasets/{id}/releases", dataset)
                .then().statusCode(201).extract().path("releaseId")).longValue();
    }

    private static Response post(String bearer, String action, String dataset, long release, Map<String, ?> body) {
        var request = TestServer.given().contentType("application/json").body(body);
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        return request.post("/v1/publish/datasets/{id}/releases/{release}/" + action, dataset, release);
    }

    private static Map<String, Object> onTheCalendar(long release) {
        List<Map<String, Object>> entries = TestServer.given().queryParam("dataset", DATASET).get("/v1/calendar")
                .then().statusCode(200).extract().jsonPath().getList("releases");
        return entries.stream().filter(e -> ((Number) e.get("release")).longValue() == release).findFirst().orElseThrow();
    }

    @Test
    void aScheduledReleaseIsMovedThenCancelledWithReasonsTheCalendarShows() {
        Instant first = Instant.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);
        Instant later = first.plus(Duration.ofDays(7));
        long release = schedule(DATASET, first);

        post(token, "reschedule", DATASET, release, Map.of("at", later.toString()))
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("reason"));
        post(token, "reschedule", DATASET, release, Map.of("at", "2020-01-01T00:00:00Z", "reason", "x"))
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("passed"));
        post(token, "reschedule", DATASET, release, Map.of("reason", "no date")).then().statusCode(400).contentType("application/problem+json");
        TestServer.given().header("Authorization", "Bearer " + token).contentType("application/json").body("{\"at\":")
                .post("/v1/publish/datasets/{id}/releases/{release}/reschedule", DATASET, release)
                .then().statusCode(400).contentType("application/problem+json");
        post(null, "reschedule", DATASET, release, Map.of("at", later.toString(), "reason", "x")).then().statusCode(401);
        String loadOnly = tokens.create("Checker", List.of(DATASET), List.of(Scope.LOAD), null).text();
        post(loadOnly, "reschedule", DATASET, release, Map.of("at", later.toString(), "reason", "x")).then().statusCode(403);
        String otherOwner = tokens.create("Other region", List.of(OTHER), List.of(Scope.LOAD, Scope.PUBLISH), null).text();
        // The release belongs to DATASET: named under another dataset it does not exist, whoever asks.
        post(otherOwner, "reschedule", OTHER, release, Map.of("at", later.toString(), "reason", "x")).then().statusCode(404);
        assertEquals(first.toString(), onTheCalendar(release).get("announcedAt"), "refused requests change nothing");

        post(token, "reschedule", DATASET, release, Map.of("at", later.toString(), "reason", "the source file came late"))
                .then().statusCode(200).body("status", equalTo("scheduled")).body("announcedAt", equalTo(later.toString()))
                .body("previousAt", equalTo(first.toString())).body("calendar", containsString("/v1/calendar?dataset=" + DATASET));
        Map<String, Object> moved = onTheCalendar(release);
        assertEquals(later.toString(), moved.get("announcedAt"));
        assertEquals("the source file came late", ((List<Map<String, Object>>) moved.get("changes")).stream()
                .filter(c -> "rescheduled".equals(c.get("action"))).findFirst().orElseThrow().get("reason"));

        post(token, "cancel", DATASET, release, Map.of("at", later.toString(), "reason", "x")).then().statusCode(400);
        post(token, "cancel", DATASET, release, Map.of()).then().statusCode(400).body("detail", containsString("reason"));
        post(token, "cancel", DATASET, release, Map.of("reason", "figures withdrawn by the owner"))
                .then().statusCode(200).body("status", equalTo("cancelled"));
        assertEquals("cancelled", onTheCalendar(release).get("status"));
        TestServer.given().header("Authorization", "Bearer " + token).get("/v1/publish/datasets/{id}/releases/{release}/observations", DATASET, release)
                .then().statusCode(404);
        post(token, "cancel", DATASET, release, Map.of("reason", "again")).then().statusCode(409).contentType("application/problem+json");
        post(token, "reschedule", DATASET, release, Map.of("at", later.toString(), "reason", "again")).then().statusCode(409);
        post(token, "cancel", DATASET, 999_999_999L, Map.of("reason", "x")).then().statusCode(404);
        post(token, "cancel", DATASET, 0, Map.of("reason", "x")).then().statusCode(404);
        TestServer.given().header("Authorization", "Bearer " + token).contentType("application/json").body(Map.of("reason", "x"))
                .post("/v1/publish/datasets/{id}/releases/abc/cancel", DATASET).then().statusCode(400);
    }
}
