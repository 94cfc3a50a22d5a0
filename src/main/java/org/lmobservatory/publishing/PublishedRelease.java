package org.lmobservatory.publishing;

import io.javalin.openapi.OpenApiDescription;

/** What POST …/releases answers: the new release and where it can be read and cited. */
public record PublishedRelease(
        String datasetId,
        long releaseId,
        long loadId,
        long rows,
        @OpenApiDescription("Permanent URL of this release's observations (release= pinned)") String citation,
        @OpenApiDescription("The dataset's releases") String releases) {
}
