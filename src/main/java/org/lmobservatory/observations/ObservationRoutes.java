package org.lmobservatory.observations;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import org.lmobservatory.formats.CsvObservationWriter;
import org.lmobservatory.formats.JsonObservationWriter;
import org.lmobservatory.formats.ObservationWriter;
import org.lmobservatory.web.Problem;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/** GET observations: parse the request, run it, and stream it out with the writer content negotiation picked. */
public final class ObservationRoutes {
    public static final String OBSERVATIONS = "/v1/datasets/{datasetId}/observations";

    private final ObservationService service;
    private final Map<OutputFormat, ObservationWriter> writers = Map.of(
            OutputFormat.JSON, new JsonObservationWriter(),
            OutputFormat.CSV, new CsvObservationWriter());

    public ObservationRoutes(ObservationService service) {
        this.service = service;
    }

    public void register(Javalin app) {
        app.get(OBSERVATIONS, this::observations);
    }

    @OpenApi(path = OBSERVATIONS, methods = HttpMethod.GET, tags = "Observations", operationId = "getObservations",
            summary = "Observations of a dataset",
            description = "Filter by any dimension of the dataset with its id as parameter (geo=FI1B,FI1C&sex=F), by territorial level "
                    + "and parent (geoLevel=municipality&geoParent=FI1B), and by time (time=2019..2024, time=2024-07, or lastPeriods=12 for "
                    + "a rolling window). Unknown parameters and codes are 400s that name the valid ones. A query that matches "
                    + "nothing is a 200 with an empty list and a warning. CSV (format=csv or Accept: text/csv) is RFC 4180, UTF-8. "
                    + "release= or asOf= reads an earlier release. Every response says how to cite it: a citation object in JSON, and "
                    + "for every format the headers Link: <permanent URL>; rel=\"cite-as\" and X-Release-Id.",
            pathParams = @OpenApiParam(name = "datasetId", required = true, description = "Dataset id, e.g. unemployment-rate"),
            queryParams = {
                    @OpenApiParam(name = "time", description = "A period (2024, 2024-Q3, 2024-07) or a range 2019..2024 (either end may be left open)"),
                    @OpenApiParam(name = "lastPeriods", type = Integer.class, description = "The last N periods of the current release"),
                    @OpenApiParam(name = "geoLevel", description = "Only territorial codes of this level, e.g. region or municipality"),
                    @OpenApiParam(name = "geoParent", description = "Only territorial codes below this one, e.g. FI1B"),
                    @OpenApiParam(name = "format", description = "json (default) or csv"),
                    @OpenApiParam(name = "labels", description = "code, label or both (default)"),
                    @OpenApiParam(name = "lang", description = "Label language: en, sq, sr, fi, sv, bg, pl, cs (falls back to English)"),
                    @OpenApiParam(name = "release", type = Long.class, description = "Read this release instead of the current one (ids at /v1/datasets/{datasetId}/releases); the citation's permanent URL pins it"),
                    @OpenApiParam(name = "asOf", description = "Read the release that was current at this moment: 2025-03-01T12:00:00Z, or a date for the end of that day (UTC)")
            },
            responses = {
                    @OpenApiResponse(status = "200", content = {
                            @OpenApiContent(from = ObservationsDocument.class),
                            @OpenApiContent(mimeType = "text/csv", type = "string")}),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "413", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))
            })
    void observations(Context ctx) throws Exception {
        ObservationQuery query = service.parse(ctx.pathParam("datasetId"), ctx.queryParamMap(), ctx.header("Accept"));
        service.run(query, result -> {
            ObservationWriter writer = writers.get(query.format());
            ctx.contentType(writer.contentType());
            if (query.format() == OutputFormat.CSV) {
                ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(result) + "\"");
            }
            ctx.header("Vary", "Accept");
            if (result.citation() != null) {
                // The citation travels in headers too, so a CSV body stays a plain table for spreadsheets.
                ctx.header("Link", result.citation().linkHeader());
                ctx.header("X-Release-Id", Long.toString(result.release().id()));
            }
            OutputStream out = ctx.outputStream();
            writer.write(result, out);
            out.flush();
        });
    }

    private static String fileName(ObservationResult result) {
        String filter = result.query().canonicalQuery()
                .replaceAll("(^|&)(format|lang|labels)=[^&]*", "")
                .replaceAll("[^A-Za-z0-9.=,-]+", "_")
                .replaceAll("^_+|_+$", "");
        String base = result.query().dataset().id() + "_release-" + result.release().id() + (filter.isEmpty() ? "" : "_" + filter);
        if (base.length() > 150) base = base.substring(0, 150);
        return base + "." + result.query().format().extension();
    }

    static List<String> formats() {
        return List.of("json", "csv");
    }
}
