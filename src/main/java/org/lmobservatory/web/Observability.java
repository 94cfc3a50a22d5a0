package org.lmobservatory.web;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * What an operator needs to see: every request gets an id (the client's X-Request-Id when it is a sane token,
 * otherwise a new one), returned as a header and in problem bodies, and one access-log line; latency is recorded per
 * route template, method and status, next to JVM, pool and cache meters, all scraped from GET /metrics in the
 * Prometheus text format. The access log is the logger {@code org.lmobservatory.access} (written by web/AccessLog), so it can be silenced or
 * routed on its own.
 */
public final class Observability implements RouteSet {
    public static final String METRICS = "/metrics";
    static final String REQUEST_ID = "lmo.requestId";
    private final AccessLog access = new AccessLog(System.err);
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String STARTED = "lmo.started";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter rateLimited;
    /** Meters by route, method and status, looked up without building a meter id per request. */
    private final java.util.concurrent.ConcurrentMap<TimerKey, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();
    private final Counter overloaded;

    public Observability() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        rateLimited = Counter.builder("lmo.rate.limited").description("Requests refused with 429").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("lmo.access.log.dropped", access, AccessLog::dropped)
                .description("Access-log lines dropped because the log could not keep up (web/AccessLog)").register(registry);
        overloaded = Counter.builder("lmo.db.admission.rejected")
                .description("Requests refused with 503 overloaded: no database query permit within the wait").register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Counted by web/RateLimits. */
    public void rateLimited() {
        rateLimited.increment();
    }

    /** Counted by db/QueryAdmission when it refuses a request. */
    public void overloaded() {
        overloaded.increment();
    }

    /** Queries running and requests waiting at the admission gate: a gate always full says the limit is too low. */
    public void admission(org.lmobservatory.db.QueryAdmission gate) {
        io.micrometer.core.instrument.Gauge.builder("lmo.db.admission.running", gate, g -> g.inUse()).register(registry);
        io.micrometer.core.instrument.Gauge.builder("lmo.db.admission.waiting", gate, g -> g.waiting()).register(registry);
        io.micrometer.core.instrument.Gauge.builder("lmo.db.admission.limit", gate, g -> g.permits()).register(registry);
    }

    /** The API pool's connections, so a saturated pool shows before its requests time out. */
    /** Per read replica: up (1/0), replay lag in bytes and seconds (NaN while unknown); 1 while reads go to the primary. */
    public void replicas(org.lmobservatory.db.ReadReplicas replicas) {
        if (!replicas.configured()) return;
        io.micrometer.core.instrument.Gauge.builder("lmo.db.reads.on.primary", replicas, r -> r.readsOnPrimary() ? 1 : 0).register(registry);
        for (String name : replicas.names()) {
            io.micrometer.core.instrument.Gauge.builder("lmo.db.replica.up", replicas, r -> r.up(name)).tag("replica", name).register(registry);
            io.micrometer.core.instrument.Gauge.builder("lmo.db.replica.lag.bytes", replicas, r -> r.lagBytes(name)).tag("replica", name).register(registry);
            io.micrometer.core.instrument.Gauge.builder("lmo.db.replica.lag.seconds", replicas, r -> r.lagSeconds(name)).tag("replica", name).register(registry);
        }
    }

    public void pool(String name, com.zaxxer.hikari.HikariPoolMXBean pool) {
        io.micrometer.core.instrument.Gauge.builder("lmo.db.pool.active", pool, p -> p.getActiveConnections()).tag("pool", name).register(registry);
        io.micrometer.core.instrument.Gauge.builder("lmo.db.pool.idle", pool, p -> p.getIdleConnections()).tag("pool", name).register(registry);
        io.micrometer.core.instrument.Gauge.builder("lmo.db.pool.pending", pool, p -> p.getThreadsAwaitingConnection()).tag("pool", name).register(registry);
    }

    @Override
    public void register(JavalinDefaultRouting routing) {
        routing.before(this::start);
        routing.after(this::finish);
        routing.get(METRICS, ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
    }

    /** The id of this request, for problem bodies and logs. */
    public static String requestId(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        return id == null ? "" : id;
    }

    private void start(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
        String id = requestId(ctx.header("X-Request-Id"));
        ctx.attribute(REQUEST_ID, id);
        ctx.header("X-Request-Id", id);
    }

    /**
     * The client's id when it is a sane token, else a new random (version 4) UUID. ThreadLocalRandom, not
     * UUID.randomUUID: an id for log correlation needs no cryptographic strength, and SecureRandom's shared state was
     * a point of contention on the hot path.
     */
    String requestId(String given) {
        if (given != null && SANE_ID.matcher(given).matches()) return given;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private void finish(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) return;
        long nanos = System.nanoTime() - started;
        String route;
        try {
            route = ctx.endpointHandlerPath();
        } catch (RuntimeException e) {
            route = "unmatched";
        }
        served(ctx.method().name(), ctx.path(), route, ctx.statusCode(), nanos, requestId(ctx));
    }

    /** The latency meter and the access-log line of one request, whichever path answered it (see FrontCache). */
    void served(String method, String path, String route, int status, long nanos, String id) {
        served(timer(route, method, status), method, path, status, nanos, id);
    }

    void served(Timer timer, String method, String path, int status, long nanos, String id) {
        timer.record(nanos, TimeUnit.NANOSECONDS);
        access.line(method, path, status, TimeUnit.NANOSECONDS.toMillis(nanos), id);
    }

    Timer timer(String route, String method, int status) {
        return timers.computeIfAbsent(new TimerKey(route, method, status), k -> Timer.builder("lmo.http.requests")
                .description("HTTP requests by route template, method and status")
                .tag("route", k.route()).tag("method", k.method()).tag("status", Integer.toString(k.status()))
                .publishPercentileHistogram(false)
                .register(registry));
    }

    private record TimerKey(String route, String method, int status) {
    }
}
