package org.lmobservatory.sdmx;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.router.JavalinDefaultRouting;
import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.errors.ObservatoryException;
import org.lmobservatory.observations.ObservationQuery;
import org.lmobservatory.observations.ObservationService;
import org.lmobservatory.observations.OutputFormat;
import org.lmobservatory.observations.http.ObservationRoutes;
import org.lmobservatory.web.NotAcceptable;
import org.lmobservatory.web.Problem;
import org.lmobservatory.web.QueryParams;
import org.lmobservatory.web.RouteSet;
import org.lmobservatory.web.negotiation.MediaRange;
import org.lmobservatory.web.negotiation.Negotiation;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A subset of the SDMX 2.1 RESTful web services (SDMX Standards Section 7) for SDMX tools: the dataflows, data
 * structures and codelists of every published dataset as SDMX-ML 2.1 structure messages, and their data as SDMX-ML 2.1
 * GenericData or StructureSpecificData, or SDMX-CSV 1.0 or 2.0, chosen by Accept. A data query is translated into an
 * observation query ({@link DataRequest}) and answered by the observations' own route, so it is validated, cached and
 * written exactly as {@code /v1/datasets/{id}/observations} is. What matches nothing of ours is a 404 (SDMX's
 * NoResultsFound); what we cannot write is a 406 that lists what we can; query options we do not implement are a 501.
 */
public final class SdmxRoutes implements RouteSet {
    public static final String BASE = "/sdmx/2.1";
    public static final String DATAFLOW = BASE + "/dataflow";
    public static final String DATASTRUCTURE = BASE + "/datastructure";
    public static final String CODELIST = BASE + "/codelist";
    static final String DATA = BASE + "/data/{flowRef}";
    private static final String ARTEFACT = "/{agencyID}/{resourceID}/{version}";
    private static final String STRUCTURE_21 = "application/vnd.sdmx.structure+xml; version=2.1";
    private static final List<String> STRUCTURE_TYPES = List.of(STRUCTURE_21, "application/xml", "text/xml");
    private static final Set<String> REFERENCES = Set.of("none", "parents", "parentsandsiblings", "children", "descendants", "all",
            "dataflow", "datastructure", "codelist", "conceptscheme");
    private static final String STRUCTURE_DESCRIPTION = " agencyID is LMO or all, resourceID a dataset (or codelist) id or all "
            + "(several joined by +), version 1.0, latest or all; trailing parts may be left out. references=children (or descendants, "
            + "all) adds the codelists and concept scheme a data structure uses; detail=full only. Nothing matching is a 404 "
            + "(SDMX NoResultsFound).";

    private final CatalogueService catalogue;
    private final ObservationService observations;
    private final ObservationRoutes answers;

    public SdmxRoutes(CatalogueService catalogue, ObservationService observations, ObservationRoutes answers) {
        this.catalogue = catalogue;
        this.observations = observations;
        this.answers = answers;
    }

    @Override
    public void register(JavalinDefaultRouting routing) {
        for (String resource : List.of(DATAFLOW, DATASTRUCTURE, CODELIST)) {
            for (String tail : List.of("", "/{agencyID}", "/{agencyID}/{resourceID}", ARTEFACT)) {
                routing.get(resource + tail, resource.equals(DATAFLOW) ? this::dataflow
                        : resource.equals(DATASTRUCTURE) ? this::datastructure : this::codelist);
            }
        }
        routing.get(DATA, this::data);
        routing.get(DATA + "/{key}", this::data);
        routing.get(DATA + "/{key}/{providerRef}", this::data);
    }

    @OpenApi(path = DATAFLOW, methods = HttpMethod.GET, tags = "SDMX", operationId = "getSdmxDataflows",
            summary = "SDMX 2.1: every dataflow", description = "One dataflow LMO,{dataset id},1.0 per published dataset, as an "
            + "SDMX-ML 2.1 structure message." + STRUCTURE_DESCRIPTION,
            queryParams = {@OpenApiParam(name = "references", description = "none (default), children, descendants or all"),
                    @OpenApiParam(name = "detail", description = "full (default)")},
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = STRUCTURE_21, type = "string")),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "406", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "501", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))})
    @OpenApi(path = DATAFLOW + ARTEFACT, methods = HttpMethod.GET, tags = "SDMX", operationId = "getSdmxDataflow",
            summary = "SDMX 2.1: dataflows by agency, id and version", description = "SDMX-ML 2.1 structure message." + STRUCTURE_DESCRIPTION,
            pathParams = {@OpenApiParam(name = "agencyID", required = true, description = "LMO or all"),
                    @OpenApiParam(name = "resourceID", required = true, description = "A dataset id, several joined by +, or all"),
                    @OpenApiParam(name = "version", required = true, description = "1.0, latest or all")},
            queryParams = {@OpenApiParam(name = "references", description = "none (default), children, descendants or all"),
                    @OpenApiParam(name = "detail", description = "full (default)")},
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = STRUCTURE_21, type = "string")),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "406", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "501", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))})
    void dataflow(Context ctx) throws Exception {
        ArtefactSelector selector = selector(ctx);
        String references = references(ctx);
        List<Dataset> flows = datasets(selector);
        boolean children = Set.of("children", "descendants", "all", "datastructure").contains(references);
        boolean codelists = children || references.equals("codelist");
        send(ctx, new StructureMessage(flows, children ? flows : List.of(), codelists ? codelistsOf(flows) : List.of(), children));
    }

    @OpenApi(path = DATASTRUCTURE, methods = HttpMethod.GET, tags = "SDMX", operationId = "getSdmxDataStructures",
            summary = "SDMX 2.1: every data structure", description = "One data structure per published dataset: its dimensions "
            + "(coded by its codelists), TIME_PERIOD, OBS_VALUE, the series attributes UNIT_MEASURE and UNIT_MULT and the observation "
            + "attributes OBS_STATUS (Eurostat flag letters) and CONF_STATUS." + STRUCTURE_DESCRIPTION,
            queryParams = {@OpenApiParam(name = "references", description = "none (default), children, descendants, parents or all"),
                    @OpenApiParam(name = "detail", description = "full (default)")},
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = STRUCTURE_21, type = "string")),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "406", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "501", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))})
    @OpenApi(path = DATASTRUCTURE + ARTEFACT, methods = HttpMethod.GET, tags = "SDMX", operationId = "getSdmxDataStructure",
            summary = "SDMX 2.1: data structures by agency, id and version", description = "SDMX-ML 2.1 structure message." + STRUCTURE_DESCRIPTION,
            pathParams = {@OpenApiParam(name = "agencyID", required = true, description = "LMO or all"),
                    @OpenApiParam(name = "resourceID", required = true, description = "A dataset id, several joined by +, or all"),
                    @OpenApiParam(name = "version", required = true, description = "1.0, latest or all")},
            queryParams = {@OpenApiParam(name = "references", description = "none (default), children, descendants, parents or all"),
                    @OpenApiParam(name = "detail", description = "full (default)")},
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = STRUCTURE_21, type = "string")),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "406", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "501", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))})
    void datastructure(Context ctx) throws Exception {
        ArtefactSelector selector = selector(ctx);
        String references = references(ctx);
        List<Dataset> structures = datasets(selector);
        boolean children = Set.of("children", "descendants", "all", "codelist", "conceptscheme").contains(references);
        boolean parents = Set.of("parents", "parentsandsiblings", "all", "dataflow").contains(references);
        send(ctx, new StructureMessage(parents ? structures : List.of(), structures, children ? codelistsOf(structures) : List.of(), children));
    }

    @OpenApi(path = CODELIST, methods = HttpMethod.GET, tags = "SDMX", operationId = "getSdmxCodelists",
            summary = "SDMX 2.1: every codelist", description = "The codelists of the published datasets' dimensions, codes with "
            + "their labels in every language and their parent." + STRUCTURE_DESCRIPTION,
            queryParams = {@OpenApiParam(name = "references", description = "none (default)"),
                    @OpenApiParam(name = "detail", description = "full (default)")},
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = STRUCTURE_21, type = "string")),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "406", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "501", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))})
    @OpenApi(path = CODELIST + ARTEFACT, methods = HttpMethod.GET, tags = "SDMX", operationId = "getSdmxCodelist",
            summary = "SDMX 2.1: codelists by agency, id and version", description = "SDMX-ML 2.1 structure message." + STRUCTURE_DESCRIPTION,
            pathParams = {@OpenApiParam(name = "agencyID", required = true, description = "LMO or all"),
                    @OpenApiParam(name = "resourceID", required = true, description = "A codelist id (as at /v1/codelists), several joined by +, or all"),
                    @OpenApiParam(name = "version", required = true, description = "1.0, latest or all")},
            queryParams = {@OpenApiParam(name = "references", description = "none (default)"),
                    @OpenApiParam(name = "detail", description = "full (default)")},
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = STRUCTURE_21, type = "string")),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "406", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "501", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))})
    void codelist(Context ctx) throws Exception {
        ArtefactSelector selector = selector(ctx);
        references(ctx);
        List<Codelist> codelists = List.of();
        if (selector.ours()) {
            codelists = selector.id().equals("all") ? codelistsOf(datasets(selector))
                    : List.of(selector.id().split("\\+")).stream().filter(this::catalogueHas).map(catalogue::codelist).toList();
        }
        send(ctx, new StructureMessage(List.of(), List.of(), codelists, false));
    }

    @OpenApi(path = DATA, methods = HttpMethod.GET, tags = "SDMX", operationId = "getSdmxData",
            summary = "SDMX 2.1: the data of a dataflow", description = DATA_DESCRIPTION,
            pathParams = @OpenApiParam(name = "flowRef", required = true, description = "LMO,{dataset id},1.0, or the dataset id"),
            queryParams = {@OpenApiParam(name = "startPeriod", description = "First period, e.g. 2020, 2020-Q1 or 2020-01"),
                    @OpenApiParam(name = "endPeriod", description = "Last period"),
                    @OpenApiParam(name = "firstNObservations", type = Integer.class, description = "At most this many observations of each series, the earliest"),
                    @OpenApiParam(name = "lastNObservations", type = Integer.class, description = "At most this many observations of each series, the latest "
                            + "(with firstNObservations: both)"),
                    @OpenApiParam(name = "updatedAfter", description = "An instant (2024-05-01T00:00:00Z; a + offset written %2B) or a date: "
                            + "only the observations added or revised by releases published after it; in SDMX-CSV 2.0 also those deleted "
                            + "since (ACTION D); nothing changed since: an empty data set"),
                    @OpenApiParam(name = "dimensionAtObservation", description = "TIME_PERIOD (the default; others are a 501)"),
                    @OpenApiParam(name = "detail", description = "full (the default; others are a 501)")},
            responses = {@OpenApiResponse(status = "200", content = {
                    @OpenApiContent(mimeType = "application/vnd.sdmx.genericdata+xml", type = "string"),
                    @OpenApiContent(mimeType = "application/vnd.sdmx.structurespecificdata+xml", type = "string"),
                    @OpenApiContent(mimeType = "application/vnd.sdmx.data+csv", type = "string")}),
                    @OpenApiResponse(status = "304", description = "Not modified: the If-None-Match ETag is current"),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "406", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "413", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "501", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))})
    @OpenApi(path = DATA + "/{key}", methods = HttpMethod.GET, tags = "SDMX", operationId = "getSdmxDataByKey",
            summary = "SDMX 2.1: the series of a dataflow that match a key", description = DATA_DESCRIPTION,
            pathParams = {@OpenApiParam(name = "flowRef", required = true, description = "LMO,{dataset id},1.0, or the dataset id"),
                    @OpenApiParam(name = "key", required = true, description = "One part per dimension in the data structure's order, "
                            + "separated by dots; codes of a dimension joined by +; an empty part for every code; or all")},
            queryParams = {@OpenApiParam(name = "startPeriod", description = "First period, e.g. 2020, 2020-Q1 or 2020-01"),
                    @OpenApiParam(name = "endPeriod", description = "Last period"),
                    @OpenApiParam(name = "firstNObservations", type = Integer.class, description = "At most this many observations of each series, the earliest"),
                    @OpenApiParam(name = "lastNObservations", type = Integer.class, description = "At most this many observations of each series, the latest "
                            + "(with firstNObservations: both)"),
                    @OpenApiParam(name = "updatedAfter", description = "An instant (2024-05-01T00:00:00Z; a + offset written %2B) or a date: "
                            + "only the observations added or revised by releases published after it; in SDMX-CSV 2.0 also those deleted "
                            + "since (ACTION D); nothing changed since: an empty data set"),
                    @OpenApiParam(name = "dimensionAtObservation", description = "TIME_PERIOD (the default; others are a 501)"),
                    @OpenApiParam(name = "detail", description = "full (the default; others are a 501)")},
            responses = {@OpenApiResponse(status = "200", content = {
                    @OpenApiContent(mimeType = "application/vnd.sdmx.genericdata+xml", type = "string"),
                    @OpenApiContent(mimeType = "application/vnd.sdmx.structurespecificdata+xml", type = "string"),
                    @OpenApiContent(mimeType = "application/vnd.sdmx.data+csv", type = "string")}),
                    @OpenApiResponse(status = "304", description = "Not modified: the If-None-Match ETag is current"),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "406", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "413", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "501", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))})
    void data(Context ctx) throws Exception {
        QueryParams.requireOnly(ctx, Set.of("startPeriod", "endPeriod", "firstNObservations", "lastNObservations", "updatedAfter",
                "dimensionAtObservation", "detail"));
        checkDetail(ctx, DATA_DETAILS);
        Dataset dataset = catalogue.dataset(DataRequest.datasetId(ctx.pathParam("flowRef")));
        String dimensionAtObservation = ctx.queryParam("dimensionAtObservation");
        if (dimensionAtObservation != null && !dimensionAtObservation.equals(SdmxIds.TIME_PERIOD)) {
            // SDMX 2.1 allows AllDimensions or any dimension of the flow: those are valid but not built (501); others are wrong (400).
            boolean valid = dimensionAtObservation.equals("AllDimensions")
                    || dataset.dimensions().stream().anyMatch(d -> d.id().equals(dimensionAtObservation));
            String detail = "dimensionAtObservation=" + dimensionAtObservation + (valid ? " is not implemented" : " is not AllDimensions, "
                    + "TIME_PERIOD or a dimension of " + dataset.id()) + ": series here are always by TIME_PERIOD (leave it out, or TIME_PERIOD).";
            throw valid ? notImplemented("dimensionAtObservation", detail)
                    : ErrorKind.INVALID_PARAMETER.error(detail, Map.of("parameter", "dimensionAtObservation"));
        }
        Map<String, String> path = ctx.pathParamMap();
        DataRequest.checkProvider(path.get("providerRef"));
        OutputFormat format = dataFormat(ctx.header("Accept"));
        Map<String, List<String>> params = new LinkedHashMap<>(DataRequest.params(dataset, path.get("key"),
                ctx.queryParam("startPeriod"), ctx.queryParam("endPeriod")));
        params.put("format", List.of(format.parameter()));
        ObservationQuery query = observations.parse(dataset.id(), params, null);
        // SDMX data is described by its data structure (what SDMX tools read), not by a CSVW sidecar: a sidecar's url must be
        // the URL the CSV was fetched with, and the sidecar route serves /v1 observation URLs only.
        String structure = "<" + DATASTRUCTURE + "/" + SdmxIds.AGENCY + "/" + dataset.id() + "/" + SdmxIds.VERSION
                + "?references=children>; rel=\"describedby\"; type=\"" + STRUCTURE_21 + "\"";
        answers.answer(ctx, query, DataWindow.of(QueryParams.single(ctx, "firstNObservations"), QueryParams.single(ctx, "lastNObservations"),
                QueryParams.single(ctx, "updatedAfter")), structure);
    }

    private static final String DATA_DESCRIPTION = "The observations of a dataflow, chosen by Accept: SDMX-ML 2.1 GenericData "
            + "(application/vnd.sdmx.genericdata+xml;version=2.1, also for application/xml; the default), StructureSpecificData "
            + "(application/vnd.sdmx.structurespecificdata+xml;version=2.1), SDMX-CSV 1.0 (application/vnd.sdmx.data+csv;version=1.0.0, "
            + "also for text/csv or no version) or SDMX-CSV 2.0 (version=2.0.0); anything else is a 406 that lists these. Series "
            + "attributes UNIT_MEASURE and UNIT_MULT, observation attributes OBS_STATUS (Eurostat flag letters) and CONF_STATUS "
            + "(releases under disclosure control). The query runs as GET /v1/datasets/{id}/observations with the key's codes and "
            + "time=startPeriod..endPeriod: the same validation (an unknown code is a 400 that names the valid ones), cell limit, "
            + "ETag and cite-as Link. firstNObservations and lastNObservations keep that many observations of each series (the "
            + "earliest, the latest); updatedAfter keeps the observations added or revised by releases published after the instant "
            + "and, in SDMX-CSV 2.0, adds those deleted since as ACTION D records (SDMX-CSV 1.0 and SDMX-ML leave deletions out). "
            + "The Link header names the data structure (rel=describedby). A key that matches no series is a 200 with an empty data set; an unknown "
            + "dataflow or provider a 404.";

    /** SDMX-ML data first (the SDMX 2.1 default), then SDMX-CSV 1.0 (what SDMX 2.1 tools read when they ask for CSV), then 2.0. */
    private static OutputFormat dataFormat(String accept) {
        Map<MediaRange, OutputFormat> offers = new LinkedHashMap<>();
        for (OutputFormat f : List.of(OutputFormat.SDMX_GENERIC_DATA, OutputFormat.SDMX_STRUCTURE_SPECIFIC_DATA,
                OutputFormat.SDMX_CSV_1, OutputFormat.SDMX_CSV)) {
            offers.put(MediaRange.of(f.contentType()), f);
        }
        offers.put(MediaRange.of("application/xml"), OutputFormat.SDMX_GENERIC_DATA);
        offers.put(MediaRange.of("text/xml"), OutputFormat.SDMX_GENERIC_DATA);
        offers.put(MediaRange.of("text/csv"), OutputFormat.SDMX_CSV_1);
        return Negotiation.choose(accept, List.copyOf(offers.keySet())).map(offers::get)
                .orElseThrow(() -> NotAcceptable.problem(offers.values().stream().distinct().map(OutputFormat::contentType).toList()));
    }

    private void send(Context ctx, StructureMessage message) throws Exception {
        String type = Negotiation.choose(ctx.header("Accept"), STRUCTURE_TYPES.stream().map(MediaRange::of).toList())
                .map(range -> STRUCTURE_TYPES.stream().filter(t -> MediaRange.of(t).equals(range)).findFirst().orElseThrow())
                .orElseThrow(() -> NotAcceptable.problem(STRUCTURE_TYPES));
        if (message.isEmpty()) {
            throw ErrorKind.NOT_FOUND.error("No structure of ours matches " + ctx.path() + " (SDMX NoResultsFound): every artefact "
                    + "here is maintained by " + SdmxIds.AGENCY + " at version " + SdmxIds.VERSION + "; the dataflows are at " + DATAFLOW + ".");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        StructureWriter.write(message, body);
        ctx.contentType(type.equals("application/xml") || type.equals("text/xml") ? type + "; charset=utf-8" : type);
        ctx.result(body.toByteArray());
    }

    private static ArtefactSelector selector(Context ctx) {
        QueryParams.requireOnly(ctx, Set.of("references", "detail"));
        checkDetail(ctx, STRUCTURE_DETAILS);
        Map<String, String> path = ctx.pathParamMap();
        return ArtefactSelector.of(path.get("agencyID"), path.get("resourceID"), path.get("version"));
    }

    private static String references(Context ctx) {
        String references = ctx.queryParam("references");
        if (references == null) return "none";
        if (!REFERENCES.contains(references)) {
            throw ErrorKind.INVALID_PARAMETER.error("references must be one of " + String.join(", ", REFERENCES.stream().sorted().toList())
                    + "; got '" + references + "'.", Map.of("parameter", "references"));
        }
        return references;
    }

    /** The values SDMX 2.1 defines for detail= (section 4 of its RESTful web services guidelines). */
    private static final Set<String> STRUCTURE_DETAILS = Set.of("allstubs", "referencestubs", "allcompletestubs",
            "referencecompletestubs", "referencepartial", "full");
    private static final Set<String> DATA_DETAILS = Set.of("full", "dataonly", "serieskeysonly", "nodata");

    /** full is what we write; another SDMX value is a 501 (valid, not built), anything else a 400. */
    private static void checkDetail(Context ctx, Set<String> defined) {
        String detail = ctx.queryParam("detail");
        if (detail == null || detail.equals("full")) return;
        if (!defined.contains(detail)) {
            throw ErrorKind.INVALID_PARAMETER.error("detail must be one of " + String.join(", ", defined.stream().sorted().toList())
                    + "; got '" + detail + "'. Only full is written here.", Map.of("parameter", "detail"));
        }
        throw notImplemented("detail", "detail=" + detail + " is not implemented here; leave it out for detail=full.");
    }

    private static RuntimeException notImplemented(String parameter, String detail) {
        return ErrorKind.UNSUPPORTED_FORMAT.error(detail, Map.of("parameter", parameter));
    }

    /** The published datasets the selector names (a dataset without a release has no data to describe yet). */
    private List<Dataset> datasets(ArtefactSelector selector) {
        if (!selector.ours()) return List.of();
        Predicate<String> ids = selector.ids();
        return catalogue.search(null, null).stream()
                .filter(d -> d.currentReleaseId() != null && ids.test(d.id()))
                .toList();
    }

    private List<Codelist> codelistsOf(List<Dataset> datasets) {
        Set<String> ids = new LinkedHashSet<>();
        for (Dataset d : datasets) for (Dimension dim : d.dimensions()) ids.add(dim.codelistId());
        return ids.stream().map(catalogue::codelist).toList();
    }

    private boolean catalogueHas(String codelistId) {
        try {
            catalogue.codelist(codelistId);
            return true;
        } catch (ObservatoryException e) {
            if (e.kind() == ErrorKind.UNKNOWN_CODELIST) return false;
            throw e;
        }
    }
}
