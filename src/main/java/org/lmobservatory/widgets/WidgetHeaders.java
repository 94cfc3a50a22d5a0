package org.lmobservatory.widgets;

import org.lmobservatory.web.CanonicalQuery;
import io.javalin.http.Context;
import org.lmobservatory.web.HttpCaching;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Response headers of embeddable content. Widget pages may be framed by any site (frame-ancestors *) but run
 * only their own inline style and script, allowed by hash (not nonce: a hash stays valid in a cached copy).
 * Caching: public, revalidated by an ETag made of the data release, the canonical request and the asset version,
 * so a new release or a new widget version shows up at the next revalidation.
 */
final class WidgetHeaders {
    /** Data-driven responses: an hour fresh, then cheap revalidation (304) until the release changes. */
    static final String DATA_CACHE = "public, max-age=3600, stale-while-revalidate=86400";
    /** Scripts and pages that only change with a deployment. */
    static final String ASSET_CACHE = "public, max-age=86400";
    static final String ERROR_CACHE = "public, max-age=60";

    private WidgetHeaders() {
    }

    static String widgetCsp(String style, String script) {
        return "default-src 'none'; style-src " + WidgetAssets.cspHash(style) + "; script-src "
                + (script == null ? "'none'" : WidgetAssets.cspHash(script))
                + "; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors *";
    }

    static void widgetPage(Context ctx, String style, String script) {
        ctx.header("Content-Security-Policy", widgetCsp(style, script));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
    }

    /** For content other sites fetch (the script widget's fragment, charts, oEmbed): readable from any origin, no credentials. */
    static void crossOrigin(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Cross-Origin-Resource-Policy", "cross-origin");
        ctx.header("X-Content-Type-Options", "nosniff");
    }

    /** The API's ETag of the release and a variant; the variant adds what only widgets vary by (origin, asset version). */
    static String etag(long releaseId, String kind, Map<String, List<String>> params, String origin) {
        return HttpCaching.etag(releaseId, kind + "|" + origin + "|" + canonical(params) + "|" + WidgetAssets.VERSION);
    }

    static String assetEtag(String name) {
        return "\"" + name + "-" + WidgetAssets.VERSION + "\"";
    }

    /** The origin this request reached us at; absolute links in widgets point back there. */
    static String origin(Context ctx) {
        String proto = ctx.header("X-Forwarded-Proto");
        String scheme = "https".equalsIgnoreCase(proto) || "http".equalsIgnoreCase(proto) ? proto.toLowerCase() : ctx.scheme();
        String host = ctx.host();
        return scheme + "://" + (host == null || host.isBlank() ? "localhost" : host);
    }

    /** Parameters sorted by name; values keep their order, which can matter (compare=country,region lists country first). */
    static String canonical(Map<String, List<String>> params) {
        return CanonicalQuery.ordered(params).toString();
    }
}
