package org.lmobservatory.web;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.router.JavalinDefaultRouting;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.db.ReadReplicas;
import org.lmobservatory.config.AppConfig.Limits;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Liveness, readiness and the limits in force. */
public final class SystemRoutes implements RouteSet {
    public static final String HEALTH = "/health";
    public static final String READY = "/ready";
    public static final String LIMITS = "/v1/limits";

    private final Jdbi api;
    private Integer webhookSubscriptionsPerClient;
    private final Limits limits;
    private final BooleanSupplier databaseRefused;
    private final Supplier<Optional<String>> downloadsUnwritable;
    private final Supplier<ReadReplicas.ReplicasStatus> replicas;

    /**
     * {@code databaseRefused}: true while the API pool's circuit breaker refuses connections without trying;
     * {@code downloadsUnwritable}: why bulk downloads cannot be written, if they cannot.
     */
    public SystemRoutes(Jdbi api, Limits limits, BooleanSupplier databaseRefused, Supplier<Optional<String>> downloadsUnwritable) {
        this(api, limits, databaseRefused, downloadsUnwritable, () -> null);
    }

    /**
     * {@code api}: the API role on the primary (readiness is the primary's: a lost replica degrades, the primary serves);
     * {@code replicas}: the read replicas' state for the answer's detail, null without replicas.
     */
    public SystemRoutes(Jdbi api, Limits limits, BooleanSupplier databaseRefused, Supplier<Optional<String>> downloadsUnwritable,
                        Supplier<ReadReplicas.ReplicasStatus> replicas) {
        this.api = api;
        this.limits = limits;
        this.databaseRefused = databaseRefused;
        this.downloadsUnwritable = downloadsUnwritable;
        this.replicas = replicas;
    }

    /** The webhook subscriptions one client may hold (webhooks/), stated with the other limits. */
    public SystemRoutes withWebhookSubscriptionsPerClient(int max) {
        this.webhookSubscriptionsPerClient = max;
        return this;
    }

    public record Health(String status) {
    }

    /** {@code downloads}: whether bulk downloads can be written (the data directory's downloads folder). */
    public record Readiness(String status, boolean database, String schemaVersion, boolean downloads,
                            @JsonInclude(JsonInclude.Include.NON_NULL) ReadReplicas.ReplicasStatus readReplicas) {
    }

    public record LimitsView(long maxCellsJson, long maxCellsCsv, int maxCodesPerDimension, int maxLastPeriods,
                             int maxQueryBodyBytes, int requestsPerMinute, String rateLimit, int maxConcurrentQueries,
                             long queryWaitMillis, Map<String, String> notes,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Integer webhookSubscriptionsPerClient) {
    }

    @Override
    public void register(JavalinDefaultRouting routing) {
        routing.get(HEALTH, NotAcceptable.json(this::health));
        routing.get(READY, NotAcceptable.json(this::ready));
        routing.get(LIMITS, NotAcceptable.json(this::limits));
    }

    @OpenApi(path = HEALTH, methods = HttpMethod.GET, tags = "System", operationId = "health", summary = "Liveness",
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = Health.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))})
    void health(Context ctx) {
        QueryParams.requireOnly(ctx, Set.of());
        ctx.json(new Health("up"));
    }

    @OpenApi(path = READY, methods = HttpMethod.GET, tags = "System", operationId = "ready",
            summary = "Readiness: database reachable, migrations applied, downloads writable; read replicas' state when there are any",
            responses = {
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = Readiness.class)),
                    @OpenApiResponse(status = "503", content = @OpenApiContent(from = Readiness.class))
            })
    void ready(Context ctx) {
        QueryParams.requireOnly(ctx, Set.of());
        // Also with an external database: the downloads are written to the local data directory all the same, and an
        // instance that cannot write them would answer every /download with an error.
        Optional<String> storage = downloadsUnwritable.get();
        boolean downloads = storage.isEmpty();
        // A load balancer polls this often: during an outage it answers at once instead of queueing for a connection.
        // Otherwise the wait is bounded by the API pool's connection timeout (LMO_DB_CONNECT_TIMEOUT_MS).
        if (databaseRefused.getAsBoolean()) {
            ctx.status(503).json(new Readiness("database unreachable", false, null, downloads, replicas.get()));
            return;
        }
        try {
            String version = api.withExtension(SchemaDao.class, SchemaDao::migratedVersion);
            ReadReplicas.ReplicasStatus replicaStatus = replicas.get();
            String status = version == null ? "migrations missing" : storage.orElse(degraded(replicaStatus));
            ctx.status(version != null && downloads ? 200 : 503).json(new Readiness(status, true, version, downloads, replicaStatus));
        } catch (RuntimeException e) {
            ctx.status(503).json(new Readiness("database unreachable", false, null, downloads, replicas.get()));
        }
    }

    /** Ready, or ready but degraded: the primary serves what a lost or lagging replica cannot. */
    private static String degraded(ReadReplicas.ReplicasStatus replicas) {
        if (replicas == null) return "ready";
        long lost = replicas.replicas().stream().filter(r -> !r.up()).count();
        if (lost > 0) return "ready (degraded: " + lost + " of " + replicas.replicas().size() + " read replicas lost, reads from "
                + replicas.readsFrom() + ")";
        return "primary".equals(replicas.readsFrom()) ? "ready (degraded: reads from the primary while the replicas catch up)" : "ready";
    }

    @OpenApi(path = LIMITS, methods = HttpMethod.GET, tags = "System", operationId = "limits",
            summary = "Limits in force", description = "Machine-readable limits, so clients can split their queries before they hit a 413.",
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = LimitsView.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))})
    void limits(Context ctx) {
        QueryParams.requireOnly(ctx, Set.of());
        int perMinute = limits.requestsPerMinute();
        ctx.json(new LimitsView(limits.maxCellsJson(), limits.maxCellsCsv(), limits.maxCodesPerDimension(), limits.maxLastPeriods(),
                Limits.MAX_QUERY_BODY_BYTES, perMinute,
                perMinute > 0 ? perMinute + " requests per minute per client address (token bucket: a burst of " + perMinute + ", then one every "
                        + String.format(java.util.Locale.ROOT, "%.2f", 60.0 / perMinute) + " s)" : "none",
                limits.maxConcurrentQueries(), limits.queryWaitMillis(),
                Map.of("cells", "cells = matching series × periods in the time window, checked before any row is read; over the limit the answer is 413",
                        "url", "a request line (URL) may be up to " + JettyProblems.MAX_REQUEST_HEADER_BYTES + " bytes, room for "
                                + limits.maxCodesPerDimension() + " codes of one parameter; longer is a 414 problem",
                        "queryBody", "POST /v1/datasets/{datasetId}/observations/query takes the query as JSON, up to " + Limits.MAX_QUERY_BODY_BYTES
                                + " bytes (maxQueryBodyBytes), room for " + limits.maxCodesPerDimension() + " codes in every dimension; larger is a 413 problem",
                        "rateLimit", perMinute > 0
                                ? "every answer carries RateLimit-Policy and RateLimit header fields (IETF draft); over the limit the answer is 429 with "
                                + "Retry-After; a 304 Not Modified gives its request back; /health and /ready are never limited"
                                : "no per-client rate limit is enforced by this server",
                        "admission", "at most " + limits.maxConcurrentQueries() + " database queries run at once for all clients together; "
                                + "a request that needs one more (not in the response cache) waits up to " + limits.queryWaitMillis()
                                + " ms, then gets 503 problem+json (type …/problems/overloaded) with Retry-After: 1. Cached answers, 304s, "
                                + "/health and /ready never wait",
                        "webhooks", webhookSubscriptionsPerClient == null ? "no webhook subscriptions on this server"
                                : "a client (address) may hold at most " + webhookSubscriptionsPerClient + " webhook subscriptions "
                                + "(webhookSubscriptionsPerClient); one more is a 409 problem (type …/problems/subscription-limit) until it deletes one"),
                webhookSubscriptionsPerClient));
    }
}
