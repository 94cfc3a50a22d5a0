package org.lmobservatory.publishing;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pre-release access per release: only the tokens named for a scheduled release (by id or owner) read it before its
 * instant; another token of the same dataset gets what the public gets; every read is audited; after the instant, everyone.
 */
class PreReleaseReadersApiTest {
    private static final String NAMED = "pre-readers-named-" + Long.toString(System.nanoTime(), 36);
    private static final String INSTANT = "pre-readers-instant-" + Long.toString(System.nanoTime(), 36);
    private static final String PRE_RELEASE = "/v1/publish/datasets/{id}/releases/{release}/observations";
    private static final String READERS = "/v1/publish/datasets/{id}/releases/{release}/pre-release-readers";
    private static Tokens tokens;
    private static Tokens.Created publisher;
    private static Tokens.Created reviewer;
    private static Tokens.Created colleague;

    @BeforeAll
    static void twoDatasetsAndThreeTokens() throws Exception {
        for (String id : List.of(NAMED, INSTANT)) {
            TestServer.publish(id, TestServer.file(id + ".json", """
                    {"id": "%s", "title": {"en": "Pre-release readers test"}, "theme": "labour-market", "frequency": "A",
                     "unit": {"id": "PERS"}, "source": "Test source", "licence": "CC-BY-4.0",
                     "dimensions": [{"id": "sex", "codelist": "SEX"}]}
                    """.formatted(id)), TestServer.file(id + ".csv", "sex,time,value\nF,2023,11\nM,2023,9\n"));
        }
        tokens = new Tokens(TestDatabase.get().owner());
        publisher = tokens.create("Region statistics " + NAMED, List.of(NAMED, INSTANT), List.of(Scope.LOAD, Scope.PUBLISH), null);
        reviewer = tokens.create("Ministry reviewer " + NAMED, List.of(NAMED, INSTANT), List.of(Scope.LOAD), null);
        colleague = tokens.create("Region colleague " + NAMED, List.of(NAMED, INSTANT), List.of(Scope.LOAD), null);
    }

    private static RequestSpecification as(Tokens.Created token) {
        return TestServer.given().header("Authorization", "Bearer " + token.text());
    }

    private static long upload(String dataset, String csv) {
        return ((Number) as(publisher).contentType("text/csv").body(csv).post("/v1/publish/datasets/{id}/uploads", dataset)
                .then().statusCode(201).extract().path("loadId")).longValue();
    }

    private static Response schedule(String dataset, long load, Instant at, List<String> readers) {
        Map<String, Object> body = new HashMap<>(Map.of("load", load, "at", at.toString()));
        if (readers != null) body.put("preReleaseReaders", readers);
        return as(publisher).contentType("application/json").body(body).post("/v1/publish/datasets/{id}/releases", dataset);
    }

    /** Without the contract filter: the contract documents this answer's formats by description only (as PublishingApiTest reads it). */
    private static Response readEarly(Tokens.Created token, String dataset, long release) {
        return RestAssured.given().baseUri(TestServer.baseUrl()).header("Authorization", "Bearer " + token.text())
                .queryParam("sex", "F").queryParam("time", "2023").get(PRE_RELEASE, dataset, release);
    }

    private static Response putReaders(Tokens.Created token, long release, String json) {
        return as(token).contentType("application/json").body(json).put(READERS, NAMED, release);
    }

    @Test
    void onlyTheTokensNamedForAReleaseReadItBeforeItsInstant() {
        long load = upload(NAMED, "sex,time,value\nF,2023,55\nM,2023,9\n");
        Instant at = Instant.now().plus(Duration.ofDays(25)).truncatedTo(ChronoUnit.SECONDS);
        schedule(NAMED, load, at, List.of("no-such-reader")).then().statusCode(400).contentType("application/problem+json")
                .body("unknown", equalTo(List.of("no-such-reader"))).body("member", equalTo("preReleaseReaders"));
        as(publisher).contentType("application/json").body(Map.of("load", load, "preReleaseReaders", List.of(reviewer.token().id())))
                .post("/v1/publish/datasets/{id}/releases", NAMED).then().statusCode(400).body("detail", containsString("\"at\""));
        Response scheduled = schedule(NAMED, load, at, List.of(reviewer.token().id()));
        scheduled.then().statusCode(201).body("preReleaseReaders", equalTo(List.of(reviewer.token().id())));
        long release = ((Number) scheduled.path("releaseId")).longValue();

        // The named token reads it, privately; the colleague's and the publisher's own tokens of the same dataset do not.
        Response early = readEarly(reviewer, NAMED, release);
        early.then().statusCode(200).header("Cache-Control", "private, no-store").header("X-Release-Id", Long.toString(release));
        assertEquals(55, early.jsonPath().getInt("observations[0].value"));
        readEarly(colleague, NAMED, release).then().statusCode(404).contentType("application/problem+json");
        readEarly(publisher, NAMED, release).then().statusCode(404);
        // Nor through the public routes, with or without a token: those never honour one.
        for (Tokens.Created token : List.of(colleague, reviewer)) {
            as(token).queryParam("release", release).get("/v1/datasets/{id}/observations", NAMED).then().statusCode(404);
            RestAssured.given().baseUri(TestServer.baseUrl()).header("Authorization", "Bearer " + token.text()).queryParam("release", release)
                    .get("/v1/datasets/{id}/download", NAMED).then().statusCode(404);
            RestAssured.given().baseUri(TestServer.baseUrl()).header("Authorization", "Bearer " + token.text()).queryParam("release", release)
                    .get("/v1/datasets/{id}/chart.svg", NAMED).then().statusCode(404);
        }
        // Every pre-release read is audited, refusals included.
        assertTrue(tokens.log(Optional.of(reviewer.token().id()), 20).stream().anyMatch(e -> e.action().equals("pre-release-read")
                && e.outcome().equals("ok") && Long.valueOf(release).equals(e.releaseId())), "the named reader's read is in the audit");
        assertTrue(tokens.log(Optional.of(colleague.token().id()), 20).stream().anyMatch(e -> e.action().equals("pre-release-read")
                && e.outcome().equals("404") && Long.valueOf(release).equals(e.releaseId())), "the refused read is in the audit");

        // The list changes until the instant: by owner name, then back to the default rule.
        as(publisher).get(READERS, NAMED, release).then().statusCode(200).body("rule", equalTo("named"))
                .body("preReleaseReaders", equalTo(List.of(reviewer.token().id())));
        putReaders(colleague, release, "{\"preReleaseReaders\": []}").then().statusCode(403);
        putReaders(publisher, release, "{}").then().statusCode(400).contentType("application/problem+json");
        putReaders(publisher, release, "{\"preReleaseReaders\": [\"Nobody we know\"]}").then().statusCode(400)
                .body("unknown", equalTo(List.of("Nobody we know")));
        putReaders(publisher, release, "{\"preReleaseReaders\": [\"" + colleague.token().owner() + "\"]}").then().statusCode(200)
                .body("preReleaseReaders", equalTo(List.of(colleague.token().owner()))).body("rule", equalTo("named"));
        readEarly(colleague, NAMED, release).then().statusCode(200).header("Cache-Control", "private, no-store");
        readEarly(reviewer, NAMED, release).then().statusCode(404);
        putReaders(publisher, release, "{\"preReleaseReaders\": []}").then().statusCode(200).body("preReleaseReaders", equalTo(List.of()));
        readEarly(colleague, NAMED, release).then().statusCode(404);
        putReaders(publisher, release, "{\"preReleaseReaders\": null}").then().statusCode(200)
                .body("rule", equalTo("dataset-token-holders")).body("preReleaseReaders", nullValue());
        readEarly(reviewer, NAMED, release).then().statusCode(200);
        readEarly(colleague, NAMED, release).then().statusCode(200);
        assertTrue(tokens.log(Optional.of(publisher.token().id()), 20).stream().anyMatch(e -> e.action().equals("pre-release-readers")
                && e.outcome().equals("ok")), "changes of the list are audited");

        // Once cancelled, the list cannot change any more.
        as(publisher).contentType("application/json").body(Map.of("reason", "test over"))
                .post("/v1/publish/datasets/{id}/releases/{release}/cancel", NAMED, release).then().statusCode(200);
        putReaders(publisher, release, "{\"preReleaseReaders\": []}").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void afterTheInstantEveryoneReadsTheRelease() {
        long load = upload(INSTANT, "sex,time,value\nF,2023,66\nM,2023,9\n");
        Instant at = Instant.now().plusSeconds(8);
        Response scheduled = schedule(INSTANT, load, at, List.of(reviewer.token().id()));
        scheduled.then().statusCode(201);
        long release = ((Number) scheduled.path("releaseId")).longValue();
        if (Instant.now().isBefore(at.minusSeconds(2))) {
            readEarly(colleague, INSTANT, release).then().statusCode(404);
            readEarly(reviewer, INSTANT, release).then().statusCode(200);
            RestAssured.given().baseUri(TestServer.baseUrl()).queryParam("release", release).get("/v1/datasets/{id}/observations", INSTANT)
                    .then().statusCode(404);
        }

        TestServer.awaitRelease(INSTANT, release);

        TestServer.given().queryParam("release", release).queryParam("sex", "F").get("/v1/datasets/{id}/observations", INSTANT)
                .then().statusCode(200).body("observations.value", hasItem(66));
        readEarly(colleague, INSTANT, release).then().statusCode(200);
        as(publisher).get(READERS, INSTANT, release).then().statusCode(200);
        as(publisher).contentType("application/json").body("{\"preReleaseReaders\": []}").put(READERS, INSTANT, release)
                .then().statusCode(409);
    }
}
