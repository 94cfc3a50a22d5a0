package org.lmobservatory.observations;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestServer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PagingAndCachingTest {
    private static final String MONTHLY = "/v1/datasets/registered-unemployed/observations";

    @Test
    void followingNextLinksYieldsExactlyTheUnpagedResult() {
        List<Map<String, Object>> all = TestServer.given().queryParam("geoParent", "FI1B").queryParam("time", "2024")
                .get(MONTHLY).then().statusCode(200).body("links.next", nullValue()).extract().path("observations");
        assertEquals(36, all.size());

        List<Map<String, Object>> paged = new ArrayList<>();
        String next = MONTHLY + "?geoParent=FI1B&time=2024&limit=7";
        int pages = 0;
        while (next != null) {
            Response page = TestServer.given().urlEncodingEnabled(false).get(next);
            page.then().statusCode(200);
            List<Map<String, Object>> rows = page.path("observations");
            assertTrue(rows.size() <= 7);
            paged.addAll(rows);
            next = page.path("links.next");
            pages++;
        }
        assertEquals(6, pages, "36 rows in pages of 7");
        assertEquals(all, paged);
    }

    @Test
    void aForgedCursorIsA400() {
        TestServer.given().queryParam("cursor", "not-a-cursor").get(MONTHLY)
                .then().statusCode(400).body("type", containsString("invalid-cursor"));
    }

    @Test
    void responsesCarryStrongEtagAndCacheHeaders() {
        TestServer.given().queryParam("geo", "FI_091").queryParam("time", "2024").get(MONTHLY)
                .then().statusCode(200)
                .header("ETag", matchesPattern("\"r\\d+-[0-9a-f]{20}\""))
                .header("Cache-Control", containsString("stale-while-revalidate"))
                .header("Cache-Control", containsString("stale-if-error"))
                .header("Last-Modified", notNullValue())
                .header("Vary", containsString("Accept"));
    }

    @Test
    void ifNoneMatchWithTheCurrentEtagIsA304WithoutBody() {
        String etag = TestServer.given().queryParam("geo", "FI_091").get(MONTHLY).then().statusCode(200).extract().header("ETag");
        Response notModified = TestServer.given().header("If-None-Match", etag).queryParam("geo", "FI_091").get(MONTHLY);
        notModified.then().statusCode(304).header("ETag", equalTo(etag));
        assertEquals("", notModified.asString());
        TestServer.given().header("If-None-Match", "\"r0-stale\"").queryParam("geo", "FI_091").get(MONTHLY).then().statusCode(200);
    }

    @Test
    void equivalentUrlsShareOneEtag() {
        String a = RestAssured.given().baseUri(TestServer.baseUrl()).urlEncodingEnabled(false)
                .get(MONTHLY + "?geo=FI_091,FI_049&time=2024").then().statusCode(200).extract().header("ETag");
        String b = RestAssured.given().baseUri(TestServer.baseUrl()).urlEncodingEnabled(false)
                .get(MONTHLY + "?time=2024&geo=FI_049&geo=FI_091").then().statusCode(200).extract().header("ETag");
        String other = RestAssured.given().baseUri(TestServer.baseUrl()).urlEncodingEnabled(false)
                .get(MONTHLY + "?time=2024&geo=FI_049").then().statusCode(200).extract().header("ETag");
        assertEquals(a, b);
        assertNotEquals(a, other);
    }

    @Test
    void repeatedQueriesAreServedFromTheCacheWithIdenticalBodies() {
        long before = TestServer.get().cache().hits();
        String first = TestServer.given().queryParam("geo", "FI_092").queryParam("time", "2023").get(MONTHLY).asString();
        String second = TestServer.given().queryParam("geo", "FI_092").queryParam("time", "2023").get(MONTHLY).asString();
        assertEquals(first, second);
        assertTrue(TestServer.get().cache().hits() > before, "second request is a cache hit");
    }

    @Test
    void gzipIsServedWhenAccepted() throws Exception {
        Response r = RestAssured.given().baseUri(TestServer.baseUrl()).header("Accept-Encoding", "gzip")
                .config(RestAssured.config().decoderConfig(RestAssured.config().getDecoderConfig().noContentDecoders()))
                .queryParam("geo", "FI_091").get(MONTHLY);
        r.then().statusCode(200).header("Content-Encoding", "gzip");
        byte[] gz = r.asByteArray();
        String json = new String(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"geo\":\"FI_091\""));
    }
}
