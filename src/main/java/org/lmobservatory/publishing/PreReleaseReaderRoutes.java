package org.lmobservatory.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import io.javalin.router.JavalinDefaultRouting;
import org.lmobservatory.db.Json;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.web.NotAcceptable;
import org.lmobservatory.web.Problem;
import org.lmobservatory.web.QueryParams;
import org.lmobservatory.web.RouteSet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Who may read a scheduled release before its instant: read and change the list (part of the publisher API). */
final class PreReleaseReaderRoutes implements RouteSet {
    static final String READERS = PublishingRoutes.PREFIX + "/datasets/{datasetId}/releases/{releaseId}/pre-release-readers";
    private static final String PROBLEM = "application/problem+json";
    private static final String EXAMPLE = "{\"preReleaseReaders\": [\"3f2a9c0d1e4b5a67\", \"Ministry of Labour\"]}";

    private final PublishingService service;

    PreReleaseReaderRoutes(PublishingService service) {
        this.service = service;
    }

    @Override
    public void register(JavalinDefaultRouting routing) {
        routing.get(READERS, NotAcceptable.json(this::read));
        routing.put(READERS, NotAcceptable.json(this::change));
    }

    @OpenApi(path = READERS, methods = HttpMethod.GET, tags = "Publishing", operationId = "getPreReleaseReaders",
            summary = "Who may read a scheduled release before its instant",
            description = "The token ids and owner names named for the release, or rule dataset-token-holders when none were named "
                    + "(then every holder of a load token for the dataset may read it early). Needs a token with scope publish for the dataset.",
            security = @OpenApiSecurity(name = PublishingRoutes.SCHEME),
            pathParams = {@OpenApiParam(name = "datasetId", required = true, description = "Dataset id"),
                    @OpenApiParam(name = "releaseId", required = true, type = Long.class, description = "The release")},
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = PreReleaseAccess.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "401", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    void read(Context ctx) {
        QueryParams.requireOnly(ctx, Set.of());
        ctx.json(service.preReleaseReaders(caller(ctx), ctx.pathParam("datasetId"), releaseId(ctx)));
    }

    @OpenApi(path = READERS, methods = HttpMethod.PUT, tags = "Publishing", operationId = "setPreReleaseReaders",
            summary = "Name who may read a scheduled release before its instant",
            description = "Replaces the list: token ids (as 'token list' shows them) or owner names (every token of that owner), each holding an "
                    + "active load token for the dataset, else a 400 naming the unknown ones. Only those named can read the release early "
                    + "(GET …/releases/{releaseId}/observations, Cache-Control: private, no-store); another token of the dataset gets a 404, as the "
                    + "public does. [] names nobody; null restores the default (every holder of a load token for the dataset). "
                    + "Only while the release is scheduled (a published or cancelled one is a 409). Audited. Needs a token with scope publish.",
            security = @OpenApiSecurity(name = PublishingRoutes.SCHEME),
            pathParams = {@OpenApiParam(name = "datasetId", required = true, description = "Dataset id"),
                    @OpenApiParam(name = "releaseId", required = true, type = Long.class, description = "The scheduled release")},
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = PreReleaseReadersRequest.class)),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = PreReleaseAccess.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "401", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    void change(Context ctx) {
        QueryParams.requireOnly(ctx, Set.of());
        long releaseId = releaseId(ctx);
        ctx.json(service.namePreReleaseReaders(caller(ctx), ctx.pathParam("datasetId"), releaseId, names(ctx)));
    }

    /**
     * The body's list; null for an explicit null. The member must be there: a body without it (a typo, {}) is a 400
     * rather than a silent return to the default rule.
     */
    private static List<String> names(Context ctx) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.bodyInputStream());
        } catch (IOException e) {
            throw ErrorKind.INVALID_BODY.error("The body must be JSON like " + EXAMPLE + ": " + e.getMessage());
        }
        if (body == null || !body.isObject() || !body.has("preReleaseReaders")) {
            throw ErrorKind.INVALID_BODY.error("The body must be JSON like " + EXAMPLE + " (null restores the default: every load token holder of the dataset).",
                    Map.of("member", "preReleaseReaders"));
        }
        JsonNode list = body.get("preReleaseReaders");
        if (list.isNull()) return null;
        if (!list.isArray()) throw ErrorKind.INVALID_BODY.error("\"preReleaseReaders\" must be an array of strings or null.", Map.of("member", "preReleaseReaders"));
        List<String> names = new ArrayList<>();
        for (JsonNode n : list) {
            if (!n.isTextual()) throw ErrorKind.INVALID_BODY.error("\"preReleaseReaders\" must hold strings (token ids or owner names), not " + n + ".",
                    Map.of("member", "preReleaseReaders"));
            names.add(n.asText());
        }
        return names;
    }

    private static long releaseId(Context ctx) {
        String releaseId = ctx.pathParam("releaseId");
        if (!releaseId.matches("\\d{1,18}")) {
            throw ErrorKind.INVALID_PARAMETER.error("releaseId must be a whole number, not '" + releaseId + "'.", Map.of("parameter", "releaseId"));
        }
        return Long.parseLong(releaseId);
    }

    private static PublishingService.Caller caller(Context ctx) {
        return new PublishingService.Caller(ctx.header("Authorization"), ctx.ip());
    }
}
