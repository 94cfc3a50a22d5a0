package org.lmobservatory.observations;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.Observatory;
import org.lmobservatory.config.AppConfig;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST …/observations/query (issue 11): the query of a GET as a JSON body, for code lists too long for a URL. The answer
 * is the GET's, byte for byte and header for header; a body that cannot be read is a 400, 413 or 415 problem.
 */
class ObservationQueryPostTest {
    private static final String RATES = "/v1/datasets/unemployment-rate/observations";
    private static final String MONTHLY = "/v1/datasets/registered-unemployed/observations";
    private static final String AREAS = "query-areas";
    /** Ten characters a code: 5,000 of them make a URL of 55 KB, far past what RFC 9110 asks every client to support. */
    private static final int CODES = 5_000;
    /** The fields a GET and its POST must share (Content-Location is the POST's own, Date and RateLimit change per request). */
    private static final List<String> SAME_HEADERS = List.of("Content-Type", "Content-Length", "Content-Encoding", "Content-Disposition",
            "ETag", "Last-Modified", "Cache-Control", "Vary", "Link", "X-Release-Id", "Access-Control-Allow-Origin");

    @BeforeAll
    static void publishAManyAreasDataset() throws Exception {
        TestServer.get();
        String codes = IntStream.rangeClosed(1, CODES + 1).mapToObj(i -> """
                {"id": "%s", "labels": {"en": "Area %d"}}""".formatted(code(i), i)).collect(Collectors.joining(",\n"));
        TestServer.loader().define(TestServer.file("QAREA.json", """
                {"id": "QAREA", "version": "1", "title": {"en": "Query test areas"}, "codes": [%s]}""".formatted(codes)));
        TestServer.publish(AREAS, TestServer.file(AREAS + ".json", """
                        {"id": "%s", "title": {"en": "Many areas"}, "theme": "labour-market", "frequency": "A",
                         "unit": {"id": "NR", "label": {"en": "number"}, "decimals": 0}, "source": "query tests",
                         "dimensions": [{"id": "geo", "codelist": "QAREA", "label": {"en": "Area"}}]}""".formatted(AREAS)),
                TestServer.file(AREAS + ".csv", "geo,time,value\n" + IntStream.rangeClosed(1, CODES + 1)
                        .mapToObj(i -> code(i) + ",2024," + i).collect(Collectors.joining("\n")) + "\n"));
    }

    private static String code(int i) {
        return "QA%08d".formatted(i);
    }

    private static String codes(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(ObservationQueryPostTest::code).collect(Collectors.joining(","));
    }

    private static String jsonCodes(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "\"" + code(i) + "\"").collect(Collectors.joining(","));
    }

    private static RequestSpecification client(String accept) {
        RequestSpecification spec = TestServer.given().urlEncodingEnabled(false).header("Accept-Encoding", "identity");
        return accept == null ? spec : spec.header("Accept", accept);
    }

    private static Response post(String path, String body, String accept) {
        return client(accept).contentType("application/json").body(body).post(path + "/query");
    }

    private static Response get(String pathAndQuery, String accept) {
        return client(accept).get(pathAndQuery);
    }

    /** Status, body bytes and the shared header fields equal; the POST names the GET in Content-Location. */
    private static void assertSameAnswer(Response get, Response post, String what) {
        assertEquals(200, get.statusCode(), what + ": " + get.asString());
        assertEquals(200, post.statusCode(), what + ": " + post.asString());
        assertArrayEquals(get.asByteArray(), post.asByteArray(), what + ": the bodies differ");
        for (String name : SAME_HEADERS) assertEquals(canonicalLink(name, get.header(name)), post.header(name), what + ": " + name);
    }

    /**
     * A GET spelt otherwise than its canonical URL links CSVW metadata naming that spelling (url=…, see CsvwLocatingTest);
     * the POST, whose Content-Location is the canonical GET, links the canonical one. Everything else is the same.
     */
    private static String canonicalLink(String header, String value) {
        return header.equals("Link") && value != null ? value.replaceAll("&url=[^>]*>; rel=\"describedby\"", ">; rel=\"describedby\"") : value;
    }

    @Test
    void aPostAnswersExactlyAsTheEquivalentGetInEveryFormat() {
        long release = get(RATES + "?limit=1", null).then().statusCode(200).extract().<Number>path("release.id").longValue();
        record Case(String get, String body, String accept) {
        }
        List<Case> cases = List.of(
                new Case(RATES + "?geo=FI1B,PL91&sex=F&age=Y15-24&time=2020..2024",
                        "{\"filters\": {\"geo\": [\"PL91\", \"FI1B\"], \"sex\": [\"F\"], \"age\": [\"Y15-24\"]}, \"time\": \"2020..2024\"}", null),
                new Case(RATES + "?geo=FI1B&sex=T&time=2015..&limit=3&lang=fi",
                        "{\"filters\": {\"geo\": [\"FI1B\"], \"sex\": [\"T\"]}, \"time\": \"2015..\", \"limit\": 3, \"lang\": \"fi\"}", null),
                new Case(RATES + "?geo=FI1B,PL91&time=2020..2024&format=csv&csvSeparator=semicolon&lang=fi&bom=true",
                        "{\"filters\": {\"geo\": [\"FI1B\", \"PL91\"]}, \"time\": \"2020..2024\", \"format\": \"csv\", \"csvSeparator\": \"semicolon\", "
                                + "\"lang\": \"fi\", \"bom\": true}", null),
                new Case(RATES + "?geo=FI1B,PL91&sex=T&time=2020..2024",
                        "{\"filters\": {\"geo\": [\"FI1B\", \"PL91\"], \"sex\": [\"T\"]}, \"time\": \"2020..2024\"}", "text/csv"),
                new Case(RATES + "?geo=FI1B,PL91&sex=T&time=2020..2024&format=jsonstat&lang=pl",
                        "{\"filters\": {\"geo\": [\"FI1B\", \"PL91\"], \"sex\": [\"T\"]}, \"time\": \"2020..2024\", \"format\": \"jsonstat\", \"lang\": \"pl\"}", null),
                new Case(MONTHLY + "?geoLevel=municipality&geoParent=FI1B&lastPeriods=12",
                        "{\"geoLevel\": \"municipality\", \"geoParent\": \"FI1B\", \"lastPeriods\": 12}", "application/vnd.jsonstat+json"),
                new Case(MONTHLY + "?geoParent=FI1B&lastPeriods=12&format=csv&layout=wide",
                        "{\"geoParent\": \"FI1B\", \"lastPeriods\": 12, \"format\": \"csv\", \"layout\": \"wide\", \"cursor\": null}", null),
                new Case(RATES + "?geo=FI1B&time=2024&format=sdmx-csv&labels=code&release=" + release,
                        "{\"filters\": {\"geo\": [\"FI1B\"]}, \"time\": \"2024\", \"format\": \"sdmx-csv\", \"labels\": \"code\", \"release\": " + release + "}", null),
                new Case(RATES, "{}", null));
        for (Case c : cases) {
            // The POST first, so that its answer is the one the cache keeps when the canonical queries are equal.
            Response post = post(c.get().replaceAll("\\?.*", ""), c.body(), c.accept());
            Response get = get(c.get(), c.accept());
            assertSameAnswer(get, post, c.get());
            String location = post.header("Content-Location");
            assertTrue(location != null && location.startsWith(c.get().replaceAll("\\?.*", "")), c.get() + ": " + location);
            Response atLocation = get(location, c.accept());
            assertSameAnswer(atLocation, post, "GET " + location);
        }
    }

    @Test
    void aPostIsNeverANotModifiedButCarriesTheValidatorsOfItsGet() {
        String body = "{\"filters\": {\"geo\": [\"FI1C\"], \"sex\": [\"M\"]}, \"time\": \"2021\"}";
        String etag = post(RATES, body, null).then().statusCode(200).extract().header("ETag");
        client(null).header("If-None-Match", etag).contentType("application/json").body(body).post(RATES + "/query")
                .then().statusCode(200).header("ETag", etag);
        client(null).header("If-None-Match", etag).get(RATES + "?geo=FI1C&sex=M&time=2021").then().statusCode(304);
    }

    @Test
    void fiveThousandCodesFitInAPostAndAnswerAsTheirGet() {
        String path = "/v1/datasets/" + AREAS + "/observations";
        String body = "{\"filters\": {\"geo\": [" + jsonCodes(CODES) + "]}, \"time\": \"2024\"}";
        Response post = post(path, body, null);
        post.then().statusCode(200).body("count", equalTo(CODES)).body("observations[4999].geo", equalTo(code(CODES)));
        assertNull(post.header("Content-Location"), "a GET URL of 55 KB is longer than clients are asked to support");
        // The server itself takes request lines of 64 KB, so here the GET can be compared.
        Response get = get(path + "?geo=" + codes(CODES) + "&time=2024", null);
        assertSameAnswer(get, post, "5,000 codes");

        Response csv = post(path, "{\"filters\": {\"geo\": [" + jsonCodes(CODES) + "]}, \"format\": \"csv\"}", null);
        csv.then().statusCode(200).contentType(containsString("text/csv"));
        assertEquals(CODES + 1, csv.asString().lines().count(), "a header line and a row per code");
        assertNull(csv.header("Link"), "links as long as the query would overflow the response header block");
    }

    @Test
    void moreCodesThanTheLimitAreTheSameProblemAsInAGet() {
        String path = "/v1/datasets/" + AREAS + "/observations";
        Response post = post(path, "{\"filters\": {\"geo\": [" + jsonCodes(CODES + 1) + "]}}", null);
        Response get = get(path + "?geo=" + codes(CODES + 1), null);
        post.then().statusCode(400).contentType("application/problem+json").body("type", containsString("/problems/too-many-codes"));
        assertEquals(get.statusCode(), post.statusCode());
        assertEquals(get.<String>path("type"), post.<String>path("type"));
        assertEquals(get.<String>path("detail"), post.<String>path("detail"));
    }

    @Test
    void invalidValuesAreTheProblemsOfTheGet() {
        Map<String, String> pairs = Map.of(
                "time=2024-13", "{\"time\": \"2024-13\"}",
                "geo=FI1X", "{\"filters\": {\"geo\": [\"FI1X\"]}}",
                "region=FI1B", "{\"filters\": {\"region\": [\"FI1B\"]}}",
                "lastPeriods=0", "{\"lastPeriods\": 0}",
                "format=pdf", "{\"format\": \"pdf\"}",
                "time=2020&lastPeriods=2", "{\"time\": \"2020\", \"lastPeriods\": 2}",
                "release=99999999999999999999", "{\"release\": 99999999999999999999}");
        pairs.forEach((query, body) -> {
            Response get = get(RATES + "?" + query, null);
            Response post = post(RATES, body, null);
            assertTrue(get.statusCode() >= 400 && get.statusCode() < 500, query + " → " + get.statusCode());
            assertEquals(get.statusCode(), post.statusCode(), query + ": " + post.asString());
            assertEquals(get.<String>path("type"), post.<String>path("type"), query);
            assertEquals(get.<String>path("detail"), post.<String>path("detail"), query);
            assertTrue(post.contentType().startsWith("application/problem+json"), query);
            assertNull(post.header("Content-Location"), query + ": a problem names no GET");
        });
    }

    @Test
    void bodiesThatCannotBeReadAreBadRequests() {
        Map<String, String> invalid = new java.util.LinkedHashMap<>();
        invalid.put("{\"filters\": {\"geo\": [\"FI1B\"]", "invalid-body");             // cut short
        invalid.put("{\"time\": 2024,}", "invalid-body");                              // not JSON
        invalid.put("", "invalid-body");                                               // empty
        invalid.put("[\"FI1B\"]", "invalid-body");                                     // not an object
        invalid.put("{} {}", "invalid-body");                                          // something after the object
        invalid.put("{\"filters\": {\"geo\": \"FI1B\"}}", "invalid-body");             // a string, not an array
        invalid.put("{\"filters\": {\"geo\": [7]}}", "invalid-body");                  // a number as a code
        invalid.put("{\"filters\": [\"FI1B\"]}", "invalid-body");                      // filters not an object
        invalid.put("{\"time\": 2024}", "invalid-body");                               // a number, not a string
        invalid.put("{\"limit\": \"10\"}", "invalid-body");                            // a string, not an integer
        invalid.put("{\"limit\": 2.5}", "invalid-body");                               // not a whole number
        invalid.put("{\"bom\": \"true\"}", "invalid-body");                            // a string, not a boolean
        invalid.put("{\"format\": \"csv\", \"format\": \"json\"}", "invalid-body");   // repeated
        invalid.put("{\"filters\": {\"geo\": [\"FI1\\u0000B\"]}}", "invalid-body");    // NUL
        invalid.put("{\"geo\": [\"FI1B\"]}", "unknown-parameter");                     // a dimension outside filters
        invalid.put("{\"colour\": \"red\"}", "unknown-parameter");                     // unknown member
        invalid.put("{\"filters\": {\"format\": [\"csv\"]}}", "unknown-parameter");    // an option inside filters
        invalid.forEach((body, slug) -> post(RATES, body, null).then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", containsString("/problems/" + slug))
                .body("detail", org.hamcrest.Matchers.not(containsString("Exception"))));

        client(null).contentType("application/json").queryParam("geo", "FI1B").body("{}").post(RATES + "/query")
                .then().statusCode(400).body("type", containsString("/problems/unknown-parameter"));
    }

    @Test
    void onlyJsonIsAccepted() {
        client(null).contentType("text/plain").body("{}").post(RATES + "/query")
                .then().statusCode(415).contentType("application/problem+json")
                .header("Accept", "application/json")
                .body("type", containsString("/problems/unsupported-media-type"));
        // Written by hand: REST Assured will not send some of these types, nor none at all.
        for (String type : List.of("application/x-www-form-urlencoded", "application/json; charset=iso-8859-1", "application/jsonx", "")) {
            String answer = rawPost(type.isEmpty() ? "" : "Content-Type: " + type + "\r\n", "{}");
            assertTrue(answer.startsWith("HTTP/1.1 415"), type + " → " + answer);
            assertTrue(answer.contains("/problems/unsupported-media-type"), answer);
            assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("\r\naccept: application/json\r\n"), answer);
        }
        client(null).contentType("application/json; charset=UTF-8").body("{\"filters\": {\"geo\": [\"FI1B\"]}, \"time\": \"2024\"}")
                .post(RATES + "/query").then().statusCode(200);
        client(null).contentType("application/json").header("Content-Encoding", "gzip").body("{}").post(RATES + "/query")
                .then().statusCode(415).header("Accept-Encoding", "identity");
    }

    @Test
    void aBodyOverTheLimitIsA413() {
        int limit = TestServer.given().get("/v1/limits").then().statusCode(200).extract().path("maxQueryBodyBytes");
        String padding = " ".repeat(limit);
        post(RATES, "{\"time\": \"2024\"}" + padding, null).then()
                .statusCode(413).contentType("application/problem+json")
                .body("type", containsString("/problems/body-too-large"))
                .body("limit", equalTo(limit));
    }

    @Test
    void anUnknownDatasetIsA404AsInAGet() {
        Response post = post("/v1/datasets/no-such-dataset/observations", "{\"time\": \"2024\"}", null);
        Response get = get("/v1/datasets/no-such-dataset/observations?time=2024", null);
        post.then().statusCode(404).contentType("application/problem+json").body("type", containsString("/problems/unknown-dataset"));
        assertEquals(get.<String>path("detail"), post.<String>path("detail"));
    }

    @Test
    void theQueryPathTakesPostAndSaysSo() {
        Response r = RestAssured.given().baseUri(TestServer.baseUrl()).get(RATES + "/query");
        assertEquals(405, r.statusCode());
        assertEquals("POST, OPTIONS", r.header("Allow"));
        RestAssured.given().baseUri(TestServer.baseUrl()).header("Origin", "https://example.org")
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "content-type")
                .options(RATES + "/query")
                .then().statusCode(204)
                .header("Access-Control-Allow-Methods", "POST, OPTIONS")
                .header("Access-Control-Allow-Headers", containsString("Content-Type"));
    }

    @Test
    void aPostCountsAgainstTheRateLimitAsAGetDoes() {
        AppConfig config = TestDatabase.config();
        try (Observatory limited = TestServer.start(config.withLimits(config.limits().withRequestsPerMinute(3)))) {
            List<Response> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(RestAssured.given().baseUri("http://localhost:" + limited.port()).contentType("application/json")
                        .body("{\"filters\": {\"geo\": [\"FI1B\"]}, \"time\": \"2024\"}").post(RATES + "/query"));
            }
            assertEquals(List.of(200, 200, 200, 429), answers.stream().map(Response::statusCode).toList());
            assertEquals("\"per-client\";r=2;t=20", answers.get(0).header("RateLimit"));
            assertTrue(answers.get(3).header("Retry-After") != null);
        }
    }

    private static String rawPost(String headers, String body) {
        try (Socket socket = new Socket("localhost", TestServer.get().port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write(("POST " + RATES + "/query HTTP/1.1\r\nHost: localhost\r\n" + headers + "Content-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
