package org.lmobservatory.portal;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.lmobservatory.releases.Embargoes;
import org.lmobservatory.releases.Schedule;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The release calendar page: a release announced for a day ahead is listed with its dataset's title, its time in UTC
 * and "Announced"; a reschedule shows the old date and the reason; the page is in the reader's language, links the
 * iCalendar feed and the JSON, is reachable from every page's navigation, and answers 304 while nothing changed.
 */
class CalendarPageTest {

    @Test
    void anAnnouncedReleaseIsListedAndItsNewDateShowsTheOldOneAndWhy() throws Exception {
        TestServer.get();
        String id = Embargoes.uniqueId("t-calpage");
        String title = "Calendar page " + id.substring(id.lastIndexOf('-') + 1);
        Embargoes.publishNow(id, title, Embargoes.csv(1));
        Instant first = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        long release = Embargoes.schedule(id, Embargoes.csv(2), first);

        Element row = rowOf(page("/en/calendar"), title);
        assertNotNull(row, "the announced release is in the upcoming table");
        assertEquals("Announced", row.select("td").get(2).text());
        assertEquals(first.toString(), row.select("time").attr("datetime"));
        assertTrue(row.select("time").text().endsWith(String.format("%02d:%02d", first.atZone(java.time.ZoneOffset.UTC).getHour(),
                first.atZone(java.time.ZoneOffset.UTC).getMinute())), row.text());
        assertEquals("/en/datasets/" + id, row.select("a").attr("href"));

        Instant later = first.plus(Duration.ofDays(1));
        new Schedule(TestDatabase.get().owner()).reschedule(release, later, "source data arrived late");
        Document moved = page("/en/calendar");
        Element again = rowOf(moved, title);
        assertNotNull(again);
        assertEquals(later.toString(), again.select("time").attr("datetime"));
        assertTrue(again.select("small").text().startsWith("Moved from ") && again.select("small").text().endsWith(": source data arrived late"),
                again.text());

        Document fi = page("/fi/calendar");
        assertEquals("Julkistamiskalenteri", fi.select("h1").text());
        Element fiRow = rowOf(fi, title + " (fi)");
        assertNotNull(fiRow, "the title in Finnish");
        assertEquals("Ilmoitettu", fiRow.select("td").get(2).text());
        assertEquals("/fi/datasets/" + id, fiRow.select("a").attr("href"));
        assertEquals("/v1/calendar.ics?lang=fi", fi.select("a[type=text/calendar]").attr("href"));
        RestAssured.given().baseUri(TestServer.baseUrl()).get(fi.select("a[type=text/calendar]").attr("href")).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("BEGIN:VCALENDAR"));
        assertTrue(page("/sv/datasets").select("header nav a[href=/sv/calendar]").size() == 1, "every page links the calendar");

        Response r = RestAssured.given().baseUri(TestServer.baseUrl()).accept("text/html").get("/en/calendar");
        String etag = r.header("ETag");
        assertEquals("public, no-cache", r.header("Cache-Control"));
        RestAssured.given().baseUri(TestServer.baseUrl()).accept("text/html").header("If-None-Match", etag).get("/en/calendar").then().statusCode(304);
        new Schedule(TestDatabase.get().owner()).cancel(release, "withdrawn by the data owner");
        Response after = RestAssured.given().baseUri(TestServer.baseUrl()).accept("text/html").header("If-None-Match", etag).get("/en/calendar");
        assertEquals(200, after.statusCode(), "a cancellation changes the page");
        Element cancelled = rowOf(Jsoup.parse(after.asString()), title);
        assertNotNull(cancelled, "a release cancelled for a date ahead stays under that date");
        assertEquals("Cancelled", cancelled.select("td").get(2).text());
        assertTrue(cancelled.select("small").text().equals("Reason: withdrawn by the data owner"), cancelled.text());
        assertEquals(1, cancelled.text().split("Cancelled", -1).length - 1, "said once, in the status column: " + cancelled.text());

        RestAssured.given().baseUri(TestServer.baseUrl()).accept("text/html").get("/en/calendar?x=1").then().statusCode(400)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
    }

    private static Document page(String path) {
        String html = RestAssured.given().baseUri(TestServer.baseUrl()).accept("text/html").get(path).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/html")).extract().asString();
        return Jsoup.parse(html, TestServer.baseUrl());
    }

    /** The row of the dataset in the table of releases ahead. */
    private static Element rowOf(Document page, String title) {
        for (Element tr : page.select("section[aria-labelledby=upcoming-h] table.calendar tbody tr")) if (tr.select("a").text().equals(title)) return tr;
        return null;
    }
}
