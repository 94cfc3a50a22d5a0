package org.lmobservatory.portal;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.lmobservatory.releases.Embargoes;
import org.lmobservatory.support.TestServer;

import java.util.List;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dataset's releases as a page: newest first, the current one marked, each with a permanent CSV and JSON link that
 * gives exactly its numbers, and a link to what changed against the release before. Linked from the dataset page.
 */
class ReleasesPageTest {

    @Test
    void everyReleaseIsListedWithLinksToExactlyItsNumbersAndWhatChanged() throws Exception {
        TestServer.get();
        String id = Embargoes.uniqueId("t-relpage");
        long first = Embargoes.publishNow(id, "Releases page " + id, "geo,time,value\nFI1B,2024,111\n");
        long second = TestServer.publishLoad(id, Embargoes.load(id, "geo,time,value\nFI1B,2024,112\nFI1B,2025,113\n"));

        Document page = page("/en/datasets/" + id + "/releases");
        Elements rows = page.select("table.releases tbody tr");
        assertEquals(List.of(Long.toString(second), Long.toString(first)),
                rows.stream().map(r -> r.select("th").first().ownText().trim()).toList(), "newest first");
        assertEquals("current", rows.get(0).select("strong.current").text());
        assertTrue(rows.get(1).select("strong.current").isEmpty());

        Element newest = rows.get(0);
        String csv = RestAssured.given().baseUri(TestServer.baseUrl()).urlEncodingEnabled(false)
                .get(newest.select("a:contains(CSV)").attr("href")).then().statusCode(200).extract().asString();
        assertTrue(csv.contains("112") && csv.contains("113"), csv);
        String older = RestAssured.given().baseUri(TestServer.baseUrl()).urlEncodingEnabled(false)
                .get(rows.get(1).select("a:contains(CSV)").attr("href")).then().statusCode(200).extract().asString();
        assertTrue(older.contains("111") && !older.contains("112"), "the first release's own numbers: " + older);
        String changes = newest.select("a:contains(Changes)").attr("href");
        assertEquals("/v1/datasets/" + id + "/revisions?since=" + first + "&release=" + second, changes);
        assertEquals(2, RestAssured.given().baseUri(TestServer.baseUrl()).urlEncodingEnabled(false).get(changes)
                .then().statusCode(200).extract().jsonPath().getInt("count"), "one revised cell and one added");
        assertNull(rows.get(1).select("a:contains(Changes)").first(), "the first release has nothing before it");

        Document dataset = page("/en/datasets/" + id);
        assertEquals("/en/datasets/" + id + "/releases", dataset.select("a:contains(all releases)").attr("href"));
        Document fi = page("/fi/datasets/" + id + "/releases");
        assertEquals("nykyinen", fi.select("table.releases tbody tr strong.current").text());

        Response r = RestAssured.given().baseUri(TestServer.baseUrl()).accept("text/html").get("/en/datasets/" + id + "/releases");
        RestAssured.given().baseUri(TestServer.baseUrl()).accept("text/html").header("If-None-Match", r.header("ETag"))
                .get("/en/datasets/" + id + "/releases").then().statusCode(304);
        RestAssured.given().baseUri(TestServer.baseUrl()).accept("text/html").get("/en/datasets/no-such-dataset/releases")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    private static Document page(String path) {
        String html = RestAssured.given().baseUri(TestServer.baseUrl()).accept("text/html").get(path).then().statusCode(200)
                .contentType(startsWith("text/html")).extract().asString();
        return Jsoup.parse(html, TestServer.baseUrl());
    }
}
