package org.lmobservatory.publishing;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The publisher API end to end against the real server: a data owner's token uploads a file of its dataset, reads
 * the report with the changes against the current release, and publishes it; every refusal leaves staging and the
 * releases as they were, and every use is in the audit.
 */
class PublishingApiTest {
    private static final String OURS = "pub-api-ours";
    private static final String THEIRS = "pub-api-theirs";
    /** Published to by one test, so the other tests' comparisons with the first release hold in any order. */
    private static final String SWITCHED = "pub-api-switched";
    /** Scheduled to by one test: its current release must stay the first one. */
    private static final String SCHEDULED = "pub-api-scheduled";
    private static final String FIRST = "sex,time,value\nF,2022,10\nF,2023,11\nM,2023,9\n";
    private static Tokens tokens;
    private static String token;

    @BeforeAll
    static void twoDatasetsAndAToken() throws Exception {
        TestServer.publish(OURS, definition(OURS), TestServer.file("ours.csv", FIRST));
        TestServer.publish(THEIRS, definition(THEIRS), TestServer.file("theirs.csv", FIRST));
        TestServer.publish(SWITCHED, definition(SWITCHED), TestServer.file("switched.csv", FIRST));
        TestServer.publish(SCHEDULED, definition(SCHEDULED), TestServer.file("scheduled.csv", FIRST));
        tokens = new Tokens(TestDatabase.get().owner());
        token = tokens.create("Test municipality", List.of(OURS, SWITCHED, SCHEDULED), List.of(Scope.LOAD, Scope.PUBLISH), null).text();
    }

    private static Path definition(String id) throws Exception {
        return TestServer.file(id + ".json", """
                {"id": "%s", "title": {"en": "Publisher API test"}, "theme": "labour-market", "frequency": "A",
                 "unit": {"id": "PERS"}, "source": "Test source", "licence": "CC-BY-4.0",
                 "dimensions": [{"id": "sex", "codelist": "SEX"}]}
                """.formatted(id));
    }

    private static Response upload(String bearer, String dataset, String csv, String file) {
        var request = TestServer.given().contentType("text/csv").body(csv).queryParam("file", file);
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        return request.post("/v1/publish/datasets/{id}/uploads", dataset);
    }

    /** Rows of the dataset in staging and in releases: what a refused request must not change. */
    private static Map<String, Object> written(String dataset) {
        return TestDatabase.get().owner().withHandle(h -> h.createQuery("""
                SELECT (SELECT count(*) FROM staging.load WHERE dataset_id = :ds) AS loads,
                       (SELECT count(*) FROM staging.load_row r JOIN staging.load l ON l.id = r.load_id WHERE l.dataset_id = :ds) AS staged,
                       (SELECT count(*) FROM published.release WHERE dataset_id = :ds) AS releases,
                       (SELECT current_release_id FROM published.dataset WHERE id = :ds) AS current""")
                .bind("ds", dataset).mapToMap().one());
    }

    @Test
    void anUploadWithTheDatasetsTokenIsValidatedAndReportsWhatWouldChange() {
        Response response = upload(token, OURS, "sex,time,value\nF,2022,10\nF,2023,12\nM,2024,8\n", "june.csv");

        response.then().statusCode(201)
                .header("Cache-Control", "no-store")
                .header("Location", startsWith("/v1/publish/datasets/" + OURS + "/uploads/"))
                .body("status", equalTo("valid"))
                .body("rows", equalTo(3))
                .body("errorCount", equalTo(0))
                .body("file", equalTo("june.csv"))
                .body("checksum", equalTo(sha256("sex,time,value\nF,2022,10\nF,2023,12\nM,2024,8\n")))
                .body("changes.added", equalTo(1))
                .body("changes.removed", equalTo(1))
                .body("changes.revised", equalTo(1));
        List<Map<String, Object>> sample = response.path("changes.sample");
        assertEquals(3, sample.size(), sample.toString());
        Map<String, Object> revised = sample.stream().filter(c -> "revised".equals(c.get("change"))).findFirst().orElseThrow();
        assertEquals(Map.of("sex", "F"), revised.get("key"));
        assertEquals("2023-01-01", revised.get("periodStart"));
        assertEquals(11, ((Number) revised.get("oldValue")).intValue());
        assertEquals(12, ((Number) revised.get("newValue")).intValue());
        assertEquals(3, revised.get("line"));
        assertTrue(sample.stream().anyMatch(c -> "removed".equals(c.get("change")) && Map.of("sex", "M").equals(c.get("key"))
                && "2023-01-01".equals(c.get("periodStart")) && c.get("newValue") == null), sample.toString());
        // Staged, not published: the public API still serves the first release's 11.
        assertEquals(11, RestAssured.given().baseUri(TestServer.baseUrl()).queryParam("sex", "F").queryParam("time", "2023")
                .get("/v1/datasets/{id}/observations", OURS).jsonPath().getInt("observations[0].value"));

        long loadId = ((Number) response.path("loadId")).longValue();
        TestServer.given().header("Authorization", "Bearer " + token).get("/v1/publish/datasets/{id}/uploads/{load}", OURS, loadId)
                .then().statusCode(200).header("Cache-Control", "no-store")
                .body("status", equalTo("valid")).body("changes.revised", equalTo(1)).body("loadId", equalTo((int) loadId));
    }

    @Test
    void publishingThroughTheApiSwitchesThePublicApiToTheNewRelease() {
        long loadId = ((Number) upload(token, SWITCHED, "sex,time,value\nF,2022,10\nF,2023,77\nM,2023,9\n", "july.csv")
                .then().statusCode(201).extract().path("loadId")).longValue();

        Response published = TestServer.given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Map.of("load", loadId, "note", "July figures")).post("/v1/publish/datasets/{id}/releases", SWITCHED);

        published.then().statusCode(201).header("Cache-Control", "no-store")
                .body("loadId", equalTo((int) loadId)).body("citation", containsString("/v1/datasets/" + SWITCHED + "/observations?release="));
        long releaseId = ((Number) published.path("releaseId")).longValue();
        TestServer.awaitRelease(SWITCHED, releaseId);
        assertEquals(77, RestAssured.given().baseUri(TestServer.baseUrl()).queryParam("sex", "F").queryParam("time", "2023")
                .get("/v1/datasets/{id}/observations", SWITCHED).jsonPath().getInt("observations[0].value"));
        TestServer.given().get("/v1/datasets/{id}/releases", SWITCHED).then().statusCode(200).body("releases[0].note", equalTo("July figures"));
        // The same load again: it is published, no longer valid.
        TestServer.given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Map.of("load", loadId)).post("/v1/publish/datasets/{id}/releases", SWITCHED)
                .then().statusCode(409).contentType("application/problem+json");
        List<AuditEntry> log = tokens.log(java.util.Optional.of(token.substring(4, 20)), 100);
        assertTrue(log.stream().anyMatch(e -> e.action().equals("publish") && e.outcome().equals("ok") && e.releaseId() == releaseId
                && e.loadId() == loadId && e.fileChecksum() != null && e.remoteAddress() != null), log.toString());
    }

    @Test
    void anUploadForAnotherDatasetIsRefusedWithNothingWritten() {
        Map<String, Object> before = written(THEIRS);

        Response response = upload(token, THEIRS, "sex,time,value\nF,2023,1000\n", "not-mine.csv");

        response.then().statusCode(403).contentType("application/problem+json").body("detail", containsString(OURS));
        assertEquals(before, written(THEIRS));
        TestServer.given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Map.of("load", 1)).post("/v1/publish/datasets/{id}/releases", THEIRS).then().statusCode(403);
        assertEquals(before, written(THEIRS));
        assertTrue(tokens.log(java.util.Optional.of(token.substring(4, 20)), 100).stream()
                .anyMatch(e -> e.outcome().equals("403") && THEIRS.equals(e.datasetId())));
    }

    @Test
    void aTokenWithoutThePublishScopeCannotPublish() {
        String loadOnly = tokens.create("Test school", List.of(OURS), List.of(Scope.LOAD), null).text();
        Map<String, Object> before = written(OURS);
        TestServer.given().header("Authorization", "Bearer " + loadOnly).contentType("application/json")
                .body(Map.of("load", 1)).post("/v1/publish/datasets/{id}/releases", OURS)
                .then().statusCode(403).body("detail", containsString("not publish"));
        assertEquals(before, written(OURS));
    }

    @Test
    void noTokenAnUnknownARevokedOrAnExpiredTokenIs401WithNothingWritten() {
        Tokens.Created revoked = tokens.create("Test ministry", List.of(OURS), List.of(Scope.LOAD), null);
        assertTrue(tokens.revoke(revoked.token().id()));
        Tokens.Created expired = tokens.create("Test ministry", List.of(OURS), List.of(Scope.LOAD), Instant.now().plusSeconds(3600));
        TestDatabase.get().owner().useHandle(h -> h.execute("UPDATE publishing.token SET expires_at = now() - interval '1 second' WHERE id = ?",
                expired.token().id()));
        String forged = token.substring(0, token.length() - 4) + "AAAA";
        Map<String, Object> before = written(OURS);

        for (String bearer : new String[]{null, "lmo_0123456789abcdef_" + "x".repeat(43), forged, "not a token", revoked.text(), expired.text()}) {
            upload(bearer, OURS, "sex,time,value\nF,2023,5\n", "x.csv").then().statusCode(401)
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .contentType("application/problem+json");
        }
        upload(revoked.text(), OURS, "sex,time,value\nF,2023,5\n", "x.csv").then().body("detail", containsString("revoked"));
        upload(expired.text(), OURS, "sex,time,value\nF,2023,5\n", "x.csv").then().body("detail", containsString("expired"));
        assertEquals(before, written(OURS));
    }

    @Test
    void aMalformedFileIsAReportWithTheLoadersFileLineErrors() {
        Response response = upload(token, OURS, "sex,time,value\nF,2023,abc\nX,2023,1\n", "bad.csv");

        response.then().statusCode(201).body("status", equalTo("invalid")).body("changes", equalTo(null));
        List<String> errors = response.path("errors");
        assertTrue((Integer) response.path("errorCount") >= 2, errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("bad.csv:2: ")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("bad.csv:3: ")), errors.toString());
        long loadId = ((Number) response.path("loadId")).longValue();
        TestServer.given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Map.of("load", loadId)).post("/v1/publish/datasets/{id}/releases", OURS)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aPublishWithAnInstantIsScheduledAndInvisibleUntilThen() {
        long loadId = ((Number) upload(token, SCHEDULED, "sex,time,value\nF,2022,10\nF,2023,55\nM,2023,9\n", "december.csv")
                .then().statusCode(201).extract().path("loadId")).longValue();
        String at = java.time.Instant.now().plus(java.time.Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();

        TestServer.given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Map.of("load", loadId, "at", "tomorrow")).post("/v1/publish/datasets/{id}/releases", SCHEDULED)
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("offset"));
        Response scheduled = TestServer.given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Map.of("load", loadId, "at", at, "note", "December figures")).post("/v1/publish/datasets/{id}/releases", SCHEDULED);

        scheduled.then().statusCode(201).body("scheduledFor", equalTo(at));
        long releaseId = ((Number) scheduled.path("releaseId")).longValue();
        assertEquals(11, RestAssured.given().baseUri(TestServer.baseUrl()).queryParam("sex", "F").queryParam("time", "2023")
                .get("/v1/datasets/{id}/observations", SCHEDULED).jsonPath().getInt("observations[0].value"), "the first release stays current");
        RestAssured.given().baseUri(TestServer.baseUrl()).queryParam("release", releaseId)
                .get("/v1/datasets/{id}/observations", SCHEDULED).then().statusCode(404);
        TestServer.given().queryParam("dataset", SCHEDULED).get("/v1/calendar").then().statusCode(200)
                .body("releases.find { it.release == " + releaseId + " }.status", equalTo("scheduled"));

        // Pre-release access: the dataset's token holders read it, marked private; nobody else.
        String preRelease = "/v1/publish/datasets/{id}/releases/{release}/observations";
        Response early = RestAssured.given().baseUri(TestServer.baseUrl()).header("Authorization", "Bearer " + token)
                .queryParam("sex", "F").queryParam("time", "2023").get(preRelease, SCHEDULED, releaseId);
        early.then().statusCode(200).header("Cache-Control", "private, no-store").header("X-Release-Id", Long.toString(releaseId));
        assertEquals(55, early.jsonPath().getInt("observations[0].value"));
        RestAssured.given().baseUri(TestServer.baseUrl()).get(preRelease, SCHEDULED, releaseId)
                .then().statusCode(401).contentType("application/problem+json");
        String otherOwner = tokens.create("Another municipality", List.of(THEIRS), List.of(Scope.LOAD, Scope.PUBLISH), null).text();
        RestAssured.given().baseUri(TestServer.baseUrl()).header("Authorization", "Bearer " + otherOwner).get(preRelease, SCHEDULED, releaseId)
                .then().statusCode(403).contentType("application/problem+json");
        RestAssured.given().baseUri(TestServer.baseUrl()).header("Authorization", "Bearer " + token)
                .queryParam("release", releaseId).get(preRelease, SCHEDULED, releaseId).then().statusCode(400);
    }

    @Test
    void anUploadOfAnotherMediaTypeIs415() {
        TestServer.given().header("Authorization", "Bearer " + token).contentType("image/png").body(new byte[]{1, 2, 3})
                .post("/v1/publish/datasets/{id}/uploads", OURS).then().statusCode(415).body("acceptable", hasItem("text/csv"));
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
