package org.lmobservatory.observations;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.SeedFile;
import org.lmobservatory.support.TestServer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BulkDownloadTest {

    @Test
    void downloadIsTheWholeReleaseAsGzippedCsv() throws Exception {
        Response r = RestAssured.given().baseUri(TestServer.baseUrl())
                .config(RestAssured.config().decoderConfig(RestAssured.config().getDecoderConfig().noContentDecoders()))
                .get("/v1/datasets/vet-enrolment/download");
        r.then().statusCode(200)
                .contentType("application/gzip")
                .header("Content-Disposition", containsString("vet-enrolment_release-"))
                .header("ETag", notNullValue());
        String csv = new String(new GZIPInputStream(new ByteArrayInputStream(r.asByteArray())).readAllBytes(), StandardCharsets.UTF_8);
        List<List<String>> records = SeedFile.parseCsv(csv);
        assertEquals(SeedFile.rows("vet-enrolment").size(), records.size() - 1);
        assertEquals("geo", records.get(0).get(0));
    }

    @Test
    void secondDownloadIsTheSameFileAndRevalidates() {
        Response first = TestServer.given().get("/v1/datasets/job-vacancies/download");
        first.then().statusCode(200);
        String etag = first.header("ETag");
        TestServer.given().header("If-None-Match", etag).get("/v1/datasets/job-vacancies/download").then().statusCode(304);
        byte[] again = TestServer.given().get("/v1/datasets/job-vacancies/download").asByteArray();
        assertEquals(first.asByteArray().length, again.length);
    }
}
