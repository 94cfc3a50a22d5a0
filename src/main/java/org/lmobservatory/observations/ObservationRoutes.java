package org.lmobservatory.observations;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import org.lmobservatory.formats.JsonStatDataset;
import org.lmobservatory.formats.ObservationWriter;
import org.lmobservatory.formats.Writers;
import org.lmobservatory.web.Problem;

import java.io.OutputStream;

/** GET observations: parse the request, run it, and stream it out with the writer content negotiation picked. */
public final class ObservationRoutes {
    public static final String OBSERVATIONS = "/v1/datasets/{datasetId}/observations";

    private final ObservationService service;
    private final Writers writers = new Writers();

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
                    + "Standard formats: JSON-stat 2.0 (format=jsonstat or Accept: application/vnd.jsonstat+json, or application/json with "
                    + "profile=jsonstat), Excel (format=xlsx), SDMX-CSV 2.0 (format=sdmx-csv). CSV responses link their CSVW metadata "
                    + "(Link: rel=\"describedby\").",
            pathParams = @OpenApiParam(name = "datasetId", required = true, description = "Dataset id, e.g. unemployment-rate"),
            queryParams = {
                    @OpenApiParam(name = "time", description = "A period (2024, 2024-Q3, 2024-07) or a range 2019..2024 (either end may be left open)"),
                    @OpenApiParam(name = "lastPeriods", type = Integer.class, description = "The last N periods of the current release"),
                    @OpenApiParam(name = "geoLevel", description = "Only territorial codes of this level, e.g. region or municipality"),
                    @OpenApiParam(name = "geoParent", description = "Only territorial codes below this one, e.g. FI1B"),
                    @OpenApiParam(name = "format", description = "json (default), csv, jsonstat, xlsx or sdmx-csv"),
                    @OpenApiParam(name = "labels", description = "code, label or both (default); not for jsonstat, only code for sdmx-csv"),
                    @OpenApiParam(name = "layout", description = "csv and xlsx: long (default, a row per observation) or wide (a row per series, periods as columns)"),
                    @OpenApiParam(name = "csvSeparator", description = "csv: comma (default) or semicolon; semicolon files use the decimal mark of lang (a comma for every language but en)"),
                    @OpenApiParam(name = "bom", description = "csv: true starts the file with a UTF-8 byte order mark, for Excel"),
                    @OpenApiParam(name = "lang", description = "Label language: en, sq, sr, fi, sv, bg, pl, cs (falls back to English)")
            },
            responses = {
                    @OpenApiResponse(status = "200", content = {
                            @OpenApiContent(from = ObservationsDocument.class),
                            @OpenApiContent(mimeType = "text/csv", type = "string"),
                            @OpenApiContent(from = JsonStatDataset.class, mimeType = "application/vnd.jsonstat+json"),
                            @OpenApiContent(mimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", type = "string", format = "binary"),
                            @OpenApiContent(mimeType = "application/vnd.sdmx.data+csv", type = "string")}),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "413", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))
            })
    void observations(Context ctx) throws Exception {
        ObservationQuery query = service.parse(ctx.pathParam("datasetId"), ctx.queryParamMap(), ctx.header("Accept"));
        service.run(query, result -> {
            ObservationWriter writer = writers.forFormat(query.format());
            ctx.res().setCharacterEncoding(null); // else Jetty appends ";charset=utf-8" to binary types such as xlsx
            writers.headersFor(result).asMap().forEach(ctx::header);
            ctx.header("Vary", "Accept");
            OutputStream out = ctx.outputStream();
            writer.write(result, out);
            out.flush();
        });
    }
}
