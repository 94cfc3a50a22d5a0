package org.lmobservatory.calendar;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.lmobservatory.calendar.CalendarViews.CalendarEntry;
import org.lmobservatory.calendar.CalendarViews.ReleaseCalendar;
import org.lmobservatory.calendar.CalendarViews.ScheduleChange;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Folding by octets, not characters: ical4j's own folding lets lines with ä, ö or — grow past 75 octets. */
class ICalendarFoldingTest {
    private static final String TITLE = "Työttömyysaste alueittain ja kuukausittain, pitkä otsikko — Безработица по области";

    @Test
    void everyLineIsAtMost75OctetsAndAParserReadsTheTextBackWhole() throws Exception {
        Instant at = Instant.parse("2026-12-01T07:00:00Z");
        CalendarEntry entry = new CalendarEntry(42, "unemployment-rate", TITLE, "scheduled", at, null, 1, "Note ä".repeat(20), null,
                List.of(new ScheduleChange("scheduled", at, null, null, at), new ScheduleChange("rescheduled", at, at.minusSeconds(86_400), "myöhässä", at)));
        String ics = new ICalendarFeed("https://data.example.org").write(new ReleaseCalendar(null, 1, List.of(entry)), "Kalenteri");

        assertTrue(ics.endsWith("\r\n"));
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "longer than 75 octets: " + line);
        }
        Calendar parsed = new CalendarBuilder().build(new StringReader(ics));
        VEvent event = (VEvent) parsed.getComponents("VEVENT").get(0);
        assertEquals(TITLE + " — release 42", event.getProperty(Property.SUMMARY).orElseThrow().getValue());
        assertEquals("release-42@data.example.org", event.getProperty(Property.UID).orElseThrow().getValue());
        assertEquals("1", event.getProperty(Property.SEQUENCE).orElseThrow().getValue());
        assertEquals("20261201T070000Z", event.getProperty(Property.DTSTART).orElseThrow().getValue());
    }
}
