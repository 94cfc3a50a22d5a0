package org.lmobservatory.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.errors.ObservatoryException;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A per-client token bucket (bucket4j): a client may send {@code perMinute} requests in a burst and then one every
 * 60/perMinute seconds. Every answer says where the client stands in the IETF RateLimit header fields
 * (draft-ietf-httpapi-ratelimit-headers), so a well-behaved client never meets the 429. A 304 gives its token back:
 * revalidating a cached answer is the behaviour we want to encourage. Health and readiness are never limited, so
 * a load balancer keeps seeing the truth while one client is throttled.
 */
public final class RateLimits implements RouteSet {
    private static final Set<String> EXEMPT = Set.of(SystemRoutes.HEALTH, SystemRoutes.READY);
    private static final String POLICY = "per-client";
    private static final String TOKEN_TAKEN = "lmo.rateLimitToken";

    private final int perMinute;
    private final Runnable onRefusal;
    private final Cache<String, Bucket> buckets;

    public RateLimits(int perMinute, Runnable onRefusal) {
        this.perMinute = perMinute;
        this.onRefusal = onRefusal;
        // A client idle for two minutes has a full bucket again, so forgetting it then changes nothing.
        this.buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(2)).maximumSize(200_000).build();
    }

    @Override
    public void register(JavalinDefaultRouting routing) {
        if (perMinute <= 0) return;
        routing.before(this::admit);
        routing.after(this::refundRevalidation);
    }

    /** Health and readiness: never limited, so a load balancer keeps seeing the truth. */
    static boolean exempt(String path) {
        return EXEMPT.contains(path);
    }

    /**
     * For web/FrontCache, which answers before the route handlers: takes the client's token and sets the rate-limit
     * fields, as {@link #admit(Context)} does; false, with nothing taken, when the client is over its limit.
     */
    boolean admit(String ip, BiConsumer<String, String> header) {
        if (perMinute <= 0) return true;
        Bucket bucket = bucket(ip);
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) return false;
        header.accept("RateLimit-Policy", policy());
        header.accept("RateLimit", remaining(probe));
        return true;
    }

    private Bucket bucket(String ip) {
        return buckets.get(ip, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
    }

    private String policy() {
        return "\"" + POLICY + "\";q=" + perMinute + ";w=60";
    }

    private String remaining(ConsumptionProbe probe) {
        return "\"" + POLICY + "\";r=" + probe.getRemainingTokens() + ";t=" + secondsUntilFull(probe.getRemainingTokens());
    }

    private void admit(Context ctx) {
        if (exempt(ctx.path())) return;
        Bucket bucket = bucket(ctx.ip());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        ctx.header("RateLimit-Policy", policy());
        if (probe.isConsumed()) {
            ctx.attribute(TOKEN_TAKEN, bucket);
            ctx.header("RateLimit", remaining(probe));
            return;
        }
        long retry = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        ctx.header("RateLimit", "\"" + POLICY + "\";r=0;t=" + retry);
        ctx.header("Retry-After", Long.toString(retry));
        onRefusal.run();
        throw new ObservatoryException(ErrorKind.RATE_LIMITED, "This client sent more than " + perMinute + " requests in a minute; retry after " + retry
                        + " s. Cached answers revalidated with If-None-Match (304) do not count.",
                Map.of("limit", perMinute, "windowSeconds", 60, "retryAfterSeconds", retry));
    }

    private void refundRevalidation(Context ctx) {
        Bucket bucket = ctx.attribute(TOKEN_TAKEN);
        if (bucket != null && ctx.status() == HttpStatus.NOT_MODIFIED) bucket.addTokens(1);
    }

    /** Seconds until a bucket holding {@code remaining} tokens is full again: when the quota is whole once more. */
    private long secondsUntilFull(long remaining) {
        return (long) Math.ceil((perMinute - remaining) * 60.0 / perMinute);
    }
}
