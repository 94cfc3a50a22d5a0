package org.lmobservatory.web;

import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestServer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Accept with weights and wildcards, 406 for what we cannot produce, format= over Accept, and Accept-Encoding weights. */
class ContentNegotiationApiTest {
    private static final String OBSERVATIONS = "/v1/datasets/unemployment-rate/observations";

    @Test
    void aWildcardOutweighsALowerWeightedCsv() {
        TestServer.given().header("Accept", "text/csv;q=0.5, */*").queryParam("geo", "FI1B").queryParam("time", "2024").get(OBSERVATIONS)
                .then().statusCode(200).contentType("application/json").body("dataset", equalTo("unemployment-rate"));
        TestServer.given().header("Accept", "*/*;q=0.1, text/csv").queryParam("geo", "FI1B").queryParam("time", "2024").get(OBSERVATIONS)
                .then().statusCode(200).contentType(startsWith("text/csv"));
        TestServer.given().header("Accept", "text/*").queryParam("geo", "FI1B").queryParam("time", "2024").get(OBSERVATIONS)
                .then().statusCode(200).contentType(startsWith("text/csv"));
    }

    @Test
    void aTypeWeCannotProduceIs406ListingTheOnesWeCan() {
        TestServer.given().header("Accept", "application/xml").queryParam("geo", "FI1B").get(OBSERVATIONS)
                .then().statusCode(406).contentType("application/problem+json")
                .body("type", containsString("not-acceptable"))
                .body("acceptable", hasItems("application/json", "text/csv; charset=utf-8", "application/vnd.jsonstat+json"));
        TestServer.given().header("Accept", "application/json;q=0, text/csv;q=0").queryParam("geo", "FI1B").get(OBSERVATIONS)
                .then().statusCode(406);
        TestServer.given().header("Accept", "text/csv").get("/v1/datasets").then().statusCode(406)
                .contentType("application/problem+json").body("acceptable", hasItem("application/json"));
        TestServer.given().header("Accept", "application/json").get("/v1/datasets/unemployment-rate/chart.svg?geo=FI1B&sex=T&age=Y15-24")
                .then().statusCode(406).body("acceptable", hasItem("image/svg+xml"));
        TestServer.given().header("Accept", "image/*").get("/v1/datasets/unemployment-rate/chart.svg?geo=FI1B&sex=T&age=Y15-24")
                .then().statusCode(200).contentType(startsWith("image/svg+xml"));
    }

    @Test
    void formatOverridesAccept() {
        TestServer.given().header("Accept", "application/xml").queryParam("format", "csv").queryParam("geo", "FI1B").queryParam("time", "2024")
                .get(OBSERVATIONS).then().statusCode(200).contentType(startsWith("text/csv"));
    }

    @Test
    void gzipWeighedZeroIsNotGzipped() {
        RestAssured.given().baseUri(TestServer.baseUrl()).header("Accept-Encoding", "gzip;q=0, identity")
                .config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .queryParam("geo", "FI1B").queryParam("time", "2023").get(OBSERVATIONS)
                .then().statusCode(200).header("Content-Encoding", nullValue()).body("dataset", equalTo("unemployment-rate"));
        RestAssured.given().baseUri(TestServer.baseUrl()).header("Accept-Encoding", "br, gzip;q=0.5")
                .config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .queryParam("geo", "FI1B").queryParam("time", "2023").get(OBSERVATIONS)
                .then().statusCode(200).header("Content-Encoding", equalTo("gzip"));
    }
}
