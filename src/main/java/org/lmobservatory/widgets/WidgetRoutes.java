package org.lmobservatory.widgets;

import io.javalin.router.JavalinDefaultRouting;
import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.observations.ObservationService;
import org.lmobservatory.releases.ReleaseResolver;
import org.lmobservatory.web.NotAcceptable;
import org.lmobservatory.web.RouteSet;

import java.util.List;

/**
 * Embeddable views of the data: SVG charts under the API ({@link ChartEndpoint}), the indicator widget as an iframe
 * page and as a fragment for embed.js ({@link IndicatorEndpoints}), the embed builder and scripts
 * ({@link AssetEndpoints}), and oEmbed so a CMS can embed a pasted widget URL ({@link OEmbedEndpoint}).
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
    private static final List<String> HTML = List.of("text/html");
    // Browsers and older tools still send the legacy application/javascript for scripts.
    private static final List<String> JAVASCRIPT = List.of("text/javascript", "application/javascript");

    private final ChartEndpoint chart;
    private final IndicatorEndpoints indicator;
    private final OEmbedEndpoint oembed;
    private final BuilderEndpoint builder;

    public WidgetRoutes(CatalogueService catalogue, ObservationService observations, ReleaseResolver releases) {
        IndicatorWidget widget = new IndicatorWidget(catalogue, observations, releases);
        this.chart = new ChartEndpoint(catalogue, observations, releases);
        this.indicator = new IndicatorEndpoints(widget);
        this.oembed = new OEmbedEndpoint(widget);
        this.builder = new BuilderEndpoint(catalogue, observations);
    }

    @Override
    public void register(JavalinDefaultRouting routing) {
        routing.get(CHART, NotAcceptable.produces(List.of("image/svg+xml"), chart::chart));
        routing.get(BUILDER, NotAcceptable.produces(HTML, builder::builder));
        routing.get(INDICATOR, NotAcceptable.produces(HTML, indicator::page));
        routing.get(FRAGMENT, NotAcceptable.produces(HTML, indicator::fragment));
        routing.get(EMBED_JS, NotAcceptable.produces(JAVASCRIPT, AssetEndpoints::embedScript));
        routing.get(BUILDER_JS, NotAcceptable.produces(JAVASCRIPT, AssetEndpoints::builderScript));
        routing.get(BUILDER_CSS, NotAcceptable.produces(List.of("text/css"), AssetEndpoints::builderStyle));
        routing.get(OEMBED, NotAcceptable.json(oembed::oembed));
    }
}
