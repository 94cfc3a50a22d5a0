package org.lmobservatory.widgets;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.router.JavalinDefaultRouting;
import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.observations.ObservationService;
import org.lmobservatory.releases.Release;
import org.lmobservatory.releases.ReleaseResolver;
import org.lmobservatory.web.NotAcceptable;
import org.lmobservatory.web.RouteSet;
import org.lmobservatory.web.Languages;
import org.lmobservatory.web.Problem;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.errors.ObservatoryException;
import org.lmobservatory.web.QueryParams;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Embeddable views of the data: SVG charts under the API, the indicator widget as an iframe page and as a
 * fragment for embed.js, the embed builder for editors, and oEmbed so a CMS can embed a pasted widget URL.
 */
public final class WidgetRoutes implements RouteSet {
    public static final String CHART = "/v1/datasets/{datasetId}/chart.svg";
    public static final String BUILDER = "/widgets";
    public static final String INDICATOR = "/widgets/indicator";
    public static final String FRAGMENT = "/widgets/indicator/fragment";
    public static final String EMBED_JS = "/widgets/embed.js";
    public static final String BUILDER_JS = "/widgets/builder.js";
    public static final String BUILDER_CSS = "/widgets/builder.css";
    public static final String OEMBED = "/oembed";
    private static final String PAGE_CSS = "html,body{margin:0;padding:0;background:transparent}"
            + "body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Helvetica,Arial,sans-serif}\n";
    private static final List<String> HTML = List.of("text/html");
    // Browsers and older tools still send the legacy application/javascript for scripts.
    private static final List<String> JAVASCRIPT = List.of("text/javascript", "application/javascript");
    private static final int MAX_LINES = 12;
    private static final int MAX_BARS = 100;
    private static final int MAX_PERIODS = 400;

    private final CatalogueService catalogue;
    private final ObservationService observations;
    private final ReleaseResolver releases;
    private final IndicatorWidget widget;

    public WidgetRoutes(CatalogueService catalogue, ObservationService observations, ReleaseResolver releases) {
        this.catalogue = catalogue;
        this.observations = observations;
        this.releases = releases;
        this.widget = new IndicatorWidget(catalogue, observations, releases);
    }

    @Override
    public void register(JavalinDefaultRouting routing) {
        routing.get(CHART, NotAcceptable.produces(List.of("image/svg+xml"), this::chart));
        routing.get(BUILDER, NotAcceptable.produces(HTML, this::builder));
        routing.get(INDICATOR, NotAcceptable.produces(HTML, this::indicator));
        routing.get(FRAGMENT, NotAcceptable.produces(HTML, this::fragment));
        routing.get(EMBED_JS, NotAcceptable.produces(JAVASCRIPT, this::embedScript));
        routing.get(BUILDER_JS, NotAcceptable.produces(JAVASCRIPT,
                ctx -> asset(ctx, "builder-js", "text/javascript; charset=utf-8", WidgetAssets.BUILDER_JS)));
        routing.get(BUILDER_CSS, NotAcceptable.produces(List.of("text/css"),
                ctx -> asset(ctx, "builder-css", "text/css; charset=utf-8", WidgetAssets.BUILDER_CSS)));
        routing.get(OEMBED, NotAcceptable.json(this::oembed));
    }

    /** The oEmbed 1.0 "rich" response. */
    public record OEmbed(String version, String type, String title, String provider_name, String provider_url, String html,
                         int width, int height, int cache_age) {
    }

    @OpenApi(path = CHART, methods = HttpMethod.GET, tags = "Widgets", operationId = "getChartSvg",
            summary = "Chart of observations as SVG",
            description = "The same filters as the observations endpoint, drawn as a line chart (one line per series, e.g. a municipality, "
                    + "its region and its country), a bar chart ranking the series by their latest value, or a sparkline (one series). "
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
        if (WidgetHeaders.notModified(ctx, WidgetHeaders.etag(release.id(), "chart", ctx.queryParamMap(), ""), WidgetHeaders.DATA_CACHE)) return;
        CollectedObservations obs = CollectedObservations.collect(observations, release, dataset.id(), params);
        checkDrawable(type, obs);
        String svg = ChartSvgRenderer.render(ChartModels.from(obs, type, null), "lmo-chart");
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        ctx.contentType("image/svg+xml; charset=utf-8").result(svg);
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

    @OpenApi(path = INDICATOR, methods = HttpMethod.GET, tags = "Widgets", operationId = "getIndicatorWidget",
            summary = "Indicator widget (HTML page for an iframe)",
            description = "Latest value of one area with period, unit and flags; change since the previous period; the same value for "
                    + "comparison areas (compare=region,country walks up the territorial hierarchy; codes work too); a sparkline over a "
                    + "rolling window (lastPeriods), a table toggle, CSV download, citation, and the source and licence with a link to the "
                    + "API. Every other dimension of the dataset takes one code (default: the first code of its codelist, usually the total). "
                    + "Embeddable from any origin (frame-ancestors *); tells the parent page its height by postMessage for embed.js. "
                    + "Texts in en, sq, fi, sv, bg, pl, cs.",
            queryParams = {
                    @OpenApiParam(name = "dataset", required = true, description = "Dataset id, e.g. unemployment-rate"),
                    @OpenApiParam(name = "geo", required = true, description = "The area, e.g. FI_091 or FI1B"),
                    @OpenApiParam(name = "compare", description = "Comparison areas: region, country (levels above geo) and/or codes"),
                    @OpenApiParam(name = "lang", description = "en (default), sq, fi, sv, bg, pl, cs"),
                    @OpenApiParam(name = "lastPeriods", type = Integer.class, description = "Periods in the trend and table (2-120; default 10 years, 12 quarters or 24 months)"),
                    @OpenApiParam(name = "accent", description = "Accent colour as six hex digits, e.g. 1f5fa8"),
                    @OpenApiParam(name = "theme", description = "light (default), dark or auto"),
                    @OpenApiParam(name = "font", description = "system (default), serif or inherit")
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = "text/html", type = "string")),
                    @OpenApiResponse(status = "304", description = "Not modified"),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(mimeType = "text/html", type = "string")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(mimeType = "text/html", type = "string"))
            })
    void indicator(Context ctx) throws Exception {
        String origin = WidgetHeaders.origin(ctx);
        Map<String, List<String>> params = ctx.queryParamMap();
        ctx.contentType("text/html; charset=utf-8");
        try {
            IndicatorWidget.Target target = widget.target(params);
            String etag = WidgetHeaders.etag(target.release().id(), "page", params, origin);
            // No CSP on a 304: caches merge its headers into the stored page, whose style hash depends on the theme.
            if (WidgetHeaders.notModified(ctx, etag, WidgetHeaders.DATA_CACHE)) return;
            IndicatorWidget.Model model = widget.build(params);
            String style = PAGE_CSS + IndicatorWidgetPage.css(model.theme());
            String html = IndicatorWidgetPage.page(model, origin, pageUrl(origin, model), style, WidgetAssets.PAGE_SCRIPT);
            WidgetHeaders.widgetPage(ctx, style, WidgetAssets.PAGE_SCRIPT);
            ctx.header("ETag", WidgetHeaders.etag(model.release().id(), "page", params, origin));
            ctx.result(html);
        } catch (ObservatoryException e) {
            String style = PAGE_CSS + WidgetAssets.WIDGET_CSS;
            WidgetHeaders.widgetPage(ctx, style, null);
            ctx.removeHeader("ETag");
            ctx.header("Cache-Control", WidgetHeaders.ERROR_CACHE);
            ctx.status(e.status()).result(IndicatorWidgetPage.errorPage(e.getMessage(), style));
        }
    }

    @OpenApi(path = FRAGMENT, methods = HttpMethod.GET, tags = "Widgets", operationId = "getIndicatorFragment",
            summary = "Indicator widget as an HTML fragment (for embed.js)",
            description = "The indicator widget's style and markup without a page around it, for embed.js to place in a shadow root. "
                    + "Same parameters as /widgets/indicator; readable from any origin (CORS *).",
            queryParams = {
                    @OpenApiParam(name = "dataset", required = true, description = "Dataset id"),
                    @OpenApiParam(name = "geo", required = true, description = "The area"),
                    @OpenApiParam(name = "compare", description = "region, country and/or codes"),
                    @OpenApiParam(name = "lang", description = "en (default), sq, fi, sv, bg, pl, cs"),
                    @OpenApiParam(name = "lastPeriods", type = Integer.class, description = "Periods in the trend and table"),
                    @OpenApiParam(name = "accent", description = "Accent colour as six hex digits"),
                    @OpenApiParam(name = "theme", description = "light, dark or auto"),
                    @OpenApiParam(name = "font", description = "system, serif or inherit")
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = "text/html", type = "string")),
                    @OpenApiResponse(status = "304", description = "Not modified"),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(mimeType = "text/html", type = "string")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(mimeType = "text/html", type = "string"))
            })
    void fragment(Context ctx) throws Exception {
        String origin = WidgetHeaders.origin(ctx);
        Map<String, List<String>> params = ctx.queryParamMap();
        WidgetHeaders.crossOrigin(ctx);
        ctx.contentType("text/html; charset=utf-8");
        try {
            IndicatorWidget.Target target = widget.target(params);
            if (WidgetHeaders.notModified(ctx, WidgetHeaders.etag(target.release().id(), "fragment", params, origin), WidgetHeaders.DATA_CACHE)) return;
            IndicatorWidget.Model model = widget.build(params);
            ctx.header("ETag", WidgetHeaders.etag(model.release().id(), "fragment", params, origin));
            ctx.result(IndicatorWidgetPage.fragment(model, origin, IndicatorWidgetPage.css(model.theme())));
        } catch (ObservatoryException e) {
            ctx.removeHeader("ETag");
            ctx.header("Cache-Control", WidgetHeaders.ERROR_CACHE);
            ctx.status(e.status()).result("<style>" + WidgetAssets.WIDGET_CSS + "</style>" + IndicatorWidgetPage.errorArticle(e.getMessage()));
        }
    }

    @OpenApi(path = EMBED_JS, methods = HttpMethod.GET, tags = "Widgets", operationId = "getEmbedScript",
            summary = "Embed script",
            description = "Sizes widget iframes to their content, and with data-dataset, data-geo, data-compare, data-lang, … attributes "
                    + "renders the indicator widget in a shadow root in place of an iframe. No dependencies, under 15 KB.",
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = "text/javascript", type = "string")),
                    @OpenApiResponse(status = "304", description = "Not modified")
            })
    void embedScript(Context ctx) {
        WidgetHeaders.crossOrigin(ctx);
        asset(ctx, "embed-js", "text/javascript; charset=utf-8", WidgetAssets.EMBED_JS);
    }

    @OpenApi(path = BUILDER, methods = HttpMethod.GET, tags = "Widgets", operationId = "getEmbedBuilder",
            summary = "Embed builder",
            description = "A page for web editors: pick dataset, area, comparison, language and colour, see the widget live and copy "
                    + "the snippet (iframe, script or chart image).",
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = "text/html", type = "string")),
                    @OpenApiResponse(status = "304", description = "Not modified")
            })
    void builder(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-src 'self'; "
                + "base-uri 'none'; form-action 'none'; frame-ancestors 'self'");
        ctx.header("X-Content-Type-Options", "nosniff");
        asset(ctx, "builder", "text/html; charset=utf-8", WidgetAssets.BUILDER_HTML);
    }

    private static void asset(Context ctx, String name, String contentType, String content) {
        QueryParams.requireOnly(ctx, Set.of());
        if (WidgetHeaders.notModified(ctx, WidgetHeaders.assetEtag(name), WidgetHeaders.ASSET_CACHE)) return;
        ctx.contentType(contentType).result(content);
    }

    @OpenApi(path = OEMBED, methods = HttpMethod.GET, tags = "Widgets", operationId = "getOEmbed",
            summary = "oEmbed for widget URLs",
            description = "oEmbed 1.0 (type rich) for a URL of /widgets/indicator on this server, so a CMS can embed a widget from a "
                    + "pasted link. Widget pages announce this endpoint with a discovery link.",
            queryParams = {
                    @OpenApiParam(name = "url", required = true, description = "A widget URL, e.g. http://localhost:7070/widgets/indicator?dataset=unemployment-rate&geo=FI1B"),
                    @OpenApiParam(name = "format", description = "json (the only format offered)"),
                    @OpenApiParam(name = "maxwidth", type = Integer.class, description = "Largest width the consumer can show"),
                    @OpenApiParam(name = "maxheight", type = Integer.class, description = "Largest height the consumer can show")
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = OEmbed.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "501", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))
            })
    void oembed(Context ctx) throws Exception {
        QueryParams.requireOnly(ctx, Set.of("url", "format", "maxwidth", "maxheight"));
        String format = QueryParams.single(ctx, "format");
        if (format != null && !format.equals("json")) {
            throw ErrorKind.UNSUPPORTED_FORMAT.error("oEmbed is offered as json only.");
        }
        String url = QueryParams.single(ctx, "url");
        if (url == null) throw ErrorKind.MISSING_PARAMETER.error("Parameter 'url' is required.", Map.of("parameter", "url"));
        String origin = WidgetHeaders.origin(ctx);
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw ErrorKind.NOT_A_WIDGET.error("'" + url + "' is not a URL.");
        }
        String host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        if (uri.getHost() == null || !INDICATOR.equals(uri.getPath()) || !host.equalsIgnoreCase(ctx.host())) {
            throw ErrorKind.NOT_A_WIDGET.error(
                    "oEmbed answers for widget URLs of this server only: " + origin + INDICATOR + "?dataset=…&geo=…");
        }
        IndicatorWidget.Model model = widget.build(query(uri.getRawQuery()));
        int width = Math.min(480, positive(ctx, "maxwidth", 480));
        int height = Math.min(estimatedHeight(model), positive(ctx, "maxheight", 10_000));
        String src = origin + INDICATOR + "?" + query(model.widgetQuery());
        String title = Languages.pick(model.dataset().title(), model.lang()) + ": " + model.main().label();
        String html = "<iframe src=\"" + Markup.escape(src) + "\" title=\"" + Markup.escape(title) + "\" width=\"" + width + "\" height=\"" + height
                + "\" style=\"border:0;width:100%;max-width:" + width + "px\" loading=\"lazy\" allow=\"clipboard-write\"></iframe>"
                + "<script async src=\"" + Markup.escape(origin + EMBED_JS) + "\"></script>";
        WidgetHeaders.crossOrigin(ctx);
        ctx.header("Cache-Control", WidgetHeaders.DATA_CACHE);
        ctx.json(new OEmbed("1.0", "rich", title, "Labour Market Observatory", origin, html, width, height, 3600));
    }

    private static int estimatedHeight(IndicatorWidget.Model m) {
        return 330 + 46 * m.comparisons().size() + 20 * m.notes().size() + (m.filters().isEmpty() ? 0 : 20);
    }

    private static int positive(Context ctx, String name, int fallback) {
        String v = QueryParams.single(ctx, name);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v);
            if (n > 0) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ErrorKind.INVALID_PARAMETER.error(name + " must be a positive whole number; got '" + v + "'.", Map.of("parameter", name));
    }

    private static String pageUrl(String origin, IndicatorWidget.Model model) {
        return origin + INDICATOR + "?" + query(model.widgetQuery());
    }

    static String query(Map<String, String> params) {
        List<String> parts = new ArrayList<>();
        params.forEach((k, v) -> parts.add(k + "=" + java.net.URLEncoder.encode(v, StandardCharsets.UTF_8).replace("%2C", ",")));
        return String.join("&", parts);
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return params;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return params;
    }
}
