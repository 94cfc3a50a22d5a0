package org.lmobservatory.releases;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.SeedFile;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;
import org.lmobservatory.errors.ObservatoryException;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Releases you can cite: an old release stays reproducible, revisions are listed, rollback switches atomically. */
class ReleasesApiTest {
    private static final String DATASET = "rel-citable";
    private static final String OBSERVATIONS = "/v1/datasets/" + DATASET + "/observations";
    private static long first;
    private static long second;
    private static Instant firstPublishedAt;

    @BeforeAll
    static void publishTwoReleases() throws Exception {
        Path definition = TestServer.file(DATASET + ".json", """
                {"id": "rel-citable", "title": {"en": "Releases test"}, "theme": "labour-market", "frequency": "A",
                 "unit": {"id": "PERS"}, "source": "Test source", "licence": "CC-BY-4.0",
                 "dimensions": [{"id": "sex", "codelist": "SEX"}]}
                """);
        first = TestServer.publish(DATASET, definition, TestServer.file("v1.csv", """
                sex,time,value,flag
                T,2023,100,
                F,2023,55,
                M,2023,45,
                T,2024,110,p
                """));
        firstPublishedAt = TestDatabase.get().owner().withHandle(h -> h.attach(ReleaseDao.class).byId(DATASET, first)).orElseThrow().publishedAt();
        Thread.sleep(20);
        second = TestServer.publish(DATASET, definition, TestServer.file("v2.csv", """
                sex,time,value,flag
                T,2023,100,
                F,2023,56,
                M,2023,44,
                T,2024,112,
                F,2024,60,
                """));
    }

    private static String value(String query) {
        return TestServer.given().urlEncodingEnabled(false).get(OBSERVATIONS + "?" + query).then().statusCode(200)
                .extract().jsonPath().getString("observations.find { it.sex == 'F' && it.time == '2023' }.value");
    }

    @Test
    void releasesAreListedNewestFirstWithChecksumsAndPermanentUrls() {
        JsonPath json = TestServer.given().get("/v1/datasets/" + DATASET + "/releases").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(second, first), json.getList("releases.id", Long.class));
        assertEquals(second, json.getLong("currentRelease"));
        assertEquals(List.of(true, false), json.getList("releases.current"));
        assertEquals("v1.csv", json.getString("releases[1].file"));
        assertEquals(64, json.getString("releases[1].checksum").length());
        assertTrue(json.getString("releases[1].url").endsWith("/v1/datasets/rel-citable/observations?release=" + first));
        assertEquals(List.of(), json.getList("releases[0].disclosure"));
    }

    @Test
    void anOldReleaseIsReproducibleByReleaseAndByAsOf() {
        assertEquals("56", value("sex=F"));
        assertEquals("55", value("sex=F&release=" + first));
        assertEquals("55", value("asOf=" + firstPublishedAt));
        assertEquals("55", value("asOf=" + firstPublishedAt.plusMillis(5)));
        TestServer.given().queryParam("release", first).get(OBSERVATIONS).then().statusCode(200)
                .body("release.id", equalTo((int) first))
                .body("warnings[0]", containsString("not the current release"))
                .body("citation.releaseId", equalTo((int) first));
    }

    @Test
    void theCitationPinsTheReleaseAndItsUrlGivesTheSameNumbers() {
        JsonPath json = TestServer.given().queryParam("sex", "F,M").queryParam("time", "2023").get(OBSERVATIONS)
                .then().statusCode(200).extract().jsonPath();
        String url = json.getString("citation.url");
        assertTrue(url.endsWith("/v1/datasets/rel-citable/observations?release=" + second + "&sex=F,M&time=2023"), url);
        assertEquals("Releases test", json.getString("citation.title"));
        assertEquals("Test source", json.getString("citation.source"));
        assertEquals("CC-BY-4.0", json.getString("citation.licence"));
        assertTrue(json.getString("citation.text").contains("Release " + second), json.getString("citation.text"));
        String path = url.substring(url.indexOf("/v1/"));
        List<Object> again = TestServer.given().urlEncodingEnabled(false).get(path).then().statusCode(200).extract().jsonPath().getList("observations");
        assertEquals(json.getList("observations"), again);
    }

    @Test
    void csvStaysAPlainTableAndCarriesTheCitationInHeaders() {
        Response r = TestServer.given().queryParam("format", "csv").queryParam("release", first).get(OBSERVATIONS);
        r.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("X-Release-Id", String.valueOf(first))
                .header("Link", containsString("observations?release=" + first + "&format=csv>; rel=\"cite-as\""));
        List<List<String>> rows = SeedFile.parseCsv(r.asString());
        assertEquals("sex", rows.get(0).get(0));
        assertEquals(1 + 4, rows.size());
    }

    @Test
    void unknownReleasesAndTimesBeforeTheFirstReleaseAre404sThatPointToTheReleases() {
        TestServer.given().queryParam("release", 999999).get(OBSERVATIONS).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("/v1/datasets/rel-citable/releases"))
                .body("releases", equalTo("/v1/datasets/rel-citable/releases"));
        TestServer.given().queryParam("asOf", "2001-01-01").get(OBSERVATIONS).then().statusCode(404)
                .body("type", containsString("no-release-at-time"));
        TestServer.given().queryParam("release", "latest").get(OBSERVATIONS).then().statusCode(400).body("parameter", equalTo("release"));
        TestServer.given().queryParam("asOf", "yesterday").get(OBSERVATIONS).then().statusCode(400).body("parameter", equalTo("asOf"));
        TestServer.given().queryParam("asOf", "2025-01-01").queryParam("release", first).get(OBSERVATIONS).then().statusCode(400);
        TestServer.given().get("/v1/datasets/nope/releases").then().statusCode(404);
    }

    @Test
    void revisionsListEveryChangedAddedAndRemovedCell() {
        JsonPath json = TestServer.given().queryParam("since", first).get("/v1/datasets/" + DATASET + "/revisions")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(first, json.getLong("since.id"));
        assertEquals(second, json.getLong("release.id"));
        List<Map<String, Object>> revisions = json.getList("revisions");
        assertEquals(4, revisions.size(), revisions.toString());
        Map<String, Object> f2023 = revisions.stream().filter(r -> r.get("time").equals("2023") && ((Map<?, ?>) r.get("key")).get("sex").equals("F")).findFirst().orElseThrow();
        assertEquals("revised", f2023.get("change"));
        assertEquals(55, ((Number) f2023.get("previousValue")).intValue());
        assertEquals(56, ((Number) f2023.get("value")).intValue());
        Map<String, Object> t2024 = revisions.stream().filter(r -> r.get("time").equals("2024") && ((Map<?, ?>) r.get("key")).get("sex").equals("T")).findFirst().orElseThrow();
        assertEquals("p", t2024.get("previousFlag"), "a flag that went away is a revision too");
        assertTrue(revisions.stream().anyMatch(r -> r.get("change").equals("added")));
        assertEquals(4, TestServer.given().queryParam("since", firstPublishedAt.toString()).get("/v1/datasets/" + DATASET + "/revisions")
                .then().statusCode(200).extract().jsonPath().getInt("count"), "since a moment: the release current then");
        TestServer.given().queryParam("since", first).queryParam("limit", 1).get("/v1/datasets/" + DATASET + "/revisions")
                .then().statusCode(200).body("truncated", equalTo(true)).body("count", equalTo(1));
        TestServer.given().get("/v1/datasets/" + DATASET + "/revisions").then().statusCode(400).body("parameter", equalTo("since"));
    }

    @Test
    void rollbackMakesAnEarlierReleaseCurrentAgainAndAsOfKeepsTheHistory() throws Exception {
        Path definition = TestServer.file("rel-rollback.json", """
                {"id": "rel-rollback", "title": {"en": "Rollback test"}, "theme": "labour-market", "frequency": "A",
                 "unit": {"id": "PERS"}, "source": "Test source", "dimensions": [{"id": "sex", "codelist": "SEX"}]}
                """);
        long a = TestServer.publish("rel-rollback", definition, TestServer.file("a.csv", "sex,time,value\nT,2023,1\n"));
        long b = TestServer.publish("rel-rollback", definition, TestServer.file("b.csv", "sex,time,value\nT,2023,2\n"));
        Instant beforeRollback = Instant.now();
        Thread.sleep(20);
        Rollback.RolledBack r = new Rollback(TestDatabase.get().owner()).rollback("rel-rollback", a);
        assertEquals(new Rollback.RolledBack("rel-rollback", b, a, true), r);
        // A rollback by another process reaches the server through NOTIFY, like a publish (README, "Releases and citation").
        TestServer.awaitRelease("rel-rollback", a);
        String path = "/v1/datasets/rel-rollback/observations";
        TestServer.given().get(path).then().statusCode(200).body("observations[0].value", equalTo(1)).body("release.id", equalTo((int) a));
        TestServer.given().queryParam("asOf", beforeRollback.toString()).get(path).then().statusCode(200).body("observations[0].value", equalTo(2));
        TestServer.given().get("/v1/datasets/rel-rollback/releases").then().body("currentRelease", equalTo((int) a));
        assertEquals(false, new Rollback(TestDatabase.get().owner()).rollback("rel-rollback", a).changed());
        ObservatoryException e = assertThrows(ObservatoryException.class, () -> new Rollback(TestDatabase.get().owner()).rollback("rel-rollback", first));
        assertEquals(404, e.status());
    }
}
