package org.lmobservatory.publishing;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiRequired;

/** Body of POST /v1/publish/datasets/{id}/releases. */
public record PublishRequest(
        @OpenApiRequired @OpenApiDescription("The load to publish (loadId of the upload's report)") Long load,
        @OpenApiDescription("Release note, shown with the release") String note,
        @OpenApiDescription("Announced instant (ISO 8601 with offset, in the future): schedule the release, invisible until then (embargo); absent: publish now") String at,
        @OpenApiDescription("Only with at: who may read the release before its instant, by token id or token owner name (each must hold an active "
                + "load token for the dataset). Absent: every holder of a load token for the dataset; []: nobody. "
                + "Changeable until the instant with PUT …/releases/{releaseId}/pre-release-readers") java.util.List<String> preReleaseReaders) {
}
