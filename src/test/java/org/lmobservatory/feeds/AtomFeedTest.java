package org.lmobservatory.feeds;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.releases.Rollback;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Atom feeds of releases: read by a real feed parser (ROME), one entry per release and rollback, stable ids. */
class AtomFeedTest {
    private static final String DATASET = "atom-feed-test";
    private static long first;
    private static long second;

    @BeforeAll
    static void publishTwoReleasesAndRollBack() throws Exception {
        Path definition = TestServer.file(DATASET + ".json", """
                {"id": "atom-feed-test", "title": {"en": "Feed test", "fi": "Syötetesti"}, "theme": "labour-market", "frequency": "A",
                 "unit": {"id": "PERS"}, "source": "Test source", "licence": "CC-BY-4.0",
                 "dimensions": [{"id": "sex", "codelist": "SEX"}]}
                """);
        first = TestServer.publish(DATASET, definition, TestServer.file("a1.csv", "sex,time,value,flag\nT,2023,100,\n"));
        second = TestServer.publish(DATASET, definition, TestServer.file("a2.csv", "sex,time,value,flag\nT,2023,101,\nF,2023,50,\n"));
        new Rollback(TestDatabase.get().owner()).rollback(DATASET, first);
        TestServer.awaitRelease(DATASET, first);
    }

    private static SyndFeed parse(Response r) throws Exception {
        assertTrue(r.contentType().startsWith("application/atom+xml"), r.contentType());
        SyndFeed feed = new SyndFeedInput().build(new StringReader(r.asString()));
        assertEquals("atom_1.0", feed.getFeedType());
        return feed;
    }

    @Test
    void theDatasetFeedHasAnEntryPerReleaseAndRollbackMatchingTheReleasesApi() throws Exception {
        SyndFeed feed = parse(TestServer.given().get("/v1/datasets/" + DATASET + "/releases.atom").then().statusCode(200).extract().response());
        JsonPath releases = TestServer.given().get("/v1/datasets/" + DATASET + "/releases").then().statusCode(200).extract().jsonPath();
        List<SyndEntry> entries = feed.getEntries();
        assertEquals(3, entries.size(), "two publishes and a rollback");
        // Newest first: the rollback to the first release, then the second and the first publish.
        assertTrue(entries.get(0).getUri().endsWith("/releases/" + first + "/rollback/" + entries.get(0).getUri().replaceAll(".*/", "")));
        assertTrue(entries.get(1).getUri().endsWith("/releases/" + second), entries.get(1).getUri());
        assertTrue(entries.get(2).getUri().endsWith("/releases/" + first), entries.get(2).getUri());
        entries.forEach(e -> assertTrue(e.getUri().startsWith("tag:localhost,2025:lmo/datasets/" + DATASET + "/"), e.getUri()));

        List<Map<String, Object>> listed = releases.getList("releases");
        for (Map<String, Object> release : listed) {
            long id = ((Number) release.get("id")).longValue();
            SyndEntry publish = entries.stream().filter(e -> e.getUri().endsWith("/releases/" + id)).findFirst().orElseThrow();
            // ROME writes Atom dates to the second (RFC 3339 allows that); the API gives microseconds.
            assertEquals(Instant.parse((String) release.get("publishedAt")).truncatedTo(ChronoUnit.SECONDS), publish.getUpdatedDate().toInstant(),
                    "updated = when it became current");
            Set<String> links = publish.getLinks().stream().map(l -> l.getRel() + " " + l.getHref()).collect(Collectors.toSet());
            assertTrue(links.contains("cite-as " + release.get("url")), links.toString());
            assertTrue(publish.getTitle().equals("Feed test: release " + id), publish.getTitle());
        }
        assertEquals(Set.of(first, second), listed.stream().map(r -> ((Number) r.get("id")).longValue()).collect(Collectors.toSet()));
        // The links lead somewhere: the release's numbers.
        String alternate = entries.get(1).getLinks().stream().filter(l -> l.getRel().equals("alternate")).map(SyndLink::getHref).findFirst().orElseThrow();
        TestServer.given().urlEncodingEnabled(false).get(alternate.substring(alternate.indexOf("/v1/"))).then().statusCode(200);
    }

    @Test
    void entryIdsAreStableAndTitlesFollowTheLanguage() throws Exception {
        SyndFeed en = parse(TestServer.given().get("/v1/datasets/" + DATASET + "/releases.atom").then().statusCode(200).extract().response());
        SyndFeed fi = parse(TestServer.given().get("/v1/datasets/" + DATASET + "/releases.atom?lang=fi").then().statusCode(200).extract().response());
        assertEquals(en.getEntries().stream().map(SyndEntry::getUri).toList(), fi.getEntries().stream().map(SyndEntry::getUri).toList());
        assertEquals("Syötetesti: julkaisu " + second, fi.getEntries().get(1).getTitle());
        assertEquals("Syötetesti: palautettu julkaisuun " + first, fi.getEntries().get(0).getTitle());
    }

    @Test
    void theFeedOfAllDatasetsCarriesOurEntriesAndAnswersConditionalRequests() throws Exception {
        Response r = TestServer.given().get("/v1/feeds/releases.atom").then().statusCode(200).extract().response();
        SyndFeed all = parse(r);
        Set<String> ids = all.getEntries().stream().map(SyndEntry::getUri).collect(Collectors.toSet());
        assertTrue(ids.stream().anyMatch(id -> id.endsWith(DATASET + "/releases/" + second)), ids.toString());
        TestServer.given().header("If-None-Match", r.header("ETag")).get("/v1/feeds/releases.atom").then().statusCode(304);
    }

    @Test
    void badRequestsAreProblems() {
        TestServer.given().get("/v1/datasets/no-such-dataset/releases.atom").then().statusCode(404).contentType("application/problem+json");
        TestServer.given().get("/v1/feeds/releases.atom?lang=xx").then().statusCode(400).contentType("application/problem+json");
        TestServer.given().header("Accept", "application/json").get("/v1/feeds/releases.atom").then().statusCode(406).contentType("application/problem+json");
    }
}
