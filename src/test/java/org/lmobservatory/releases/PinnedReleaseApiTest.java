package org.lmobservatory.releases;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One release resolver: a pin (release=, asOf=) means the same release on every route that reads observations. */
class PinnedReleaseApiTest {
    private static final String DATASET = "rel-pinned";
    private static final String BASE = "/v1/datasets/" + DATASET;
    private static long first;
    private static long second;
    private static Instant firstPublishedAt;
    private static Instant secondPublishedAt;

    @BeforeAll
    static void publishTwoReleases() throws Exception {
        Path definition = TestServer.file(DATASET + ".json", """
                {"id": "rel-pinned", "title": {"en": "Pinned release test"}, "theme": "labour-market", "frequency": "A",
                 "unit": {"id": "PERS"}, "source": "Test source", "licence": "CC-BY-4.0",
                 "dimensions": [{"id": "sex", "codelist": "SEX"}]}
                """);
        first = TestServer.publish(DATASET, definition, TestServer.file("p1.csv", "sex,time,value\nF,2022,10\nF,2023,11\nM,2023,9\n"));
        Thread.sleep(20);
        second = TestServer.publish(DATASET, definition, TestServer.file("p2.csv", "sex,time,value\nF,2022,20\nF,2023,21\nM,2023,19\n"));
        firstPublishedAt = TestDatabase.get().owner().withHandle(h -> h.attach(ReleaseDao.class).byId(DATASET, first)).orElseThrow().publishedAt();
        secondPublishedAt = TestDatabase.get().owner().withHandle(h -> h.attach(ReleaseDao.class).byId(DATASET, second)).orElseThrow().publishedAt();
    }

    /** The describedby link of a CSV, followed: the CSVW metadata it points to. */
    private static Response describedBy(String csvQuery) {
        Response csv = TestServer.given().urlEncodingEnabled(false).get(BASE + "/observations?" + csvQuery);
        csv.then().statusCode(200);
        Matcher link = Pattern.compile("<([^>]+)>; rel=\"describedby\"").matcher(csv.getHeader("Link"));
        assertTrue(link.find(), csv.getHeader("Link"));
        return TestServer.given().urlEncodingEnabled(false).get(link.group(1)).then().statusCode(200).extract().response();
    }

    @Test
    void aPinnedCsvLinksTheMetadataOfItsOwnRelease() {
        Response csv = TestServer.given().queryParam("format", "csv").queryParam("release", first).get(BASE + "/observations");
        assertTrue(csv.getHeader("Link").matches(".*csv-metadata\\.json\\?[^>]*release=" + first + "[^>]*>; rel=\"describedby\".*"),
                csv.getHeader("Link"));
        Response metadata = describedBy("format=csv&release=" + first);
        assertEquals(firstPublishedAt.toString(), metadata.jsonPath().getString("'dc:modified'.'@value'"));
        assertTrue(metadata.jsonPath().getString("'dc:bibliographicCitation'").contains("release " + first + " "),
                metadata.jsonPath().getString("'dc:bibliographicCitation'"));
        assertTrue(metadata.jsonPath().getString("url").contains("release=" + first));
    }

    @Test
    void asOfIsHonouredByTheMetadataToo() {
        Response metadata = describedBy("format=csv&asOf=" + firstPublishedAt.plusMillis(5));
        assertEquals(firstPublishedAt.toString(), metadata.jsonPath().getString("'dc:modified'.'@value'"));
        Response current = describedBy("format=csv");
        assertEquals(secondPublishedAt.toString(), current.jsonPath().getString("'dc:modified'.'@value'"));
    }

    @Test
    void aPinnedChartDrawsTheNumbersOfThatRelease() {
        assertEquals(List.of("10", "11"), chartValues("sex=F&release=" + first));
        assertEquals(List.of("10", "11"), chartValues("sex=F&asOf=" + firstPublishedAt));
        assertEquals(List.of("20", "21"), chartValues("sex=F"));
        String pinned = TestServer.given().urlEncodingEnabled(false).get(BASE + "/chart.svg?sex=F&release=" + first).getHeader("ETag");
        String current = TestServer.given().urlEncodingEnabled(false).get(BASE + "/chart.svg?sex=F").getHeader("ETag");
        assertTrue(pinned.startsWith("\"r" + first + "-"), pinned);
        assertNotEquals(pinned, current);
    }

    @Test
    void theBulkDownloadServesAPinnedRelease() {
        TestServer.given().queryParam("release", first).get(BASE + "/download").then().statusCode(200)
                .header("X-Release-Id", String.valueOf(first))
                .header("Content-Disposition", containsString("_release-" + first + "."));
        TestServer.given().get(BASE + "/download").then().statusCode(200).header("X-Release-Id", String.valueOf(second));
    }

    @Test
    void pinsThatCannotBeResolvedOrHonouredAre4xxProblems() {
        TestServer.given().queryParam("release", 999999).get(BASE + "/chart.svg").then().statusCode(404)
                .contentType("application/problem+json").body("type", containsString("unknown-release"));
        TestServer.given().queryParam("release", "latest").get(BASE + "/observations/csv-metadata.json").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("release"));
        // The indicator widget is a rolling window of the current release: a pin is refused, not ignored.
        TestServer.given().queryParam("dataset", DATASET).queryParam("geo", "FI").queryParam("release", first)
                .get("/widgets/indicator").then().statusCode(400).body(containsString("current release"));
        TestServer.given().queryParam("dataset", DATASET).queryParam("geo", "FI").queryParam("asOf", "2025-01-01")
                .get("/widgets/indicator/fragment").then().statusCode(400).body(containsString("asOf"));
    }

    private static List<String> chartValues(String query) {
        String svg = TestServer.given().urlEncodingEnabled(false).get(BASE + "/chart.svg?" + query).then().statusCode(200).extract().asString();
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("data-value=\"([^\"]+)\"").matcher(svg);
        while (m.find()) values.add(m.group(1));
        return values;
    }
}
