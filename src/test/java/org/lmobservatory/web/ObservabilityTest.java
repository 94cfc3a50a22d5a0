package org.lmobservatory.web;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestServer;

import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Request ids in headers and problem bodies; Prometheus metrics of requests, the response cache and the API pool. */
class ObservabilityTest {

    @Test
    void everyAnswerCarriesARequestIdAndProblemsRepeatIt() {
        TestServer.given().header("X-Request-Id", "report-4711").get("/v1/datasets").then().statusCode(200)
                .header("X-Request-Id", equalTo("report-4711"));
        String made = TestServer.given().header("X-Request-Id", "not a sane <id>").get("/v1/datasets").then().statusCode(200)
                .extract().header("X-Request-Id");
        UUID.fromString(made);
        String id = TestServer.given().get("/v1/datasets/no-such-dataset").then().statusCode(404)
                .extract().header("X-Request-Id");
        TestServer.given().header("X-Request-Id", "abc-123").get("/v1/datasets/no-such-dataset").then().statusCode(404)
                .body("requestId", equalTo("abc-123"));
        assertTrue(id != null && !id.isBlank());
    }

    @Test
    void metricsCountRequestsByRouteTemplateAndStatus() {
        TestServer.given().get("/v1/datasets/unemployment-rate/observations?geo=FI1B&sex=T").then().statusCode(200);
        TestServer.given().get("/v1/datasets/unemployment-rate/observations?geo=FI1B&sex=T").then().statusCode(200);
        String metrics = RestAssured.given().baseUri(TestServer.baseUrl()).get(Observability.METRICS).then().statusCode(200)
                .contentType(containsString("text/plain")).extract().asString();
        assertTrue(metrics.contains("lmo_http_requests_seconds_count{method=\"GET\",route=\"/v1/datasets/{datasetId}/observations\",status=\"200\"}"),
                "route templates, not raw paths, so the number of series stays bounded");
        assertTrue(metrics.contains("cache_gets_total{cache=\"responses\""), "response cache hits and misses");
        assertTrue(metrics.contains("lmo_db_pool_active{pool=\"api\"}"), "API pool");
        assertTrue(metrics.contains("lmo_rate_limited_total"), "rate-limit refusals");
        assertTrue(metrics.contains("lmo_db_admission_rejected_total"), "admission refusals (503 overloaded)");
        assertTrue(metrics.contains("lmo_db_admission_limit 8.0"), "the admission gate's limit, the pool size by default");
        assertTrue(metrics.contains("jvm_memory_used_bytes"), "JVM");
        assertEquals(-1, metrics.indexOf("no-such-dataset"), "no raw paths as labels");
    }
}
