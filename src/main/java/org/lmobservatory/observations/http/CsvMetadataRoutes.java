package org.lmobservatory.observations.http;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.router.JavalinDefaultRouting;
import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.db.Json;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.formats.CsvMetadata;
import org.lmobservatory.formats.CsvMetadataDocument;
import org.lmobservatory.formats.Writers;
import org.lmobservatory.observations.ObservationQuery;
import org.lmobservatory.observations.ObservationService;
import org.lmobservatory.releases.Release;
import org.lmobservatory.releases.ReleaseResolver;
import org.lmobservatory.web.NotAcceptable;
import org.lmobservatory.web.RouteSet;
import org.lmobservatory.web.Problem;
import org.eclipse.jetty.util.MultiMap;
import org.eclipse.jetty.util.UrlEncoded;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GET the CSVW metadata of a CSV observation query: the same parameters as the CSV, answered without reading any
 * observation. CSV responses link here with {@code Link: <…>; rel="describedby"}.
 */
public final class CsvMetadataRoutes implements RouteSet {
    public static final String CSV_METADATA = CsvMetadata.PATH;

    private final ObservationService service;
    private final CatalogueService catalogue;
    private final ReleaseResolver releases;
    private final String baseUrl;

    public CsvMetadataRoutes(ObservationService service, CatalogueService catalogue, ReleaseResolver releases, String baseUrl) {
        this.service = service;
        this.catalogue = catalogue;
        this.releases = releases;
        this.baseUrl = baseUrl;
    }

    @Override
    public void register(JavalinDefaultRouting routing) {
        routing.get(CSV_METADATA, NotAcceptable.produces(List.of(CsvMetadata.CONTENT_TYPE), this::csvMetadata));
    }

    @OpenApi(path = CSV_METADATA, methods = HttpMethod.GET, tags = "Observations", operationId = "getObservationsCsvMetadata",
            summary = "CSVW metadata of a CSV observation query",
            description = "W3C CSV on the Web (CSVW) metadata for the CSV that the same query returns from /observations: URL, dialect "
                    + "(separator, encoding), every column with its datatype and decimal mark, unit, codelist link, the flag legend, "
                    + "licence and citation. Takes every parameter of /observations; format may be csv (the default here), sdmx-csv or sdmx-csv-1.0. "
                    + "CSV responses point here with a Link header (rel=\"describedby\").",
            pathParams = @OpenApiParam(name = "datasetId", required = true, description = "Dataset id, e.g. unemployment-rate"),
            queryParams = {
                    @OpenApiParam(name = "format", description = "csv (default), sdmx-csv or sdmx-csv-1.0: the CSV to describe"),
                    @OpenApiParam(name = "labels", description = "code, label or both (default), as for the CSV"),
                    @OpenApiParam(name = "layout", description = "long (default) or wide, as for the CSV"),
                    @OpenApiParam(name = "csvSeparator", description = "comma (default) or semicolon, as for the CSV"),
                    @OpenApiParam(name = "bom", description = "true or false, as for the CSV"),
                    @OpenApiParam(name = "time", description = "As for the CSV: a period or range"),
                    @OpenApiParam(name = "lastPeriods", type = Integer.class, description = "As for the CSV"),
                    @OpenApiParam(name = "lang", description = "Language of titles and labels"),
                    @OpenApiParam(name = "release", type = Long.class, description = "As for the CSV: describe this release instead of the current one"),
                    @OpenApiParam(name = "asOf", description = "As for the CSV: describe the release that was current at this moment"),
                    @OpenApiParam(name = CsvMetadata.URL_PARAMETER, description = "The path and query the CSV was fetched with "
                            + "(/v1/datasets/{datasetId}/observations?…), as its Link header gives it: the metadata's url is then that URL "
                            + "(CSVW processors ignore metadata whose url is not the CSV's). Its query must be the same query as this one's; "
                            + "without it, url is the canonical CSV URL.")
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = CsvMetadataDocument.class, mimeType = CsvMetadata.CONTENT_TYPE)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))
            })
    void csvMetadata(Context ctx) throws Exception {
        // Whatever the client accepts, this describes a CSV: csv unless format= says sdmx-csv.
        Map<String, List<String>> params = new LinkedHashMap<>(ctx.queryParamMap());
        List<String> urls = params.remove(CsvMetadata.URL_PARAMETER);
        ObservationQuery query = service.parse(ctx.pathParam("datasetId"), params, "text/csv");
        if (!query.format().csvTable()) {
            throw ErrorKind.CONFLICTING_PARAMETERS.error("csv-metadata.json describes CSV responses: format=csv or "
                    + "format=sdmx-csv or sdmx-csv-1.0, not format=" + query.format().parameter() + ".", Map.of("parameter", "format"));
        }
        // The CSV's describedby link carries its release= or asOf=, so this describes the release that CSV was read from.
        Release release = releases.resolve(query.dataset().id(), query.release());
        ctx.contentType(CsvMetadata.CONTENT_TYPE);
        String csvUrl = urls == null ? Writers.csvPath(query) : requestedCsv(query, urls);
        ctx.result(Json.MAPPER.writeValueAsBytes(CsvMetadata.describe(query, release, baseUrl, csvUrl,
                catalogue.disclosure(release.id()).isPresent())));
    }

    /**
     * The CSV URL named by url=, once checked to be this dataset's observations with the same query as this request's
     * (so the metadata cannot be made to describe, or name, a CSV it does not describe).
     */
    private String requestedCsv(ObservationQuery query, List<String> urls) {
        if (urls.size() != 1) {
            throw ErrorKind.REPEATED_PARAMETER.error("Parameter '" + CsvMetadata.URL_PARAMETER + "' may be given only once.",
                    Map.of("parameter", CsvMetadata.URL_PARAMETER));
        }
        String url = urls.get(0);
        String path = ObservationRoutes.OBSERVATIONS.replace("{datasetId}", query.dataset().id());
        int q = url.indexOf('?');
        String rawQuery = q < 0 ? "" : url.substring(q + 1);
        if (!(q < 0 ? url : url.substring(0, q)).equals(path)) {
            throw ErrorKind.INVALID_PARAMETER.error("Parameter '" + CsvMetadata.URL_PARAMETER + "' must be the path and query of this "
                    + "dataset's observations, " + path + "?…; got '" + url + "'.", Map.of("parameter", CsvMetadata.URL_PARAMETER));
        }
        MultiMap<String> decoded = new MultiMap<>();
        try {
            UrlEncoded.decodeUtf8To(rawQuery, decoded);
        } catch (IllegalArgumentException e) {
            throw ErrorKind.INVALID_PARAMETER.error("Parameter '" + CsvMetadata.URL_PARAMETER + "' has a malformed query: " + e.getMessage(),
                    Map.of("parameter", CsvMetadata.URL_PARAMETER));
        }
        // The CSV may have had its format from Accept, so it is read with this sidecar's format as what it accepted.
        ObservationQuery csv = service.parse(query.dataset().id(), decoded, query.format().contentType());
        if (!Writers.csvPath(csv).equals(Writers.csvPath(query))) {
            throw ErrorKind.CONFLICTING_PARAMETERS.error("Parameter '" + CsvMetadata.URL_PARAMETER + "' names another query than this "
                    + "sidecar's: " + Writers.csvPath(csv) + " is not " + Writers.csvPath(query) + ".",
                    Map.of("parameter", CsvMetadata.URL_PARAMETER));
        }
        return url;
    }
}
