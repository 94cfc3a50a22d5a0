package org.lmobservatory.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Response;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * Repeats of an answer already sent from the response cache, served before routing: a servlet filter in front of
 * Javalin that recognises the request by its raw URI and the headers the answer depends on, and writes the bytes and
 * headers the full path sent the first time. The full path parses the query, negotiates the format, resolves the
 * release, computes the ETag and looks up {@link ResponseCache}; measured on the benchmark's cached query, that work
 * and Javalin's routing were about half the server's CPU per request (bench/RESULTS.md, issue 16).
 *
 * <p>It changes nothing a client can see. An entry is made only from a 200 the full path answered from an encoded
 * response of the current release, for a GET without If-None-Match or Authorization; it is served only while that
 * very response is still in the response cache (so every eviction there — a publish, a rollback, memory — is one here
 * too), while its release is still the dataset's current one, while the catalogue has not changed since (a grouping
 * loaded again changes answers without a new release) and while the database is reachable (during an outage
 * the full path marks answers stale). What differs per request is made per request: the request id, Cache-Control
 * (shorter before an announced release), the rate-limit fields and the client's token; the access log line and the
 * latency meter are written as for any request. Anything else — a 304, HEAD, a pinned release, a refusal — takes the
 * full path.
 */
public final class FrontCache implements Filter {
    /** Set by a route that answered from the response cache: what the entry is tied to. */
    public static final String ANSWER = "lmo.frontCache.answer";
    /** Set by {@link HttpCaching#send}: the exact body bytes written. */
    static final String SENT_BODY = "lmo.frontCache.body";
    /** Headers made per request, or by Jetty itself, never replayed. */
    private static final Set<String> PER_REQUEST = Set.of("x-request-id", "cache-control", "ratelimit", "ratelimit-policy",
            "retry-after", "date", "server", "content-length", "transfer-encoding", "connection", "set-cookie");

    /**
     * What a route answered from: the response cache's key and the very response object it holds, and the release.
     * route: the route template, for the latency meter.
     */
    public record Answer(ResponseCache.Key key, EncodedResponse response, String route) {
    }

    private record Key(String uri, String accept, String acceptEncoding) {
    }

    /** headers: pre-encoded once, so Jetty copies their bytes instead of checking every character on every answer. */
    private record Entry(Answer answer, byte[] body, String contentType, List<HttpField> headers, Timer timer, long catalogueGeneration) {
        int weight() {
            return body.length + 512;
        }
    }

    private final Cache<Key, Entry> entries;
    private final ResponseCache responses;
    private final ToLongFunction<String> currentRelease;
    private final BooleanSupplier databaseFailing;
    private final LongSupplier catalogueGeneration;
    private final RateLimits rateLimits;
    private final Observability observability;
    private final Counter hits;

    /** currentRelease: the current release id of a dataset, or -1 when it cannot be told (then the full path answers). */
    public FrontCache(long maxBytes, ResponseCache responses, ToLongFunction<String> currentRelease, BooleanSupplier databaseFailing,
                      LongSupplier catalogueGeneration, RateLimits rateLimits, Observability observability) {
        this.entries = Caffeine.newBuilder().maximumWeight(Math.max(1, maxBytes)).weigher((Key k, Entry e) -> e.weight()).build();
        this.responses = responses;
        this.currentRelease = currentRelease;
        this.databaseFailing = databaseFailing;
        this.catalogueGeneration = catalogueGeneration;
        this.rateLimits = rateLimits;
        this.observability = observability;
        this.hits = Counter.builder("lmo.http.front.cache.hits")
                .description("Requests answered before routing from an answer the full path had sent (web/FrontCache)")
                .register(observability.registry());
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        if (!eligible(req)) {
            chain.doFilter(request, response);
            return;
        }
        long started = System.nanoTime();
        // Read before the full path runs: an answer made while the catalogue changed is stamped with the older
        // generation and never repeated.
        long generation = catalogueGeneration.getAsLong();
        Key key = new Key(uri(req), req.getHeader("Accept"), req.getHeader("Accept-Encoding"));
        Entry entry = entries.getIfPresent(key);
        if (entry != null && servable(entry, generation) && serve(req, res, entry, started)) return;
        chain.doFilter(request, response);
        remember(req, res, key, generation);
    }

    private static boolean eligible(HttpServletRequest req) {
        return "GET".equals(req.getMethod()) && req.getHeader("If-None-Match") == null && req.getHeader("Authorization") == null
                && req.getHeader("If-Modified-Since") == null;
    }

    private static String uri(HttpServletRequest req) {
        String query = req.getQueryString();
        return query == null ? req.getRequestURI() : req.getRequestURI() + "?" + query;
    }

    private boolean servable(Entry entry, long generation) {
        if (entry.catalogueGeneration() != generation) return false;
        Answer answer = entry.answer();
        if (responses.get(answer.key()) != answer.response() || databaseFailing.getAsBoolean()) return false;
        return currentRelease.applyAsLong(answer.key().datasetId()) == answer.key().releaseId();
    }

    private boolean serve(HttpServletRequest req, HttpServletResponse res, Entry entry, long started) throws IOException {
        if (!rateLimits.admit(req.getRemoteAddr(), res::setHeader)) return false; // the full path answers the 429
        String id = observability.requestId(req.getHeader("X-Request-Id"));
        res.setStatus(200);
        res.setHeader("X-Request-Id", id);
        if (res instanceof Response jetty) {
            HttpFields.Mutable fields = jetty.getHttpFields();
            for (HttpField header : entry.headers()) fields.add(header);
        } else {
            for (HttpField header : entry.headers()) res.addHeader(header.getName(), header.getValue());
        }
        res.setHeader("Cache-Control", HttpCaching.cacheControlNow());
        res.setCharacterEncoding(null);
        res.setContentType(entry.contentType());
        res.setContentLength(entry.body().length);
        res.getOutputStream().write(entry.body());
        hits.increment();
        observability.served(entry.timer(), "GET", req.getRequestURI(), 200, System.nanoTime() - started, id);
        return true;
    }

    private void remember(HttpServletRequest req, HttpServletResponse res, Key key, long generation) {
        if (!(req.getAttribute(ANSWER) instanceof Answer answer) || !(req.getAttribute(SENT_BODY) instanceof byte[] body)
                || res.getStatus() != 200 || res.getContentType() == null) {
            return;
        }
        List<HttpField> headers = new ArrayList<>();
        for (String name : res.getHeaderNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (PER_REQUEST.contains(lower) || lower.equals("content-type")) continue;
            for (String value : res.getHeaders(name)) headers.add(new PreEncodedHttpField(name, value));
        }
        entries.put(key, new Entry(answer, body, res.getContentType(), List.copyOf(headers), observability.timer(answer.route(), "GET", 200),
                generation));
    }

    public long size() {
        return entries.estimatedSize();
    }
}
