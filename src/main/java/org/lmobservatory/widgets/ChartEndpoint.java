package org.lmobservatory.widgets;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Measure;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.observations.ObservationService;
import org.lmobservatory.releases.Release;
import org.lmobservatory.releases.ReleaseResolver;
import org.lmobservatory.web.Problem;
import org.lmobservatory.web.HttpCaching;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** GET chart.svg: the observations endpoint's filters drawn as a line, bar or sparkline chart, within drawable limits. */
final class ChartEndpoint {
    private static final int MAX_LINES = 12;
    private static final int MAX_BARS = 100;
    private static final int MAX_PERIODS = 400;

    private final CatalogueService catalogue;
    private final ObservationService observations;
    private final ReleaseResolver releases;

    ChartEndpoint(CatalogueService catalogue, ObservationService observations, ReleaseResolver releases) {
        this.catalogue = catalogue;
        this.observations = observations;
        this.releases = releases;
    }

    @OpenApi(path = WidgetRoutes.CHART, methods = HttpMethod.GET, tags = "Widgets", operationId = "getChartSvg",
            summary = "Chart of observations as SVG",
            description = "The same filters as the observations endpoint, drawn as a line chart (one line per series, e.g. a municipality, "
                    + "its region and its country), a bar chart ranking the series by their latest value, or a sparkline (one series). "
                    + "A measure whose values are categories (e.g. barometer ratings) is drawn, whatever the type, as a table of coloured cells with a "
                    + "legend: rows are areas, columns the periods, or the other varying dimension (e.g. occupations) when one period is shown. "
                    + "Numbers and periods are written the way the language does (decimal comma in fi, sv, sq, bg, pl, cs). Suppressed "
                    + "and missing values are gaps, explained under the chart with the source, licence and release. Accessible "
                    + "(role=img, title, desc); no script. Cacheable: ETag changes with the data release.",
            pathParams = @OpenApiParam(name = "datasetId", required = true, description = "Dataset id, e.g. unemployment-rate"),
            queryParams = {
                    @OpenApiParam(name = "type", description = "line (default), bar or sparkline"),
                    @OpenApiParam(name = "time", description = "A period (2024, 2024-Q3, 2024-07) or a range 2019..2024"),
                    @OpenApiParam(name = "lastPeriods", type = Integer.class, description = "The last N periods of the current release"),
                    @OpenApiParam(name = "geoLevel", description = "Only territorial codes of this level"),
                    @OpenApiParam(name = "geoParent", description = "Only territorial codes below this one"),
                    @OpenApiParam(name = "lang", description = "Language of labels and number format: en, sq, sr, fi, sv, bg, pl, cs"),
                    @OpenApiParam(name = "release", type = Long.class, description = "Draw this release instead of the current one"),
                    @OpenApiParam(name = "asOf", description = "Draw the release that was current at this moment: a timestamp, or a date for the end of that day (UTC)")
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = "image/svg+xml", type = "string")),
                    @OpenApiResponse(status = "304", description = "Not modified (If-None-Match matched the ETag)"),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "413", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))
            })
    void chart(Context ctx) throws Exception {
        Map<String, List<String>> params = new LinkedHashMap<>(ctx.queryParamMap());
        List<String> typeValues = params.remove("type");
        if (typeValues != null && typeValues.size() > 1) throw ErrorKind.REPEATED_PARAMETER.error(
                "Parameter 'type' may be given only once.");
        ChartType type = ChartType.parse(typeValues == null ? null : typeValues.get(0));
        for (String irrelevant : List.of("format", "labels")) {
            if (params.containsKey(irrelevant)) {
                throw ErrorKind.UNKNOWN_PARAMETER.error("Parameter '" + irrelevant + "' has no meaning for a chart; "
                        + "the same numbers as JSON or CSV are at /v1/datasets/{id}/observations.", Map.of("parameter", List.of(irrelevant)));
            }
        }
        Dataset dataset = catalogue.dataset(ctx.pathParam("datasetId"));
        Release release = releases.resolve(dataset.id(), ReleaseResolver.selector(params));
        WidgetHeaders.crossOrigin(ctx);
        if (HttpCaching.notModified(ctx, WidgetHeaders.etag(release.id(), "chart", ctx.queryParamMap(), ""), WidgetHeaders.DATA_CACHE)) return;
        CollectedObservations obs = CollectedObservations.collect(observations, release, dataset.id(), params);
        Optional<Measure> category = CategoryGrid.measureOf(obs);
        String svg;
        if (category.isPresent()) {
            // Categories have no axis: whatever the type asked, they are drawn as a table of coloured cells.
            CategoryGrid.Grid grid = CategoryGrid.from(obs, category.get());
            checkDrawable(grid);
            svg = CategoryGrid.render(grid, "lmo-chart");
        } else {
            checkDrawable(type, obs);
            svg = ChartSvgRenderer.render(ChartModels.from(obs, type, null), "lmo-chart");
        }
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        ctx.contentType("image/svg+xml; charset=utf-8").result(svg);
    }

    private static void checkDrawable(CategoryGrid.Grid grid) {
        if (grid.rowLabels().size() > CategoryGrid.MAX_ROWS) {
            throw ErrorKind.TOO_MANY_SERIES.error("A table of categories draws at most " + CategoryGrid.MAX_ROWS + " rows; this query has "
                    + grid.rowLabels().size() + ". Name fewer areas with geo= or fix another dimension to one code.",
                    Map.of("series", grid.rowLabels().size(), "limit", CategoryGrid.MAX_ROWS));
        }
        if (grid.columnLabels().size() > CategoryGrid.MAX_COLUMNS) {
            throw ErrorKind.TOO_MANY_PERIODS.error("A table of categories draws at most " + CategoryGrid.MAX_COLUMNS + " columns; this query has "
                    + grid.columnLabels().size() + ". Narrow time, use lastPeriods, or name fewer codes.",
                    Map.of("periods", grid.columnLabels().size(), "limit", CategoryGrid.MAX_COLUMNS));
        }
    }

    private static void checkDrawable(ChartType type, CollectedObservations obs) {
        int series = obs.series().size();
        int max = switch (type) {
            case LINE -> MAX_LINES;
            case BAR -> MAX_BARS;
            case SPARKLINE -> 1;
        };
        if (series > max) {
            throw ErrorKind.TOO_MANY_SERIES.error("A " + type.name().toLowerCase() + " chart draws at most " + max
                    + " series; this query matches " + series + ". Fix the other dimensions to one code each (e.g. sex=T&age=Y15-74) "
                    + "or name fewer areas with geo=.", Map.of("series", series, "limit", max));
        }
        if (type != ChartType.BAR && obs.periods().size() > MAX_PERIODS) {
            throw ErrorKind.TOO_MANY_PERIODS.error("A chart draws at most " + MAX_PERIODS + " periods; narrow time or use lastPeriods.",
                    Map.of("periods", obs.periods().size(), "limit", MAX_PERIODS));
        }
    }
}
