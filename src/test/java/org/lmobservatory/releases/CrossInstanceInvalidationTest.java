package org.lmobservatory.releases;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.lmobservatory.Observatory;
import org.lmobservatory.loader.LoadReport;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Two server instances over one database: a publish through the loader reaches both caches, and only that dataset's. */
class CrossInstanceInvalidationTest {
    private static final String DEFINITION = """
            {"id": "t-invalidation", "title": {"en": "Invalidation test"}, "theme": "labour-market", "frequency": "A",
             "unit": {"id": "PERS"}, "source": "test",
             "dimensions": [{"id": "geo", "codelist": "GEO", "role": "geo"}]}
            """;

    @Test
    void publishingReachesEveryInstanceAndLeavesOtherDatasetsEtagsAlone() throws Exception {
        Path definition = TestServer.file("t-invalidation.json", DEFINITION);
        TestServer.publish("t-invalidation", definition, TestServer.file("v1.csv", "geo,time,value\nFI1B,2024,1\n"));
        try (Observatory a = TestServer.start(TestDatabase.config()); Observatory b = TestServer.start(TestDatabase.config())) {
            String path = "/v1/datasets/t-invalidation/observations?geo=FI1B";
            String otherPath = "/v1/datasets/unemployment-rate/observations?geo=FI1B&time=2024";
            assertEquals(1, value(a, path));
            assertEquals(1, value(b, path));
            String etagBefore = etag(a, path);
            String otherEtagA = etag(a, otherPath);
            String otherEtagB = etag(b, otherPath);

            LoadReport report = TestServer.loader().load("t-invalidation", TestServer.file("v2.csv", "geo,time,value\nFI1B,2024,2\n"), Optional.empty());
            TestServer.publisher().publish("t-invalidation", report.loadId(), "second");

            awaitValue(a, path, 2);
            awaitValue(b, path, 2);
            assertNotEquals(etagBefore, etag(a, path));
            assertEquals(etag(a, path), etag(b, path), "ETags are identical on every instance");
            assertEquals(otherEtagA, etag(a, otherPath), "other datasets keep their ETags");
            assertEquals(otherEtagB, etag(b, otherPath));
        }
    }

    private static void awaitValue(Observatory o, String path, int expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        int seen = -1;
        while (System.currentTimeMillis() < deadline) {
            seen = value(o, path);
            if (seen == expected) return;
            Thread.sleep(50);
        }
        assertEquals(expected, seen, "instance on port " + o.port() + " did not pick up the new release within 10 s");
    }

    private static int value(Observatory o, String path) {
        return RestAssured.given().baseUri("http://localhost:" + o.port()).urlEncodingEnabled(false).get(path)
                .then().statusCode(200).extract().jsonPath().getInt("observations[0].value");
    }

    private static String etag(Observatory o, String path) {
        return RestAssured.given().baseUri("http://localhost:" + o.port()).urlEncodingEnabled(false).get(path)
                .then().statusCode(200).extract().header("ETag");
    }
}
