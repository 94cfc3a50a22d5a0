package org.lmobservatory.calendar;

import io.javalin.openapi.OpenApiDescription;

import java.time.Instant;
import java.util.List;

/** The release calendar as the API returns it (JSON); the iCalendar feed is written from the same records. */
public final class CalendarViews {
    private CalendarViews() {
    }

    public record ScheduleChange(
            @OpenApiDescription("scheduled, rescheduled, cancelled or published") String action,
            @OpenApiDescription("The announced instant after this change") Instant announcedAt,
            @OpenApiDescription("The instant announced before (rescheduled, cancelled)") Instant previousAt,
            @OpenApiDescription("Why it was rescheduled or cancelled") String reason,
            Instant changedAt) {
    }

    public record CalendarEntry(
            @OpenApiDescription("Release id; once published, readable with release= on the observations") long release,
            String dataset,
            @OpenApiDescription("The dataset's title in the requested language") String title,
            @OpenApiDescription("scheduled (under embargo), published or cancelled") String status,
            @OpenApiDescription("The announced instant, UTC") Instant announcedAt,
            @OpenApiDescription("When it became public (published only)") Instant publishedAt,
            @OpenApiDescription("Number of reschedules and cancellations (the iCalendar SEQUENCE)") int sequence,
            @OpenApiDescription("Release note") String note,
            @OpenApiDescription("Its observations, once published") String url,
            @OpenApiDescription("Every change of the schedule, oldest first") List<ScheduleChange> changes) {
    }

    public record ReleaseCalendar(
            @OpenApiDescription("The dataset asked for, or null for all") String dataset,
            int count,
            @OpenApiDescription("Scheduled releases still waiting and those due in the last 90 days, by announced instant") List<CalendarEntry> releases) {
    }
}
