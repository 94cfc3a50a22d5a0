package org.lmobservatory.releases;

import org.lmobservatory.web.CanonicalQuery;
import io.javalin.openapi.OpenApiDescription;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How to cite a response: what, which release, whose, under which licence, and a permanent URL that pins the release
 * so the same numbers come back whenever it is opened.
 */
public record Citation(
        String title,
        long releaseId,
        @OpenApiDescription("When the release was published (ISO 8601)") String releasedAt,
        String source,
        String licence,
        @OpenApiDescription("Permanent URL of exactly this response: the query with release= pinned") String url,
        @OpenApiDescription("A ready-made citation line") String text) {

    /**
     * @param path           the resource path, e.g. /v1/datasets/x/observations
     * @param query the request's parameters (release= and asOf= are replaced by the pinned release, which leads)
     */
    public static Citation of(String baseUrl, String path, CanonicalQuery query, String title, Release release, String source, String licence) {
        String url = baseUrl + path + "?" + query.without("asOf").encodedAfter("release", Long.toString(release.id()));
        String date = release.publishedAt().toString().substring(0, 10);
        String text = source + ": " + title + ". Release " + release.id() + ", published " + date + ". Licence " + licence + ". " + url;
        return new Citation(title, release.id(), release.publishedAt().toString(), source, licence, url, text);
    }

    /** The HTTP Link header value (RFC 8574 cite-as) that carries the permanent URL, also for CSV. */
    public String linkHeader() {
        return "<" + url + ">; rel=\"cite-as\"";
    }
}
