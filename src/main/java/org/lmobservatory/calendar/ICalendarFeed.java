package org.lmobservatory.calendar;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.lmobservatory.calendar.CalendarViews.CalendarEntry;
import org.lmobservatory.calendar.CalendarViews.ReleaseCalendar;
import org.lmobservatory.calendar.CalendarViews.ScheduleChange;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The calendar as RFC 5545 iCalendar, written with ical4j (escaping of text values, CRLF, validation of the result;
 * folding redone here by octets): one VEVENT per scheduled release, UID {@code release-<id>@<host>} that never changes,
 * SEQUENCE the number of reschedules and cancellations so calendar clients replace their copy, STATUS:CANCELLED for a
 * cancelled release, DTSTART in UTC, DTSTAMP the last change of that entry (so the feed, and its ETag, change only when
 * a schedule does).
 */
final class ICalendarFeed {
    static final String MEDIA_TYPE = "text/calendar";
    private static final String PROD_ID = "-//Labour Market Observatory//Release calendar//EN";

    private final String host;

    ICalendarFeed(String baseUrl) {
        String h = null;
        try {
            h = URI.create(baseUrl).getHost();
        } catch (IllegalArgumentException e) {
            // a base URL that is not a URI: fall back below
        }
        this.host = h == null || h.isBlank() ? "lmobservatory" : h;
    }

    String write(ReleaseCalendar calendar, String calendarName) {
        Calendar ics = new Calendar();
        ics.add(new ProdId(PROD_ID));
        ics.add(ImmutableVersion.VERSION_2_0);
        ics.add(ImmutableCalScale.GREGORIAN);
        // Not in RFC 5545 but read by Apple, Google and Microsoft calendars as the subscription's name.
        ics.add(new XProperty("X-WR-CALNAME", calendarName));
        for (CalendarEntry e : calendar.releases()) ics.add(event(e));
        StringWriter out = new StringWriter();
        try {
            // Validated whenever there is an event; RFC 5545 wants at least one component, but an empty feed (nothing
            // scheduled) is what calendar applications expect of a subscription with nothing in it, so it is not refused.
            new CalendarOutputter(!calendar.releases().isEmpty()).output(ics, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return foldOctets(out.toString());
    }

    /**
     * RFC 5545 3.1 folds lines at 75 octets, but ical4j's FoldingWriter counts UTF-16 characters, so a title with
     * ä, ö or Cyrillic letters gives lines of up to twice that. Its folds are undone and the lines folded again by
     * UTF-8 octets, never inside a character.
     */
    static String foldOctets(String folded) {
        String unfolded = folded.replace("\r\n ", "").replace("\r\n\t", "");
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 50);
        for (String line : unfolded.split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (octets + n > 75) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(cp);
                octets += n;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private VEvent event(CalendarEntry e) {
        // false: ical4j's default constructor adds a DTSTAMP of the present second, which made a second DTSTAMP (invalid)
        // and a body, hence an ETag, that changed every second.
        VEvent event = new VEvent(false);
        Instant stamp = e.changes().stream().map(ScheduleChange::changedAt).max(Comparator.naturalOrder()).orElse(e.announcedAt());
        event.add(new Uid("release-" + e.release() + "@" + host));
        event.add(new DtStamp(stamp));
        event.add(new LastModified(stamp));
        event.add(new DtStart<>(e.announcedAt()));
        event.add(new Sequence(e.sequence()));
        event.add(new Summary((e.title() == null ? e.dataset() : e.title()) + " — release " + e.release()));
        // A scheduled release is announced, so CONFIRMED (not TENTATIVE); a cancelled one must say so for clients to drop it.
        event.add("cancelled".equals(e.status()) ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        String description = description(e);
        if (!description.isEmpty()) event.add(new Description(description));
        if (e.url() != null) event.add(new Url(URI.create(e.url())));
        return event;
    }

    /** The note and every reschedule or cancellation with its reason, in the order they happened. */
    private static String description(CalendarEntry e) {
        List<String> lines = new ArrayList<>();
        lines.add("Dataset " + e.dataset() + ", release " + e.release() + " (" + e.status() + ").");
        if (e.note() != null && !e.note().isBlank()) lines.add(e.note());
        for (ScheduleChange c : e.changes()) {
            if (c.action().equals("rescheduled")) {
                lines.add("Rescheduled from " + c.previousAt() + " to " + c.announcedAt() + ": " + c.reason());
            } else if (c.action().equals("cancelled")) {
                lines.add("Cancelled: " + c.reason());
            }
        }
        return String.join("\n", lines);
    }
}
