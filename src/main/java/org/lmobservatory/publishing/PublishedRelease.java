package org.lmobservatory.publishing;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.openapi.OpenApiDescription;

import java.time.Instant;

/** What POST …/releases answers: the new release and where it can be read and cited (from its instant, if scheduled). */
public record PublishedRelease(
        String datasetId,
        long releaseId,
        long loadId,
        long rows,
        @OpenApiDescription("Permanent URL of this release's observations (release= pinned); answers 404 until a scheduled release's instant") String citation,
        @OpenApiDescription("The dataset's releases") String releases,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @OpenApiDescription("Present for a scheduled release: the announced instant until which it is invisible (see /v1/calendar)") Instant scheduledFor,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @OpenApiDescription("Present when readers were named: who may read the scheduled release before its instant") java.util.List<String> preReleaseReaders) {
}
