package org.lmobservatory.widgets;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import org.lmobservatory.errors.ObservatoryException;
import org.lmobservatory.web.HttpCaching;

import java.util.List;
import java.util.Map;

/**
 * The indicator widget over HTTP: as a whole page for an iframe and as a fragment for embed.js. Both answer an error
 * as HTML in the widget's own style, since a problem+json body would show as raw text inside someone else's page.
 */
final class IndicatorEndpoints {
    private static final String PAGE_CSS = "html,body{margin:0;padding:0;background:transparent}"
            + "body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Helvetica,Arial,sans-serif}\n";

    private final IndicatorWidget widget;

    IndicatorEndpoints(IndicatorWidget widget) {
        this.widget = widget;
    }

    @OpenApi(path = WidgetRoutes.INDICATOR, methods = HttpMethod.GET, tags = "Widgets", operationId = "getIndicatorWidget",
            summary = "Indicator widget (HTML page for an iframe)",
            description = "Latest value of one area with period, unit and flags; change since the previous period; the same value for "
                    + "comparison areas (compare=region,country walks up the territorial hierarchy; codes work too); a sparkline over a "
                    + "rolling window (lastPeriods), a table toggle, CSV download, citation, and the source and licence with a link to the "
                    + "API. Every other dimension of the dataset takes one code (default: the first code of its codelist, usually the total). "
                    + "Embeddable from any origin (frame-ancestors *); tells the parent page its height by postMessage for embed.js. "
                    + "Texts in en, sq, fi, sv, bg, pl, cs.",
            queryParams = {
                    @OpenApiParam(name = "dataset", required = true, description = "Dataset id, e.g. unemployment-rate"),
                    @OpenApiParam(name = "geo", required = true, description = "The area, e.g. FI_091 or FI1B, or a group of a grouping over the territorial codelist, e.g. FI_TEA_DEMO_1B (its value aggregated from its members; compare then takes other groups of the grouping)"),
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
    void page(Context ctx) throws Exception {
        String origin = WidgetHeaders.origin(ctx);
        Map<String, List<String>> params = ctx.queryParamMap();
        ctx.contentType("text/html; charset=utf-8");
        try {
            IndicatorWidget.Target target = widget.target(params);
            String etag = WidgetHeaders.etag(target.release().id(), "page", params, origin);
            // No CSP on a 304: caches merge its headers into the stored page, whose style hash depends on the theme.
            if (HttpCaching.notModified(ctx, etag, WidgetHeaders.DATA_CACHE)) return;
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

    @OpenApi(path = WidgetRoutes.FRAGMENT, methods = HttpMethod.GET, tags = "Widgets", operationId = "getIndicatorFragment",
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
            if (HttpCaching.notModified(ctx, WidgetHeaders.etag(target.release().id(), "fragment", params, origin), WidgetHeaders.DATA_CACHE)) return;
            IndicatorWidget.Model model = widget.build(params);
            ctx.header("ETag", WidgetHeaders.etag(model.release().id(), "fragment", params, origin));
            ctx.result(IndicatorWidgetPage.fragment(model, origin, IndicatorWidgetPage.css(model.theme())));
        } catch (ObservatoryException e) {
            ctx.removeHeader("ETag");
            ctx.header("Cache-Control", WidgetHeaders.ERROR_CACHE);
            ctx.status(e.status()).result("<style>" + WidgetAssets.WIDGET_CSS + "</style>" + IndicatorWidgetPage.errorArticle(e.getMessage()));
        }
    }

    private static String pageUrl(String origin, IndicatorWidget.Model model) {
        return origin + WidgetRoutes.INDICATOR + "?" + WidgetQueryStrings.encode(model.widgetQuery());
    }
}
