package org.lmobservatory.publishing;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiRequired;

/** Body of POST …/releases/{releaseId}/reschedule and …/cancel. */
public record ScheduleChangeRequest(
        @OpenApiDescription("reschedule: the new announced instant (ISO 8601 with offset, in the future); cancel: absent") String at,
        @OpenApiRequired @OpenApiDescription("Why the date changed or the release was cancelled; shown on the public release calendar") String reason) {
}
