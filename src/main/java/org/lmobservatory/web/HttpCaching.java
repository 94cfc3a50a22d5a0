package org.lmobservatory.web;

import io.javalin.http.Context;
import org.lmobservatory.web.negotiation.ContentCodings;
import org.lmobservatory.web.negotiation.IfNoneMatch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;

/**
 * Conditional-request and caching headers. ETags derive only from the release and the canonical request, so
 * every instance computes the same one and it changes only when something is published.
 */
public final class HttpCaching {
    static final long MAX_AGE_SECONDS = 300;
    /** How long after it stops being fresh an answer may still be served when the database fails (RFC 5861). */
    static final long STALE_IF_ERROR_SECONDS = 86_400;
    public static final String CACHE_CONTROL = cacheControl(MAX_AGE_SECONDS);
    /** Ours, on answers served from memory while the database is unreachable, for clients that ignore Warning. */
    public static final String STALE_HEADER = "X-Served-Stale";

    private HttpCaching() {
    }

    /**
     * Fresh for maxAge seconds; after that a cache revalidates (an ETag makes that a 304), may serve stale while it does,
     * and may serve stale for a day when the server fails.
     */
    static String cacheControl(long maxAge) {
        return "public, max-age=" + maxAge + ", stale-while-revalidate=3600, stale-if-error=" + STALE_IF_ERROR_SECONDS;
    }

    /** Fresh until an announced release: no serving stale while revalidating, which would outlast the instant. */
    static String untilAnnounced(long maxAge) {
        return "public, max-age=" + maxAge + ", stale-if-error=" + STALE_IF_ERROR_SECONDS;
    }

    public static String etag(long releaseId, String variant) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(variant.getBytes(StandardCharsets.UTF_8));
            return "\"r" + releaseId + "-" + HexFormat.of().formatHex(digest, 0, 10) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets validators and cache headers; true when the client's copy is current and a 304 was sent. */
    public static boolean notModified(Context ctx, String etag, Instant lastModified) {
        validators(ctx, etag, lastModified);
        return clientHasCurrent(ctx, etag);
    }

    /** The validators and cache headers alone, for answers that are never a 304 (a POST query's). */
    public static void validators(Context ctx, String etag, Instant lastModified) {
        ctx.header("ETag", etag);
        ctx.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atOffset(ZoneOffset.UTC)));
        ctx.header("Cache-Control", cacheControlNow());
        ctx.header("Vary", "Accept, Accept-Encoding");
    }

    /** The API's Cache-Control at this moment: shorter before an announced release, so no cache outlasts it. */
    static String cacheControlNow() {
        long maxAge = AnnouncedChanges.maxAgeSeconds(MAX_AGE_SECONDS, Instant.now());
        return maxAge == MAX_AGE_SECONDS ? CACHE_CONTROL : untilAnnounced(maxAge);
    }

    /**
     * For answers cached on their own terms (widgets, their scripts): ETag and Cache-Control, no Last-Modified, and the
     * same If-None-Match check as the API, so both sides agree on weak tags, lists and {@code *}.
     */
    public static boolean notModified(Context ctx, String etag, String cacheControl) {
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", cacheControl);
        return clientHasCurrent(ctx, etag);
    }

    /** The one If-None-Match check of the server (API and widgets): true, with the status set to 304, when the tag matches. */
    public static boolean clientHasCurrent(Context ctx, String etag) {
        if (!IfNoneMatch.parse(ctx.header("If-None-Match")).matches(etag)) return false;
        ctx.status(304);
        return true;
    }

    public static boolean acceptsGzip(Context ctx) {
        return ContentCodings.acceptsGzip(ctx.header("Accept-Encoding"));
    }

    /** Writes the pre-encoded bytes straight to the socket: no copy, no compression pass, a known length. */
    public static void send(Context ctx, EncodedResponse response) throws java.io.IOException {
        response.headers().forEach(ctx::header);
        ctx.res().setCharacterEncoding(null); // else Jetty appends ";charset=utf-8" to binary types such as xlsx
        ctx.contentType(response.contentType());
        boolean gzip = acceptsGzip(ctx);
        byte[] body = gzip ? response.gzipBody() : response.body();
        if (gzip) ctx.header("Content-Encoding", "gzip");
        ctx.res().setContentLength(body.length);
        ctx.req().setAttribute(FrontCache.SENT_BODY, body);
        ctx.res().getOutputStream().write(body);
    }

    /**
     * Whether a cached answer may stand in while the database is unreachable: as long as the stale-if-error promised
     * in our own Cache-Control, counted from when it was made.
     */
    public static boolean servableWhenFailing(EncodedResponse response, Instant now) {
        return Duration.between(response.storedAt(), now).getSeconds() <= MAX_AGE_SECONDS + STALE_IF_ERROR_SECONDS;
    }

    /**
     * Sends a cached answer during an outage, marked: it may be outdated since nothing could check for a newer release.
     * Warning 110 (RFC 7234; obsoleted by RFC 9111 but still read by some clients), Age, and a header of ours.
     */
    public static void sendStale(Context ctx, EncodedResponse response, Instant now) throws java.io.IOException {
        ctx.header("Warning", "110 - \"Response is Stale\"");
        ctx.header("Age", Long.toString(Math.max(0, Duration.between(response.storedAt(), now).getSeconds())));
        ctx.header(STALE_HEADER, "database-unavailable");
        send(ctx, response);
    }

    public static Map<String, String> none() {
        return Map.of();
    }
}
