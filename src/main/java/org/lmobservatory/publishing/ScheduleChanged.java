package org.lmobservatory.publishing;

import io.javalin.openapi.OpenApiDescription;

import java.time.Instant;

/** What a reschedule or cancellation answers: the release's place in the schedule now, and before. */
public record ScheduleChanged(
        String datasetId,
        long releaseId,
        @OpenApiDescription("scheduled (after a reschedule) or cancelled") String status,
        @OpenApiDescription("The announced instant now (for a cancelled release: the one it had)") Instant announcedAt,
        @OpenApiDescription("The instant announced before this change") Instant previousAt,
        @OpenApiDescription("The public release calendar, which shows the change and its reason") String calendar) {
}
