package org.lmobservatory.widgets;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import org.lmobservatory.web.QueryParams;
import org.lmobservatory.web.HttpCaching;

import java.util.Set;

/** The fixed files of the widgets: embed.js, and the embed builder's page, script and style. No data, so long caching. */
final class AssetEndpoints {
    private AssetEndpoints() {
    }

    @OpenApi(path = WidgetRoutes.EMBED_JS, methods = HttpMethod.GET, tags = "Widgets", operationId = "getEmbedScript",
            summary = "Embed script",
            description = "Sizes widget iframes to their content, and with data-dataset, data-geo, data-compare, data-lang, … attributes "
                    + "renders the indicator widget in a shadow root in place of an iframe. No dependencies, under 15 KB.",
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = "text/javascript", type = "string")),
                    @OpenApiResponse(status = "304", description = "Not modified")
            })
    static void embedScript(Context ctx) {
        WidgetHeaders.crossOrigin(ctx);
        asset(ctx, "embed-js", "text/javascript; charset=utf-8", WidgetAssets.EMBED_JS);
    }

    /** The builder's page; allowed: the query parameters BuilderEndpoint has checked already. */
    static void builder(Context ctx, Set<String> allowed) {
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-src 'self'; "
                + "base-uri 'none'; form-action 'none'; frame-ancestors 'self'");
        ctx.header("X-Content-Type-Options", "nosniff");
        asset(ctx, "builder", "text/html; charset=utf-8", WidgetAssets.BUILDER_HTML, allowed);
    }

    static void builderScript(Context ctx) {
        asset(ctx, "builder-js", "text/javascript; charset=utf-8", WidgetAssets.BUILDER_JS);
    }

    static void builderStyle(Context ctx) {
        asset(ctx, "builder-css", "text/css; charset=utf-8", WidgetAssets.BUILDER_CSS);
    }

    private static void asset(Context ctx, String name, String contentType, String content) {
        asset(ctx, name, contentType, content, Set.of());
    }

    private static void asset(Context ctx, String name, String contentType, String content, Set<String> allowed) {
        QueryParams.requireOnly(ctx, allowed);
        if (HttpCaching.notModified(ctx, WidgetHeaders.assetEtag(name), WidgetHeaders.ASSET_CACHE)) return;
        ctx.contentType(contentType).result(content);
    }
}
