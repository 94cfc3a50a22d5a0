package org.lmobservatory.portal;

import org.lmobservatory.calendar.CalendarService;
import org.lmobservatory.calendar.CalendarViews.CalendarEntry;
import org.lmobservatory.calendar.CalendarViews.ReleaseCalendar;
import org.lmobservatory.calendar.CalendarViews.ScheduleChange;
import org.lmobservatory.portal.Pages.CalendarPage;
import org.lmobservatory.portal.Pages.CalendarRow;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The release calendar for people, from the same calendar the API and the iCalendar feed serve (calendar/), so the
 * three never disagree. Times are shown in UTC, said so in the heading: the service's readers live in three time
 * zones, and the page is one cacheable address per language.
 */
final class CalendarPages {
    private final CalendarService calendar;

    CalendarPages(CalendarService calendar) {
        this.calendar = calendar;
    }

    static String path(String lang) {
        return "/" + lang + "/calendar";
    }

    CalendarPage page(String lang) {
        PortalTexts t = new PortalTexts(lang);
        ReleaseCalendar c = calendar.calendar(null, lang);
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.forLanguageTag(lang));
        // A release cancelled for a date still ahead stays where readers look for that date, marked cancelled.
        Instant now = Instant.now();
        java.util.function.Predicate<CalendarEntry> ahead = e -> e.status().equals("scheduled") || e.announcedAt().isAfter(now);
        List<CalendarRow> upcoming = c.releases().stream().filter(ahead)
                .sorted(Comparator.comparing(CalendarEntry::announcedAt)).map(e -> row(e, lang, t, format)).toList();
        List<CalendarRow> recent = c.releases().stream().filter(ahead.negate())
                .sorted(Comparator.comparing(CalendarEntry::announcedAt).reversed()).map(e -> row(e, lang, t, format)).toList();
        return new CalendarPage(PortalPages.frame(lang, t.get("calendar") + " – " + t.get("siteName"), CalendarPages::path),
                upcoming, recent, "/v1/calendar.ics?lang=" + lang, "/v1/calendar?lang=" + lang);
    }

    private static CalendarRow row(CalendarEntry e, String lang, PortalTexts t, DateTimeFormatter format) {
        return new CalendarRow(when(e.announcedAt(), format), e.announcedAt().toString(), e.title(),
                PortalRoutes.catalogue(lang) + "/" + e.dataset(), t.get("status." + e.status()), e.status(), change(e, t, format),
                e.status().equals("published") ? PortalRoutes.catalogue(lang) + "/" + e.dataset() : null);
    }

    /** The latest reschedule or the cancellation, with its reason: what a reader who planned for the old date needs. */
    private static String change(CalendarEntry e, PortalTexts t, DateTimeFormatter format) {
        ScheduleChange last = null;
        for (ScheduleChange c : e.changes()) if (c.action().equals("rescheduled") || c.action().equals("cancelled")) last = c;
        if (last == null) return null;
        String reason = last.reason() == null ? "" : last.reason();
        // The status column already says "cancelled": the line under the title gives only why.
        if (last.action().equals("cancelled")) return reason.isBlank() ? null : t.get("calendarCancelReason", "reason", reason);
        return last.previousAt() == null ? null : t.get("calendarMoved", "date", when(last.previousAt(), format), "reason", reason);
    }

    private static String when(Instant at, DateTimeFormatter date) {
        return date.format(at.atZone(ZoneOffset.UTC)) + " " + DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(ZoneOffset.UTC));
    }
}
