package org.lmobservatory.observations.http;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.router.JavalinDefaultRouting;
import org.lmobservatory.catalogue.LifecycleHeaders;
import org.lmobservatory.formats.JsonStatDataset;
import org.lmobservatory.formats.ObservationWriter;
import org.lmobservatory.formats.Writers;
import org.lmobservatory.observations.ObservationQuery;
import org.lmobservatory.observations.ObservationResult;
import org.lmobservatory.observations.ResultFilter;
import org.lmobservatory.observations.ObservationService;
import org.lmobservatory.observations.ObservationsDocument;
import org.lmobservatory.releases.Release;
import org.lmobservatory.releases.ReleaseResolver;
import org.lmobservatory.web.EncodedResponse;
import org.lmobservatory.web.CanonicalQuery;
import org.lmobservatory.web.RouteSet;
import org.lmobservatory.web.HttpCaching;
import org.lmobservatory.web.JettyProblems;
import org.lmobservatory.web.Problem;
import org.lmobservatory.web.QueryParams;
import org.lmobservatory.web.FrontCache;
import org.lmobservatory.web.ResponseCache;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPOutputStream;

/**
 * GET observations: parse, answer 304 or from the cache when possible, otherwise run the query and either
 * encode it once into the cache (small results) or stream it from the database cursor (large ones). POST …/query
 * takes the same query as a JSON body (for code lists too long for a URL) and answers exactly as the GET would.
 */
public final class ObservationRoutes implements RouteSet {
    public static final String OBSERVATIONS = "/v1/datasets/{datasetId}/observations";
    public static final String QUERY = OBSERVATIONS + "/query";
    /** RFC 9110 §4.1: every sender and recipient should support URIs of at least 8,000 octets; longer ones are not promised to work. */
    static final int MAX_URL_OCTETS = 8_000;
    /** What the Link header may take of the response header block (JettyProblems), leaving room for every other field. */
    static final int MAX_LINK_OCTETS = JettyProblems.MAX_RESPONSE_HEADER_BYTES - 8 * 1024;
    /** Results up to this many cells are encoded once and cached; larger ones stream and are not kept. */
    static final long CACHEABLE_CELLS = 50_000;

    private final ObservationService service;
    private final ReleaseResolver releases;
    private final ResponseCache cache;
    private final BooleanSupplier databaseFailing;
    private final Writers writers = new Writers();

    /** {@code databaseFailing}: true while the database cannot be reached, so cached answers go out marked stale. */
    public ObservationRoutes(ObservationService service, ReleaseResolver releases, ResponseCache cache, BooleanSupplier databaseFailing) {
        this.service = service;
        this.releases = releases;
        this.cache = cache;
        this.databaseFailing = databaseFailing;
    }

    @Override
    public void register(JavalinDefaultRouting routing) {
        routing.get(OBSERVATIONS, this::observations);
        routing.post(QUERY, this::query);
    }

    @OpenApi(path = OBSERVATIONS, methods = HttpMethod.GET, tags = "Observations", operationId = "getObservations",
            summary = "Observations of a dataset",
            description = "Filter by any dimension of the dataset with its id as parameter (geo=FI1B,FI1C&sex=F), by territorial level "
                    + "and parent (geoLevel=municipality&geoParent=FI1B), and by time (time=2019..2024, time=2024-07, or lastPeriods=12 for "
                    + "a rolling window). Groups of a grouping defined over a dimension's codelist (listed at /v1/codelists/{id}) are asked "
                    + "for like codes (geo=FI_TEA_UUSIMAA) or all at once (geoLevel=FI_EMPLOYMENT_AREA): their values are computed from "
                    + "the members' published values for the periods each group is valid (counts summed, ratios recomputed from summed "
                    + "numerators and denominators; medians, means, quantiles and categories are a 400 not-aggregatable; flag i: a member "
                    + "had no value; c: a member is confidential, so the group's value is withheld). "
                    + "Unknown parameters and codes are 400s that name the valid ones. A query that matches "
                    + "nothing is a 200 with an empty list and a warning. JSON is paged (limit, next link); CSV (format=csv or "
                    + "Accept: text/csv) is RFC 4180, UTF-8, whole results up to the CSV cell limit. "
                    + "Standard formats: JSON-stat 2.0 (format=jsonstat or Accept: application/vnd.jsonstat+json, or application/json with "
                    + "profile=jsonstat), Excel (format=xlsx), SDMX-CSV 2.0 (format=sdmx-csv, or Accept: application/vnd.sdmx.data+csv), SDMX-CSV 1.0 "
                    + "(format=sdmx-csv-1.0, or Accept: application/vnd.sdmx.data+csv;version=1.0.0), SDMX-ML 2.1 GenericData and "
                    + "StructureSpecificData (format=sdmx-genericdata, sdmx-structurespecificdata, or their SDMX media types); the SDMX "
                    + "formats name the dataflow LMO:{datasetId}(1.0) whose structure is at /sdmx/2.1/datastructure. CSV responses link their CSVW metadata "
                    + "(Link: rel=\"describedby\"). Responses carry a strong ETag that changes only when the dataset is republished; "
                    + "send If-None-Match to get a 304. release= or asOf= reads an earlier release. Every response says how to cite it: "
                    + "a citation object in JSON, and for every format the headers Link: <permanent URL>; rel=\"cite-as\" and X-Release-Id. "
                    + "A discontinued dataset's answers also carry Deprecation (RFC 9745, the date it was discontinued) and, when it has a "
                    + "successor, Link: </v1/datasets/{successor}>; rel=\"successor-version\".",
            pathParams = @OpenApiParam(name = "datasetId", required = true, description = "Dataset id, e.g. unemployment-rate"),
            queryParams = {
                    @OpenApiParam(name = "time", description = "A period (2024, 2024-Q3, 2024-07) or a range 2019..2024 (either end may be left open)"),
                    @OpenApiParam(name = "lastPeriods", type = Integer.class, description = "The last N periods of the current release"),
                    @OpenApiParam(name = "geoLevel", description = "Only territorial codes of this level, e.g. region or municipality; or the id of a grouping over the territorial codelist, for every group of it (e.g. FI_EMPLOYMENT_AREA)"),
                    @OpenApiParam(name = "geoParent", description = "Only territorial codes below this one, e.g. FI1B"),
                    @OpenApiParam(name = "format", description = "json (default), csv, jsonstat, xlsx, sdmx-csv (2.0), sdmx-csv-1.0, sdmx-genericdata or sdmx-structurespecificdata"),
                    @OpenApiParam(name = "labels", description = "code, label or both (default); not for jsonstat, only code for sdmx-csv"),
                    @OpenApiParam(name = "layout", description = "csv and xlsx: long (default, a row per observation) or wide (a row per series, periods as columns)"),
                    @OpenApiParam(name = "csvSeparator", description = "csv: comma (default) or semicolon; semicolon files use the decimal mark of lang (a comma for every language but en)"),
                    @OpenApiParam(name = "bom", description = "csv: true starts the file with a UTF-8 byte order mark, for Excel"),
                    @OpenApiParam(name = "lang", description = "Label language: en, sq, sr, fi, sv, bg, pl, cs (falls back to English)"),
                    @OpenApiParam(name = "limit", type = Integer.class, description = "JSON rows per page (default 10000, at most the JSON cell limit)"),
                    @OpenApiParam(name = "cursor", description = "Opaque position of the next page; take it from links.next"),
                    @OpenApiParam(name = "release", type = Long.class, description = "Read this release instead of the current one (ids at /v1/datasets/{datasetId}/releases); the citation's permanent URL pins it"),
                    @OpenApiParam(name = "asOf", description = "Read the release that was current at this moment: 2025-03-01T12:00:00Z, or a date for the end of that day (UTC)")
            },
            responses = {
                    @OpenApiResponse(status = "200", content = {
                            @OpenApiContent(from = ObservationsDocument.class),
                            @OpenApiContent(mimeType = "text/csv", type = "string"),
                            @OpenApiContent(from = JsonStatDataset.class, mimeType = "application/vnd.jsonstat+json"),
                            @OpenApiContent(mimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", type = "string", format = "binary"),
                            @OpenApiContent(mimeType = "application/vnd.sdmx.data+csv", type = "string"),
                            @OpenApiContent(mimeType = "application/vnd.sdmx.genericdata+xml", type = "string"),
                            @OpenApiContent(mimeType = "application/vnd.sdmx.structurespecificdata+xml", type = "string")}),
                    @OpenApiResponse(status = "304", description = "Not modified: the If-None-Match ETag is current"),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "413", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))
            })
    void observations(Context ctx) throws Exception {
        ObservationQuery query = service.parse(ctx.pathParam("datasetId"), ctx.queryParamMap(), ctx.header("Accept"));
        // CSVW: the sidecar's url must be the URL this CSV was fetched with, as the client spelt it (not the canonical query).
        String requested = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
        answer(ctx, query, ctx.path(), true, null, requested, null, null);
    }

    @OpenApi(path = QUERY, methods = HttpMethod.POST, tags = "Observations", operationId = "queryObservations",
            summary = "Observations of a dataset, the query in a JSON body",
            description = "The query of GET /v1/datasets/{datasetId}/observations as a JSON object, for code lists too long for a URL "
                    + "(up to the codes per dimension at /v1/limits, in every dimension at once): {\"filters\": {\"geo\": [\"FI1B\", \"FI1C\"], "
                    + "\"sex\": [\"F\"]}, \"time\": \"2020..2024\", \"format\": \"csv\"}. Dimension codes go in filters; every other GET "
                    + "parameter is a member of the same name (lastPeriods, limit and release are integers, bom a boolean). The query is "
                    + "validated exactly as the GET's, and the answer is the GET's: the same body byte for byte, the same headers (ETag, "
                    + "Cache-Control, Link, X-Release-Id), content negotiation by Accept or format. The answer to a POST is not stored by "
                    + "shared caches; when the equivalent GET URL is at most 8000 octets, Content-Location names it, to cache, revalidate "
                    + "(If-None-Match) or cite. Content-Type must be application/json (415 otherwise); a body over the size at /v1/limits "
                    + "is a 413; malformed JSON, a member of the wrong type, an unknown or repeated member, or a query parameter in the URL "
                    + "is a 400.",
            pathParams = @OpenApiParam(name = "datasetId", required = true, description = "Dataset id, e.g. unemployment-rate"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = ObservationQueryRequest.class)),
            responses = {
                    @OpenApiResponse(status = "200", headers = @OpenApiParam(name = "Content-Location",
                            description = "The equivalent GET URL, when it is at most 8000 octets"), content = {
                            @OpenApiContent(from = ObservationsDocument.class),
                            @OpenApiContent(mimeType = "text/csv", type = "string"),
                            @OpenApiContent(from = JsonStatDataset.class, mimeType = "application/vnd.jsonstat+json"),
                            @OpenApiContent(mimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", type = "string", format = "binary"),
                            @OpenApiContent(mimeType = "application/vnd.sdmx.data+csv", type = "string"),
                            @OpenApiContent(mimeType = "application/vnd.sdmx.genericdata+xml", type = "string"),
                            @OpenApiContent(mimeType = "application/vnd.sdmx.structurespecificdata+xml", type = "string")}),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "413", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "415", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))
            })
    void query(Context ctx) throws Exception {
        // One query, one place: parameters in the URL as well would leave it unclear which of the two counts.
        QueryParams.requireOnly(ctx, Set.of());
        Map<String, List<String>> params = ObservationQueryBody.read(ctx);
        ObservationQuery query = service.parse(ctx.pathParam("datasetId"), params, ctx.header("Accept"));
        String observationsPath = ctx.path().substring(0, ctx.path().length() - "/query".length());
        CanonicalQuery canonical = query.canonicalQuery();
        String get = canonical.isEmpty() ? observationsPath : observationsPath + "?" + canonical.encoded();
        // RFC 9110 §8.7: a Content-Location other than the target URI names the resource this representation is of, so
        // the ETag and Cache-Control below are that GET's, and a client may cache, revalidate and cite it there.
        answer(ctx, query, observationsPath, false, get.length() <= MAX_URL_OCTETS ? get : null, null, null, null);
    }

    /**
     * The answer of GET observations to a query parsed elsewhere (the SDMX REST data endpoint): same release, ETag,
     * cache and writers; links and citations name the equivalent /v1 URL.
     */
    public void answer(Context ctx, ObservationQuery query) throws Exception {
        answer(ctx, query, null);
    }

    /** As {@link #answer(Context, ObservationQuery)}, the rows narrowed by filter (null: none) on their way to the writer. */
    public void answer(Context ctx, ObservationQuery query, ResultFilter filter) throws Exception {
        answer(ctx, query, filter, null);
    }

    /**
     * As {@link #answer(Context, ObservationQuery, ResultFilter)}, with describedBy (a Link header element, null: none)
     * in place of the CSVW sidecar's link: a sidecar can only name a /v1 CSV URL as its url, and CSVW processors ignore
     * one whose url is not the URL the CSV was fetched with, so an answer fetched elsewhere links what describes it there.
     */
    public void answer(Context ctx, ObservationQuery query, ResultFilter filter, String describedBy) throws Exception {
        answer(ctx, query, OBSERVATIONS.replace("{datasetId}", query.dataset().id()), true, null, null, filter, describedBy);
    }

    /**
     * One answer for GET and POST: the release, the ETag of the canonical query, the cache, then the query itself.
     * conditional: If-None-Match may give a 304 (GET; a POST's target has no representation of its own to match).
     * observationsPath: the GET path, which the body's self and next links name whichever method asked.
     * requested: the path and query the CSV was fetched with, for its CSVW link; null where the canonical GET names it.
     * describedBy: the Link element that replaces the CSVW one (answers fetched outside /v1); null: the CSVW link.
     */
    private void answer(Context ctx, ObservationQuery query, String observationsPath, boolean conditional, String contentLocation,
                        String requested, ResultFilter filter, String describedBy) throws Exception {
        Release release = releases.resolve(query.dataset().id(), query.release());
        // The format may come from Accept and the layout from table options, so both join the canonical query.
        String variant = query.format().name() + "|" + query.table() + "?" + query.canonicalQuery();
        // Groups' values also depend on the grouping's version: a reloaded grouping must not be answered from the cache.
        if (query.aggregation() != null) {
            variant += "|grouping=" + query.aggregation().grouping().id() + "." + query.aggregation().grouping().version();
        }
        if (filter != null) variant += "|" + filter.variant();
        String etag = HttpCaching.etag(release.id(), variant);
        if (conditional) {
            if (HttpCaching.notModified(ctx, etag, release.publishedAt())) return;
        } else {
            HttpCaching.validators(ctx, etag, release.publishedAt());
        }
        ResponseCache.Key key = new ResponseCache.Key(query.dataset().id(), release.id(), variant);
        EncodedResponse cached = cache.get(key);
        if (cached != null) {
            if (!databaseFailing.getAsBoolean()) {
                contentLocation(ctx, contentLocation);
                frontCacheable(ctx, query, conditional, key, cached);
                HttpCaching.send(ctx, forRequest(cached, query, requested, describedBy));
                return;
            }
            // The release came from memory and may be outdated: say so, and only within the stale-if-error promise.
            Instant now = Instant.now();
            if (HttpCaching.servableWhenFailing(cached, now)) {
                contentLocation(ctx, contentLocation);
                HttpCaching.sendStale(ctx, forRequest(cached, query, requested, describedBy), now);
                return;
            }
        }
        service.run(query, release, observationsPath, filter == null ? null : filter.changedSince(), unfiltered -> {
            ObservationResult result = filter == null ? unfiltered : filter.apply(unfiltered);
            ObservationWriter writer = writers.forFormat(query.format());
            Map<String, String> headers = headers(result);
            contentLocation(ctx, contentLocation);
            if (result.cells() <= CACHEABLE_CELLS) {
                // Sized for the answer at ~200 bytes a cell (a JSON row with labels), not grown from 32 bytes by doubling:
                // the copies were 44 % of an uncached answer's allocation (JFR).
                ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(1L << 20, 4_096 + 200 * result.cells()));
                writer.write(result, body);
                EncodedResponse encoded = EncodedResponse.of(body.toByteArray(), writer.contentType(), headers);
                cache.put(key, encoded);
                frontCacheable(ctx, query, conditional, key, encoded);
                HttpCaching.send(ctx, forRequest(encoded, query, requested, describedBy));
            } else {
                stream(ctx, writer, result, forRequest(headers, query, requested, describedBy));
            }
        });
    }

    /**
     * A GET of the current release answered from an encoded response: its repeats may be served before routing
     * (web/FrontCache), for as long as this response stays in the cache and its release stays current.
     */
    private static void frontCacheable(Context ctx, ObservationQuery query, boolean conditional, ResponseCache.Key key, EncodedResponse response) {
        if (conditional && query.release().current()) {
            ctx.req().setAttribute(FrontCache.ANSWER, new FrontCache.Answer(key, response, ctx.endpointHandlerPath()));
        }
    }

    /** Set only when a body follows, so that a problem answer never names a resource it is not. */
    private static void contentLocation(Context ctx, String contentLocation) {
        if (contentLocation != null) ctx.header("Content-Location", contentLocation);
    }

    /** The request body's schema, for the contract (OpenApiContract): named by {@link ObservationQueryRequest}. */
    public static void addSchemasTo(ObjectNode schemas) {
        schemas.set(ObservationQueryRequest.class.getSimpleName(), ObservationQueryBody.schema(schemas.objectNode()));
    }

    private static void stream(Context ctx, ObservationWriter writer, ObservationResult result, Map<String, String> headers) throws Exception {
        headers.forEach(ctx::header);
        ctx.res().setCharacterEncoding(null);
        ctx.contentType(writer.contentType());
        boolean gzip = HttpCaching.acceptsGzip(ctx);
        if (gzip) ctx.header("Content-Encoding", "gzip");
        OutputStream raw = ctx.res().getOutputStream();
        OutputStream out = gzip ? new GZIPOutputStream(raw, 64 * 1024) : raw;
        writer.write(result, out);
        if (out instanceof GZIPOutputStream g) g.finish();
        out.flush();
    }

    /**
     * The cached answer serves every spelling of one canonical query, so its CSVW link names the canonical CSV URL; a
     * CSV fetched with another spelling gets a link whose sidecar names that URL (CSVW processors ignore a sidecar
     * whose url is not the CSV's). Body, ETag and cache entry stay shared.
     */
    private static EncodedResponse forRequest(EncodedResponse encoded, ObservationQuery query, String requested, String describedBy) {
        Map<String, String> headers = forRequest(encoded.headers(), query, requested, describedBy);
        return headers == encoded.headers() ? encoded
                : encoded.withHeaders(headers);
    }

    private static Map<String, String> forRequest(Map<String, String> headers, ObservationQuery query, String requested, String describedBy) {
        String link = headers.get("Link");
        if (describedBy != null) {
            // The cached answer may be the /v1 one of the same query: its CSVW link is replaced here, per request.
            String csvw = Writers.csvMetadataLink(query);
            String others = link == null ? "" : link.replace(csvw + ", ", "").replace(csvw, "");
            Map<String, String> own = new LinkedHashMap<>(headers);
            String fitted = fitting(others.isEmpty() ? describedBy : describedBy + ", " + others);
            if (fitted == null) own.remove("Link");
            else own.put("Link", fitted);
            return own;
        }
        if (requested == null || link == null || !query.format().csvTable() || requested.equals(Writers.csvPath(query))) return headers;
        String canonical = "<" + Writers.csvMetadataPath(query) + ">";
        if (!link.contains(canonical)) return headers;
        Map<String, String> own = new LinkedHashMap<>(headers);
        String fitted = fitting(link.replace(canonical, "<" + Writers.csvMetadataPath(query, requested) + ">"));
        if (fitted == null) own.remove("Link");
        else own.put("Link", fitted);
        return own;
    }

    private Map<String, String> headers(ObservationResult result) {
        Map<String, String> headers = new LinkedHashMap<>(writers.headersFor(result).asMap());
        headers.remove("Content-Type");
        headers.put("X-Release-Id", Long.toString(result.release().id()));
        if (result.citation() != null) {
            // The citation travels in a header too (RFC 8574 cite-as), so a CSV body stays a plain table for spreadsheets.
            headers.merge("Link", result.citation().linkHeader(), (format, cite) -> format + ", " + cite);
        }
        LifecycleHeaders.of(result.query().dataset()).forEach((name, value) -> headers.merge(name, value, (a, b) -> a + ", " + b));
        String link = headers.get("Link");
        if (link != null) {
            String fitting = fitting(link);
            if (fitting == null) headers.remove("Link");
            else headers.put("Link", fitting);
        }
        return headers;
    }

    /** The Link header, or what of it fits; null when nothing does. */
    private static String fitting(String link) {
        if (link.length() <= MAX_LINK_OCTETS) return link;
        // Links repeat the query; one posted with thousands of long codes would not fit in the response header
        // block, and Jetty would fail the whole answer. Links too long to be URLs are left out (JSON keeps its citation).
        String fitting = Arrays.stream(link.split(", (?=<)")).filter(l -> l.indexOf('>') <= MAX_URL_OCTETS).collect(Collectors.joining(", "));
        return fitting.isEmpty() ? null : fitting;
    }
}
