package org.lmobservatory.widgets;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.web.Languages;
import org.lmobservatory.web.Problem;
import org.lmobservatory.web.QueryParams;

import java.net.URI;
import java.util.Map;
import java.util.Set;

/** oEmbed 1.0 for indicator widget URLs of this server, so a CMS can embed a widget from a pasted link. */
final class OEmbedEndpoint {
    private final IndicatorWidget widget;

    OEmbedEndpoint(IndicatorWidget widget) {
        this.widget = widget;
    }

    /** The oEmbed 1.0 "rich" response. */
    public record OEmbed(String version, String type, String title, String provider_name, String provider_url, String html,
                         int width, int height, int cache_age) {
    }

    @OpenApi(path = WidgetRoutes.OEMBED, methods = HttpMethod.GET, tags = "Widgets", operationId = "getOEmbed",
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
        if (uri.getHost() == null || !WidgetRoutes.INDICATOR.equals(uri.getPath()) || !host.equalsIgnoreCase(ctx.host())) {
            throw ErrorKind.NOT_A_WIDGET.error(
                    "oEmbed answers for widget URLs of this server only: " + origin + WidgetRoutes.INDICATOR + "?dataset=…&geo=…");
        }
        IndicatorWidget.Model model = widget.build(WidgetQueryStrings.decode(uri.getRawQuery()));
        int width = Math.min(480, positive(ctx, "maxwidth", 480));
        int height = Math.min(estimatedHeight(model), positive(ctx, "maxheight", 10_000));
        String src = origin + WidgetRoutes.INDICATOR + "?" + WidgetQueryStrings.encode(model.widgetQuery());
        String title = Languages.pick(model.dataset().title(), model.lang()) + ": " + model.main().label();
        String html = "<iframe src=\"" + Markup.escape(src) + "\" title=\"" + Markup.escape(title) + "\" width=\"" + width + "\" height=\"" + height
                + "\" style=\"border:0;width:100%;max-width:" + width + "px\" loading=\"lazy\" allow=\"clipboard-write\"></iframe>"
                + "<script async src=\"" + Markup.escape(origin + WidgetRoutes.EMBED_JS) + "\"></script>";
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
}
