package org.lmobservatory.widgets;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.observations.ObservationService;
import org.lmobservatory.web.Problem;
import org.lmobservatory.web.QueryParams;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GET /widgets, the embed builder, optionally prefilled (a dataset page's "Embed this" link): dataset, geo, lang and
 * one code per other dimension. The page is static and its script reads the address; the server checks the address
 * first, with the observation query's own parser, so a wrong code is a 400 with a suggestion rather than a builder
 * that silently shows something else.
 */
final class BuilderEndpoint {
    private final CatalogueService catalogue;
    private final ObservationService observations;

    BuilderEndpoint(CatalogueService catalogue, ObservationService observations) {
        this.catalogue = catalogue;
        this.observations = observations;
    }

    @OpenApi(path = WidgetRoutes.BUILDER, methods = HttpMethod.GET, tags = "Widgets", operationId = "getEmbedBuilder",
            summary = "Embed builder",
            description = "A page for web editors: pick dataset, area, comparison, language and colour, see the widget live and copy "
                    + "the snippet (iframe, script or chart image). Prefilled by dataset, geo, lang and one code per other dimension "
                    + "of the dataset (e.g. sex=T), as the portal's dataset pages link to it; the same codes as the observations endpoint.",
            queryParams = {
                    @OpenApiParam(name = "dataset", description = "Dataset to open the builder on, e.g. unemployment-rate"),
                    @OpenApiParam(name = "geo", description = "Area code (one)"),
                    @OpenApiParam(name = "lang", description = "Widget language: en, sq, fi, sv, bg, pl, cs")
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = "text/html", type = "string")),
                    @OpenApiResponse(status = "304", description = "Not modified"),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))
            })
    void builder(Context ctx) {
        Map<String, List<String>> params = new LinkedHashMap<>(ctx.queryParamMap());
        if (!params.isEmpty()) check(ctx, params);
        AssetEndpoints.builder(ctx, Set.copyOf(params.keySet()));
    }

    private void check(Context ctx, Map<String, List<String>> params) {
        String id = QueryParams.single(ctx, "dataset");
        if (id == null) {
            throw ErrorKind.INVALID_PARAMETER.error("The builder is prefilled for a dataset: give dataset= with the other parameters.",
                    Map.of("parameter", "dataset"));
        }
        Dataset dataset = catalogue.dataset(id);
        Set<String> allowed = new java.util.TreeSet<>(List.of("dataset", "lang"));
        dataset.dimensions().forEach(d -> allowed.add(d.id()));
        dataset.geoDimension().ifPresent(g -> allowed.add("geo"));
        QueryParams.requireOnly(ctx, allowed);
        for (var e : params.entrySet()) {
            if (e.getValue().size() > 1 || e.getValue().get(0).contains(",")) {
                throw ErrorKind.INVALID_PARAMETER.error("The builder takes one value of '" + e.getKey() + "'; a widget shows one code per dimension.",
                        Map.of("parameter", e.getKey()));
            }
        }
        Map<String, List<String>> query = new LinkedHashMap<>(params);
        query.remove("dataset");
        List<String> geo = query.remove("geo");
        dataset.geoDimension().ifPresent(g -> {
            if (geo != null) query.put(g.id(), geo);
        });
        String lang = QueryParams.single(ctx, "lang");
        if (lang != null && !WidgetTexts.LANGUAGES.contains(lang)) {
            throw ErrorKind.INVALID_PARAMETER.error("Parameter 'lang' must be one of " + String.join(", ", WidgetTexts.LANGUAGES) + "; got '" + lang + "'.",
                    Map.of("parameter", "lang"));
        }
        query.remove("lang");
        // The query parser knows every dimension's codes and answers a wrong one with its 400 and a suggestion.
        observations.parse(dataset.id(), query, null);
    }
}
