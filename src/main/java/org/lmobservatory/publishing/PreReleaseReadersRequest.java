package org.lmobservatory.publishing;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiRequired;

import java.util.List;

/** Body of PUT …/releases/{releaseId}/pre-release-readers (documentation of the contract; the route reads it as a tree). */
public record PreReleaseReadersRequest(
        @OpenApiRequired @OpenApiDescription("Token ids or owner names; [] for nobody; null for the default (every load token holder of the dataset)")
        List<String> preReleaseReaders) {
}
