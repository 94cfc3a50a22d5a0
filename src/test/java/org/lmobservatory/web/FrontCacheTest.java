package org.lmobservatory.web;

import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.Observatory;
import org.lmobservatory.config.AppConfig;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Repeats of a cached answer are served before routing (web/FrontCache): byte for byte and header for header what the
 * full path sent, except what is made per request; never from a release that is no longer current; never past the
 * client's rate limit. Each test reads the front cache's hit counter, so a test that passed without the front cache
 * answering would fail.
 */
class FrontCacheTest {
    private static final String DATASET = "front-cache-test";
    private static final String QUERY = "/v1/datasets/" + DATASET + "/observations?geo=FI1B&time=2024-Q1..2024-Q2";
    private static Path definition;

    @BeforeAll
    static void publishADatasetOfOurOwn() throws Exception {
        definition = TestServer.file(DATASET + ".json", """
                {"id": "front-cache-test", "title": {"en": "Front cache test: persons by region"},
                 "description": {"en": "A dataset of the front-cache test."}, "theme": "education", "frequency": "Q",
                 "unit": {"id": "PERS", "label": {"en": "persons"}}, "source": "Test source", "licence": "CC-BY-4.0",
                 "dimensions": [{"id": "geo", "codelist": "GEO", "role": "geo"}]}
                """);
        TestServer.publish(DATASET, definition, data(100));
    }

    private static Path data(int firstValue) throws Exception {
        return TestServer.file("front" + firstValue + ".csv", "geo,time,value,flag\nFI1B,2024-Q1," + firstValue + ",\nFI1B,2024-Q2,101,\nBG31,2024-Q1,7,\n");
    }

    private static RequestSpecification client(int port) {
        return RestAssured.given().baseUri("http://localhost:" + port).urlEncodingEnabled(false);
    }

    /** Sends exactly the Accept-Encoding given (REST Assured otherwise adds its own "gzip,deflate"). */
    private static RequestSpecification encoding(int port, String acceptEncoding) {
        return client(port).config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", acceptEncoding);
    }

    private static double frontHits(int port) {
        String metrics = client(port).get(Observability.METRICS).then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^lmo_http_front_cache_hits_total (\\S+)$").matcher(metrics);
        assertTrue(m.find(), "the front cache's counter is published");
        return Double.parseDouble(m.group(1));
    }

    /** Headers as the client sees them, without the two a server makes anew for every answer. */
    private static Map<String, String> lasting(Response r) {
        Map<String, String> headers = new TreeMap<>();
        r.headers().forEach(h -> {
            if (!h.getName().equalsIgnoreCase("X-Request-Id") && !h.getName().equalsIgnoreCase("Date")) headers.merge(h.getName(), h.getValue(), (a, b) -> a + ", " + b);
        });
        return headers;
    }

    @Test
    void aRepeatIsTheSameAnswerByteForByteWithItsOwnRequestId() {
        int port = TestServer.get().port();
        Response first = client(port).get(QUERY);
        first.then().statusCode(200);
        double before = frontHits(port);
        Response second = client(port).get(QUERY);
        Response third = client(port).header("X-Request-Id", "journalist-42").get(QUERY);
        assertEquals(before + 2, frontHits(port), "both repeats answered before routing");
        assertArrayEquals(first.asByteArray(), second.asByteArray());
        assertArrayEquals(first.asByteArray(), third.asByteArray());
        assertEquals(lasting(first), lasting(second));
        assertEquals(lasting(first), lasting(third));
        assertNotEquals(first.header("X-Request-Id"), second.header("X-Request-Id"));
        assertEquals("journalist-42", third.header("X-Request-Id"));
        // The same answer still satisfies the contract the full path is checked against.
        TestServer.given().urlEncodingEnabled(false).get(QUERY).then().statusCode(200).header("ETag", first.header("ETag"));
    }

    @Test
    void eachFormatAndEncodingIsItsOwnEntry() {
        int port = TestServer.get().port();
        for (int i = 0; i < 2; i++) {
            client(port).header("Accept", "text/csv").get(QUERY).then().statusCode(200)
                    .contentType(containsString("text/csv")).body(containsString("FI1B"));
            encoding(port, "identity").get(QUERY).then().statusCode(200).contentType(containsString("application/json"))
                    .header("Content-Encoding", (String) null);
            Response gzip = encoding(port, "gzip").get(QUERY);
            gzip.then().statusCode(200).header("Content-Encoding", "gzip").header("Vary", containsString("Accept-Encoding"));
        }
        double before = frontHits(port);
        client(port).header("Accept", "text/csv").get(QUERY).then().statusCode(200).contentType(containsString("text/csv"));
        encoding(port, "gzip").get(QUERY).then().statusCode(200).header("Content-Encoding", "gzip");
        encoding(port, "identity").get(QUERY).then().statusCode(200)
                .contentType(containsString("application/json")).header("Content-Encoding", (String) null);
        assertEquals(before + 3, frontHits(port));
    }

    @Test
    void revalidationsAndPinnedReleasesTakeTheFullPath() {
        int port = TestServer.get().port();
        String etag = client(port).get(QUERY).then().statusCode(200).extract().header("ETag");
        client(port).get(QUERY).then().statusCode(200);
        double before = frontHits(port);
        client(port).header("If-None-Match", etag).get(QUERY).then().statusCode(304).header("ETag", etag);
        client(port).head(QUERY).then().statusCode(200);
        assertEquals(before, frontHits(port), "a 304 and a HEAD are the full path's");
    }

    @Test
    void aNewReleaseIsNeverAnsweredFromTheOldOne() throws Exception {
        int port = TestServer.get().port();
        String query = "/v1/datasets/" + DATASET + "/observations?geo=FI1B&time=2024-Q1";
        Response old = client(port).get(query);
        client(port).get(query).then().statusCode(200);
        double before = frontHits(port);
        client(port).get(query).then().statusCode(200).header("X-Release-Id", old.header("X-Release-Id"));
        assertEquals(before + 1, frontHits(port));

        long release = TestServer.publish(DATASET, definition, data(555));
        Response now = client(port).get(query);
        now.then().statusCode(200).header("X-Release-Id", Long.toString(release));
        assertEquals(555.0, ((Number) now.path("observations[0].value")).doubleValue());
        assertNotEquals(old.header("ETag"), now.header("ETag"));
        Response repeat = client(port).get(query);
        repeat.then().statusCode(200).header("X-Release-Id", Long.toString(release));
        assertArrayEquals(now.asByteArray(), repeat.asByteArray());
    }

    @Test
    void repeatsCountAgainstTheRateLimitLikeAnyRequest() {
        TestServer.get();
        AppConfig config = TestDatabase.config();
        try (Observatory limited = TestServer.start(config.withLimits(config.limits().withRequestsPerMinute(3)))) {
            int port = limited.port();
            client(port).get(QUERY).then().statusCode(200).header("RateLimit", containsString("r=2;"));
            // The repeats take their tokens and say so; were they not counted, the fourth request would be a 200 too.
            client(port).get(QUERY).then().statusCode(200).header("RateLimit", containsString("r=1;"))
                    .header("RateLimit-Policy", equalTo("\"per-client\";q=3;w=60"));
            client(port).get(QUERY).then().statusCode(200).header("RateLimit", containsString("r=0;"));
            client(port).get(QUERY).then().statusCode(429).contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.notNullValue());
            client(port).get(SystemRoutes.HEALTH).then().statusCode(200);
        }
    }
}
