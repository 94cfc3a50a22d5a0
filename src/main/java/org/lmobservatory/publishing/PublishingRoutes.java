package org.lmobservatory.publishing;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import org.lmobservatory.formats.ObservationWriter;
import org.lmobservatory.formats.Writers;
import org.lmobservatory.observations.ObservationQuery;
import org.lmobservatory.observations.ObservationService;
import org.lmobservatory.releases.Embargo;
import org.lmobservatory.releases.Release;
import org.lmobservatory.loader.formats.InputFormats;
import org.lmobservatory.web.NotAcceptable;
import org.lmobservatory.web.Problem;
import org.lmobservatory.web.QueryParams;
import org.lmobservatory.web.RouteSet;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The publisher API, apart from the public read API: bearer tokens, never cached ({@code Cache-Control: no-store}),
 * never in the response cache (only observation routes use it). It stays under the rate limiter: a client that
 * guesses tokens is one more reason for it, and data owners send a handful of requests.
 */
public final class PublishingRoutes implements RouteSet {
    public static final String PREFIX = "/v1/publish";
    public static final String UPLOADS = PREFIX + "/datasets/{datasetId}/uploads";
    public static final String UPLOAD = PREFIX + "/datasets/{datasetId}/uploads/{loadId}";
    public static final String RELEASES = PREFIX + "/datasets/{datasetId}/releases";
    public static final String PRE_RELEASE = PREFIX + "/datasets/{datasetId}/releases/{releaseId}/observations";
    public static final String RESCHEDULE = PREFIX + "/datasets/{datasetId}/releases/{releaseId}/reschedule";
    public static final String CANCEL = PREFIX + "/datasets/{datasetId}/releases/{releaseId}/cancel";
    /** The security scheme's name in the OpenAPI document (web/OpenApiContract defines it). */
    public static final String SCHEME = "publisherToken";
    /** Media types an upload may have: the formats the loader reads (it detects which from the content). */
    static final Set<String> UPLOAD_TYPES = Set.of("text/csv", "text/plain", "text/tab-separated-values", "application/json",
            "application/vnd.sdmx.data+csv", "application/octet-stream");
    private static final String PROBLEM = "application/problem+json";

    private final PublishingService service;
    private final ObservationService ownerObservations;
    private final Writers writers = new Writers();

    /** ownerObservations: the observation facade over the owner's connections, the only ones that see a scheduled release. */
    public PublishingRoutes(PublishingService service, ObservationService ownerObservations) {
        this.service = service;
        this.ownerObservations = ownerObservations;
    }

    @Override
    public void register(JavalinDefaultRouting routing) {
        // Reports and tokens' answers are for their holder only: no browser, proxy or CDN keeps them.
        routing.before(PREFIX + "/*", ctx -> ctx.header("Cache-Control", "no-store"));
        routing.post(UPLOADS, NotAcceptable.json(this::upload));
        routing.get(UPLOAD, NotAcceptable.json(this::report));
        routing.post(RELEASES, NotAcceptable.json(this::publish));
        routing.get(PRE_RELEASE, this::preRelease);
        routing.post(RESCHEDULE, NotAcceptable.json(this::reschedule));
        routing.post(CANCEL, NotAcceptable.json(this::cancel));
        new PreReleaseReaderRoutes(service).register(routing);
    }

    @OpenApi(path = RESCHEDULE, methods = HttpMethod.POST, tags = "Publishing", operationId = "rescheduleRelease",
            summary = "Move a scheduled release to another announced instant",
            description = "The body names the new instant (ISO 8601 with offset, in the future) and the reason, which the public release "
                    + "calendar shows with the earlier date; the iCalendar feed raises the event's SEQUENCE so calendar applications update. "
                    + "A release that is published or cancelled is a 409; a past or malformed instant, or no reason, a 400. "
                    + "Needs a token with scope publish for the dataset. The same as the command line's release reschedule.",
            security = @OpenApiSecurity(name = SCHEME),
            pathParams = {@OpenApiParam(name = "datasetId", required = true, description = "Dataset id"),
                    @OpenApiParam(name = "releaseId", required = true, type = Long.class, description = "The scheduled release")},
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = ScheduleChangeRequest.class)),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = ScheduleChanged.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "401", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    void reschedule(Context ctx) {
        changeSchedule(ctx, false);
    }

    @OpenApi(path = CANCEL, methods = HttpMethod.POST, tags = "Publishing", operationId = "cancelRelease",
            summary = "Cancel a scheduled release",
            description = "The release never becomes visible: its rows are deleted, the calendar keeps it marked cancelled with the reason "
                    + "given in the body (required). A release that is published or already cancelled is a 409. "
                    + "Needs a token with scope publish for the dataset. The same as the command line's release cancel.",
            security = @OpenApiSecurity(name = SCHEME),
            pathParams = {@OpenApiParam(name = "datasetId", required = true, description = "Dataset id"),
                    @OpenApiParam(name = "releaseId", required = true, type = Long.class, description = "The scheduled release")},
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = ScheduleChangeRequest.class)),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = ScheduleChanged.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "401", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    void cancel(Context ctx) {
        changeSchedule(ctx, true);
    }

    private void changeSchedule(Context ctx, boolean cancel) {
        QueryParams.requireOnly(ctx, Set.of());
        String releaseId = ctx.pathParam("releaseId");
        if (!releaseId.matches("\\d{1,18}")) {
            throw ErrorKind.INVALID_PARAMETER.error("releaseId must be a whole number, not '" + releaseId + "'.", Map.of("parameter", "releaseId"));
        }
        ScheduleChangeRequest request = body(ctx, ScheduleChangeRequest.class, "{\"at\": \"2026-12-01T09:00:00+01:00\", \"reason\": \"…\"}");
        ctx.json(service.changeSchedule(caller(ctx), ctx.pathParam("datasetId"), Long.parseLong(releaseId), request, cancel));
    }

    /** The JSON body as a record; a missing, empty or malformed body is a 400 that shows what is expected. */
    private static <T> T body(Context ctx, Class<T> type, String example) {
        T value;
        try {
            value = Json.MAPPER.readValue(ctx.bodyInputStream(), type);
        } catch (JsonProcessingException e) {
            throw ErrorKind.INVALID_BODY.error("The body must be JSON like " + example + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ErrorKind.INVALID_BODY.error("The body could not be read: " + e.getMessage());
        }
        if (value == null) throw ErrorKind.INVALID_BODY.error("The body must be JSON like " + example + ".");
        return value;
    }

    @OpenApi(path = PRE_RELEASE, methods = HttpMethod.GET, tags = "Publishing", operationId = "readPreRelease",
            summary = "Read a scheduled release before its instant (pre-release access)",
            description = "The observations of a release of the dataset, a scheduled one included, for holders of a token with scope load "
                    + "for the dataset (those who hand in and check its files) and, when readers were named for the release (preReleaseReaders), "
                    + "only for those: another token of the dataset gets a 404. Every read is audited. Same filters and formats as the public observations "
                    + "(release= and asOf= do not apply: the release is in the path). Answers carry Cache-Control: private, no-store "
                    + "and are never cached by the server. A cancelled or unknown release is a 404; nobody else can read a scheduled release "
                    + "by any endpoint.",
            security = @OpenApiSecurity(name = SCHEME),
            pathParams = {@OpenApiParam(name = "datasetId", required = true, description = "Dataset id"),
                    @OpenApiParam(name = "releaseId", required = true, type = Long.class, description = "Release id (published or scheduled)")},
            queryParams = @OpenApiParam(name = "format", description = "json, csv, jsonstat, xlsx, sdmx-csv, … as on the public observations"),
            responses = {
                    @OpenApiResponse(status = "200", description = "The observations, in the format asked for"),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "401", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    void preRelease(Context ctx) throws Exception {
        String releaseId = ctx.pathParam("releaseId");
        if (!releaseId.matches("\\d{1,18}")) {
            throw ErrorKind.INVALID_PARAMETER.error("releaseId must be a whole number, not '" + releaseId + "'.", Map.of("parameter", "releaseId"));
        }
        Map<String, List<String>> params = ctx.queryParamMap();
        for (String pin : List.of("release", "asOf")) {
            if (params.containsKey(pin)) {
                throw ErrorKind.INVALID_PARAMETER.error(pin + "= does not apply here: the release is named in the path.", Map.of("parameter", pin));
            }
        }
        String datasetId = ctx.pathParam("datasetId");
        Release release = service.preRelease(caller(ctx), datasetId, Long.parseLong(releaseId));
        ObservationQuery query = ownerObservations.parse(datasetId, params, ctx.header("Accept"));
        ownerObservations.run(query, release, ctx.path(), result -> {
            ObservationWriter writer = writers.forFormat(query.format());
            writers.headersFor(result).asMap().forEach(ctx::header);
            ctx.header("X-Release-Id", Long.toString(release.id()));
            // After the format's headers, which may name their own caching: a pre-release answer is for its reader only.
            ctx.header("Cache-Control", Embargo.PRE_RELEASE_CACHE_CONTROL);
            ctx.res().setCharacterEncoding(null);
            ctx.contentType(writer.contentType());
            writer.write(result, ctx.res().getOutputStream());
        });
    }

    @OpenApi(path = UPLOADS, methods = HttpMethod.POST, tags = "Publishing", operationId = "uploadFile",
            summary = "Upload a data file for validation (staged, not published)",
            description = "The request body is the file itself, streamed (any format the command line loads; detected from the content "
                    + "unless format= names it). It is validated by the same loader as 'load' into staging and answered with a report: "
                    + "status valid or invalid, the loader's file:line: reason errors, rows, checksum, and the first changes against the "
                    + "current release (added, removed, revised cells, with totals). An invalid file is a report too (201, status invalid). "
                    + "Needs a token with scope load for the dataset.",
            security = @OpenApiSecurity(name = SCHEME),
            pathParams = @OpenApiParam(name = "datasetId", required = true, description = "Dataset id"),
            queryParams = {
                    @OpenApiParam(name = "file", description = "File name the errors refer to (default upload.csv)"),
                    @OpenApiParam(name = "format", description = "Input format, when detection should not decide: long-csv, wide-csv, sdmx-csv, eurostat-tsv, jsonstat")
            },
            requestBody = @OpenApiRequestBody(required = true, content = {
                    @OpenApiContent(mimeType = "text/csv", type = "string"),
                    @OpenApiContent(mimeType = "application/octet-stream", type = "string")}),
            responses = {
                    @OpenApiResponse(status = "201", description = "The load was made (valid or invalid); Location is its report",
                            content = @OpenApiContent(from = UploadReport.class)),
                    @OpenApiResponse(status = "200", description = "The file is identical to the current release's: nothing was staged",
                            content = @OpenApiContent(from = UploadReport.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "401", description = "No token, or an unknown, revoked or expired one",
                            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "403", description = "The token is not for this dataset or not for loading",
                            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "413", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "415", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    void upload(Context ctx) throws IOException {
        QueryParams.requireOnly(ctx, Set.of("file", "format"));
        Optional<String> format = Optional.ofNullable(QueryParams.single(ctx, "format"));
        List<String> formats = new java.util.ArrayList<>();
        InputFormats.names().forEach(formats::add);
        if (format.isPresent() && !formats.contains(format.get())) {
            throw ErrorKind.INVALID_PARAMETER.error("format must be one of " + String.join(", ", formats) + ".",
                    Map.of("parameter", "format"));
        }
        String type = Optional.ofNullable(ctx.contentType()).map(t -> t.split(";")[0].trim().toLowerCase(Locale.ROOT)).orElse("");
        if (!UPLOAD_TYPES.contains(type)) {
            throw ErrorKind.UNSUPPORTED_MEDIA_TYPE.error("Send the file as the request body with Content-Type text/csv (or one of "
                    + String.join(", ", UPLOAD_TYPES.stream().sorted().toList()) + "), not '" + type + "'.",
                    Map.of("acceptable", UPLOAD_TYPES.stream().sorted().toList()));
        }
        UploadReport report = service.upload(caller(ctx), ctx.pathParam("datasetId"), ctx.req().getInputStream(),
                QueryParams.single(ctx, "file"), format);
        if (report.loadId() != null) {
            ctx.status(201).header("Location", UPLOAD.replace("{datasetId}", report.datasetId()).replace("{loadId}", report.loadId().toString()));
        }
        ctx.json(report);
    }

    @OpenApi(path = UPLOAD, methods = HttpMethod.GET, tags = "Publishing", operationId = "getUploadReport",
            summary = "The validation report of an upload, again",
            description = "Status, errors and the changes against the current release, as when the file was uploaded (the changes are "
                    + "computed anew, so they reflect a release published since). Needs a token with scope load for the dataset.",
            security = @OpenApiSecurity(name = SCHEME),
            pathParams = {@OpenApiParam(name = "datasetId", required = true, description = "Dataset id"),
                    @OpenApiParam(name = "loadId", required = true, type = Long.class, description = "loadId of the upload's report")},
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = UploadReport.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "401", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    void report(Context ctx) {
        QueryParams.requireOnly(ctx, Set.of());
        String loadId = ctx.pathParam("loadId");
        if (!loadId.matches("\\d{1,18}")) {
            throw ErrorKind.INVALID_PARAMETER.error("loadId must be a whole number, not '" + loadId + "'.", Map.of("parameter", "loadId"));
        }
        ctx.json(service.report(caller(ctx), ctx.pathParam("datasetId"), Long.parseLong(loadId)));
    }

    @OpenApi(path = RELEASES, methods = HttpMethod.POST, tags = "Publishing", operationId = "publishLoad",
            summary = "Publish a validated load now, or schedule it for an announced instant",
            description = "Makes the load the dataset's current release, atomically, as 'publish' does; the public API serves it at once. "
                    + "Answers the release id and its permanent URL. A load that is not valid (invalid, already published) is a 409. "
                    + "With \"at\" (an instant with offset, in the future) the release is written now but invisible on every endpoint until that "
                    + "instant, listed on /v1/calendar; a second scheduled release of the dataset is a 409, a past or malformed instant a 400. "
                    + "Needs a token with scope publish for the dataset.",
            security = @OpenApiSecurity(name = SCHEME),
            pathParams = @OpenApiParam(name = "datasetId", required = true, description = "Dataset id"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = PublishRequest.class)),
            responses = {
                    @OpenApiResponse(status = "201", content = @OpenApiContent(from = PublishedRelease.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "401", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    void publish(Context ctx) {
        QueryParams.requireOnly(ctx, Set.of());
        PublishRequest request = body(ctx, PublishRequest.class, "{\"load\": 42, \"note\": \"…\"}");
        PublishedRelease release = service.publish(caller(ctx), ctx.pathParam("datasetId"), request);
        ctx.status(201).header("Location", release.citation()).json(release);
    }

    private static PublishingService.Caller caller(Context ctx) {
        return new PublishingService.Caller(ctx.header("Authorization"), ctx.ip());
    }

    static List<String> uploadTypes() {
        return UPLOAD_TYPES.stream().sorted().toList();
    }
}
