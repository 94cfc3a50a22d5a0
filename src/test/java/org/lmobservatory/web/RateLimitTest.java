package org.lmobservatory.web;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.lmobservatory.Observatory;
import org.lmobservatory.config.AppConfig;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A client over its quota gets a 429 that says when to come back; health checks and revalidations are not held against it. */
class RateLimitTest {
    private static final String DATASETS = "/v1/datasets";

    @Test
    void overTheQuotaA429WithRetryAfterAndTheHeadersAllAlong() {
        TestServer.get();
        AppConfig config = TestDatabase.config();
        try (Observatory limited = TestServer.start(config.withLimits(config.limits().withRequestsPerMinute(5)))) {
            RequestSpecification client = RestAssured.given().baseUri("http://localhost:" + limited.port());
            for (int i = 0; i < 5; i++) {
                client.get(DATASETS).then().statusCode(200)
                        .header("RateLimit-Policy", equalTo("\"per-client\";q=5;w=60"))
                        .header("RateLimit", containsString("r=" + (4 - i) + ";"));
            }
            Response over = client.get(DATASETS);
            over.then().statusCode(429).contentType("application/problem+json")
                    .header("RateLimit", containsString("r=0;"))
                    .body("type", containsString("rate-limited"))
                    .body("limit", equalTo(5))
                    .body("detail", containsString("5 requests in a minute"));
            long retry = Long.parseLong(over.header("Retry-After"));
            assertTrue(retry >= 1 && retry <= 12, "one token comes back every 12 s: " + retry);
            client.get(SystemRoutes.HEALTH).then().statusCode(200);
            client.get(SystemRoutes.READY).then().statusCode(200);
            client.get(SystemRoutes.LIMITS).then().statusCode(429);
        }
    }

    @Test
    void aNotModifiedAnswerGivesItsRequestBack() {
        TestServer.get();
        AppConfig config = TestDatabase.config();
        try (Observatory limited = TestServer.start(config.withLimits(config.limits().withRequestsPerMinute(3)))) {
            RequestSpecification client = RestAssured.given().baseUri("http://localhost:" + limited.port());
            String observations = "/v1/datasets/unemployment-rate/observations?geo=FI1B&sex=T";
            String etag = client.urlEncodingEnabled(false).get(observations).then().statusCode(200).extract().header("ETag");
            for (int i = 0; i < 10; i++) {
                RestAssured.given().baseUri("http://localhost:" + limited.port()).urlEncodingEnabled(false)
                        .header("If-None-Match", etag).get(observations).then().statusCode(304);
            }
            Response after = RestAssured.given().baseUri("http://localhost:" + limited.port()).get(DATASETS);
            assertEquals(200, after.statusCode(), "ten revalidations later the quota still holds two requests");
        }
    }

    @Test
    void theLimitsEndpointStatesTheRealNumbers() {
        TestServer.given().get(SystemRoutes.LIMITS).then().statusCode(200)
                .body("requestsPerMinute", equalTo(1_000_000))
                .body("rateLimit", containsString("requests per minute per client"));
    }
}
