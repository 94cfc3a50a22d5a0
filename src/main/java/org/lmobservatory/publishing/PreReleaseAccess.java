package org.lmobservatory.publishing;

import io.javalin.openapi.OpenApiDescription;

import java.util.List;

/** Who may read a scheduled release before its instant: GET and PUT …/releases/{releaseId}/pre-release-readers. */
public record PreReleaseAccess(
        String datasetId,
        long releaseId,
        @OpenApiDescription("The token ids and owner names named for the release; null when none were named") List<String> preReleaseReaders,
        @OpenApiDescription("named (only those listed, none for []) or dataset-token-holders (the default: every holder of a load token for the dataset)") String rule) {

    static PreReleaseAccess of(String datasetId, long releaseId, java.util.Optional<List<String>> named) {
        return new PreReleaseAccess(datasetId, releaseId, named.orElse(null), named.isPresent() ? "named" : "dataset-token-holders");
    }
}
