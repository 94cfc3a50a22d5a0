package org.lmobservatory.web;

import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestServer;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HEAD answers with GET's header fields and no body (RFC 9110 §9.3.2), on every kind of endpoint and outcome. */
class HeadRequestsTest {
    /** Headers that differ between any two requests: the date, the request id, the client's remaining quota. */
    private static final java.util.Set<String> VOLATILE = java.util.Set.of("date", "x-request-id", "ratelimit");

    private static final String RATES = "/v1/datasets/unemployment-rate";
    private static final List<String> ENDPOINTS = List.of(
            "/health",
            "/ready",
            "/v1/limits",
            "/v1/datasets?theme=labour-market",
            RATES + "?lang=fi",
            "/v1/codelists/SEX",
            RATES + "/observations?geo=FI1B&time=2024",
            RATES + "/observations?geo=FI1B&time=2024&format=csv",
            RATES + "/observations?geo=FI1B&time=2024&format=xlsx",
            RATES + "/observations?geo=FI1B&time=2024&format=jsonstat",
            RATES + "/observations/csv-metadata.json?geo=FI1B&time=2024",
            RATES + "/download",
            RATES + "/releases",
            RATES + "/chart.svg?geo=FI1B,FI1C&sex=T&age=Y15-24",
            "/widgets/indicator?dataset=registered-unemployed&geo=FI_091&compare=region",
            "/widgets/indicator/fragment?dataset=registered-unemployed&geo=FI_091",
            "/widgets/embed.js",
            "/widgets",
            "/openapi.json",
            // errors are answered alike too
            RATES + "/observations?geo=NOWHERE",
            "/v1/datasets/no-such-dataset",
            "/v1/limits?unknown=1");

    private static RequestSpecification request() {
        // Bodies stay as sent (no transparent gunzip), so Content-Encoding and Content-Length are compared as they are.
        return RestAssured.given().baseUri(TestServer.baseUrl()).urlEncodingEnabled(false)
                .config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()));
    }

    private static Map<String, String> headers(Response r) {
        return r.getHeaders().asList().stream().filter(h -> !VOLATILE.contains(h.getName().toLowerCase(java.util.Locale.ROOT)))
                .collect(Collectors.toMap(h -> h.getName().toLowerCase(), Header::getValue, (a, b) -> a + ", " + b, TreeMap::new));
    }

    private static void assertHeadLikeGet(String path, Map<String, String> requestHeaders) {
        Response get = request().headers(requestHeaders).get(path);
        Response head = request().headers(requestHeaders).head(path);
        assertEquals(get.statusCode(), head.statusCode(), path);
        assertEquals(headers(get), headers(head), path + " " + requestHeaders);
        assertEquals(0, head.asByteArray().length, path + ": HEAD has no body");
    }

    @Test
    void headHasTheHeadersOfGetAndNoBody() {
        for (String path : ENDPOINTS) assertHeadLikeGet(path, Map.of("Accept-Encoding", "identity"));
    }

    @Test
    void headOfAnObservationQueryCarriesValidatorsTypeLengthAndLinks() {
        Response head = request().head(RATES + "/observations?geo=FI1B&time=2024&format=csv");
        head.then().statusCode(200);
        for (String name : List.of("ETag", "Cache-Control", "Last-Modified", "Content-Type", "Content-Length", "Link", "X-Release-Id")) {
            assertTrue(head.getHeader(name) != null, name + " on HEAD");
        }
        assertTrue(head.getHeader("Link").contains("rel=\"describedby\""));
    }

    @Test
    void headIsAlikeWhenGzippedAndWhenNotModified() {
        String path = RATES + "/observations?geo=FI1C&time=2023";
        assertHeadLikeGet(path, Map.of("Accept-Encoding", "gzip"));
        String etag = request().head(path).getHeader("ETag");
        assertFalse(etag == null || etag.isEmpty());
        assertHeadLikeGet(path, Map.of("If-None-Match", etag));
        assertEquals(304, request().header("If-None-Match", etag).head(path).statusCode());
    }
}
