package org.lmobservatory.calendar;

import io.restassured.response.Response;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.lmobservatory.releases.Embargoes;
import org.lmobservatory.releases.Schedule;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The release calendar as JSON and as an iCalendar feed that a real parser (ical4j) reads back. */
class ReleaseCalendarTest {
    private static final String CSV = "geo,time,value\nFI1B,2024,5\n";

    @Test
    void theCalendarAnnouncesAScheduledReleaseAndKeepsItsHistoryOfReschedulesAndCancellation() throws Exception {
        String id = Embargoes.uniqueId("t-calendar");
        Embargoes.publishNow(id, "Calendar test, with a long enough title to need folding in an iCalendar line", CSV);
        Instant first = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        long r = Embargoes.schedule(id, Embargoes.csv(11), first);

        Map<String, Object> entry = entry(id, r);
        assertEquals("scheduled", entry.get("status"));
        assertEquals(first.toString(), entry.get("announcedAt"));
        assertEquals(0, entry.get("sequence"));
        assertNull(entry.get("url"), "no link to data that is under embargo");
        VEvent event = event(id, r);
        assertEquals("0", value(event, Property.SEQUENCE));
        assertEquals("CONFIRMED", value(event, Property.STATUS));
        assertEquals(first, Instant.parse(isoUtc(value(event, Property.DTSTART))));
        String etagBefore = TestServer.given().queryParam("dataset", id).get("/v1/calendar").header("ETag");

        Instant second = first.plus(Duration.ofDays(7));
        Schedule schedule = new Schedule(TestDatabase.get().owner());
        schedule.reschedule(r, second, "the source register is late");

        entry = entry(id, r);
        assertEquals(second.toString(), entry.get("announcedAt"));
        assertEquals(1, entry.get("sequence"));
        @SuppressWarnings("unchecked") List<Map<String, Object>> changes = (List<Map<String, Object>>) entry.get("changes");
        assertEquals(List.of("scheduled", "rescheduled"), changes.stream().map(c -> c.get("action")).toList());
        assertEquals(first.toString(), changes.get(1).get("previousAt"));
        assertEquals("the source register is late", changes.get(1).get("reason"));
        event = event(id, r);
        assertEquals("1", value(event, Property.SEQUENCE), "calendar clients replace their copy");
        assertEquals(second, Instant.parse(isoUtc(value(event, Property.DTSTART))));
        assertTrue(value(event, Property.DESCRIPTION).contains("the source register is late"));
        assertNotEquals(etagBefore, TestServer.given().queryParam("dataset", id).get("/v1/calendar").header("ETag"), "a reschedule changes the ETag");

        schedule.cancel(r, "figures withdrawn by the ministry");

        entry = entry(id, r);
        assertEquals("cancelled", entry.get("status"));
        assertEquals(2, entry.get("sequence"));
        event = event(id, r);
        assertEquals("CANCELLED", value(event, Property.STATUS));
        assertEquals("2", value(event, Property.SEQUENCE));
        assertTrue(value(event, Property.DESCRIPTION).contains("figures withdrawn by the ministry"));
    }

    @Test
    void theFeedIsRfc5545TextWithFoldedCrlfLinesAndATitleInTheRequestedLanguage() throws Exception {
        String id = Embargoes.uniqueId("t-calendar-ics");
        Embargoes.publishNow(id, "Työttömyysaste alueittain ja kuukausittain, pitkä otsikko", CSV);
        long r = Embargoes.schedule(id, Embargoes.csv(12), Instant.now().plus(Duration.ofDays(5)));

        Response response = TestServer.given().queryParam("dataset", id).queryParam("lang", "fi").get("/v1/calendar.ics")
                .then().statusCode(200).extract().response();
        assertTrue(response.contentType().startsWith("text/calendar"), response.contentType());
        byte[] bytes = response.asByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("BEGIN:VCALENDAR\r\n"), text);
        for (String line : text.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "line longer than 75 octets: " + line);
            assertFalse(line.contains("\n"), "bare LF in: " + line);
        }
        VEvent event = event(id, r);
        assertTrue(value(event, Property.SUMMARY).startsWith("Työttömyysaste alueittain ja kuukausittain, pitkä otsikko (fi)"),
                value(event, Property.SUMMARY));
        assertTrue(value(event, Property.DTSTART).endsWith("Z"), "DTSTART in UTC");
        assertEquals(1, event.getProperties(Property.DTSTAMP).size(), "exactly one DTSTAMP (RFC 5545 3.6.1)");

        // The body depends on the schedule alone: asked in a later second, it is byte for byte the same, and a 304.
        Thread.sleep(1_100);
        assertEquals(text, TestServer.given().queryParam("dataset", id).queryParam("lang", "fi").get("/v1/calendar.ics").asString());
        String etag = response.header("ETag");
        TestServer.given().queryParam("dataset", id).queryParam("lang", "fi").header("If-None-Match", etag)
                .get("/v1/calendar.ics").then().statusCode(304);
    }

    @Test
    void anUnknownDatasetOrParameterIsAProblem() {
        TestServer.given().queryParam("dataset", "no-such-dataset").get("/v1/calendar").then().statusCode(404)
                .contentType("application/problem+json");
        TestServer.given().queryParam("datasets", "x").get("/v1/calendar.ics").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static Map<String, Object> entry(String dataset, long release) {
        List<Map<String, Object>> entries = TestServer.given().queryParam("dataset", dataset).get("/v1/calendar")
                .then().statusCode(200).extract().jsonPath().getList("releases");
        return entries.stream().filter(e -> ((Number) e.get("release")).longValue() == release).findFirst()
                .orElseThrow(() -> new AssertionError("release " + release + " not on the calendar: " + entries));
    }

    /** The release's VEVENT, parsed back by ical4j from the per-dataset feed. */
    private static VEvent event(String dataset, long release) throws Exception {
        String ics = TestServer.given().queryParam("dataset", dataset).queryParam("lang", "fi").get("/v1/calendar.ics")
                .then().statusCode(200).extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        String uid = "release-" + release + "@localhost";
        return events.stream().filter(e -> e.getProperty(Property.UID).map(Property::getValue).orElse("").equals(uid)).findFirst()
                .orElseThrow(() -> new AssertionError("no VEVENT with UID " + uid + " in\n" + ics));
    }

    private static String value(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElseThrow(() -> new AssertionError("no " + name));
    }

    /** 20261201T080000Z → 2026-12-01T08:00:00Z */
    private static String isoUtc(String basic) {
        return basic.replaceFirst("(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})Z", "$1-$2-$3T$4:$5:$6Z");
    }
}
