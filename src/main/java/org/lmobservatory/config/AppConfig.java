package org.lmobservatory.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one typed configuration, read from environment variables and shared by server and loader.
 * Defaults run the demo with no configuration at all.
 */
public record AppConfig(
        Optional<String> databaseUrl,
        Optional<String> databaseUser,
        Optional<String> databasePassword,
        Optional<String> apiDatabaseUser,
        Optional<String> apiDatabasePassword,
        Path dataDir,
        int embeddedPort,
        int port,
        String apiRole,
        String baseUrl,
        int poolSize,
        long cacheBytes,
        long statementTimeoutMs,
        Limits limits,
        Outage outage,
        Replicas replicas) {

    /**
     * Streaming replicas for the API's published reads ({@code DATABASE_READ_URL}, comma-separated; none: every read on
     * the primary, as before) and how long a node waits for its replica to replay a publish before it reads from the
     * primary instead ({@code LMO_REPLICA_MAX_WAIT_MS}). See db/ReadReplicas.
     */
    public record Replicas(List<String> urls, long maxWaitMs) {
        public static Replicas none() {
            return new Replicas(List.of(), 5_000);
        }
    }

    /**
     * How the API pool behaves when the database is unreachable: how long a request waits for a connection, after
     * how many consecutive connection failures it stops trying for a few seconds (then lets one probe through), and
     * how long a small lookup (metadata, releases) may take before it gives up (0: no deadline; see db/LookupDeadline).
     */
    public record Outage(long connectTimeoutMs, int breakerFailures, int breakerOpenSeconds, long lookupTimeoutMs) {
        public static Outage defaults() {
            return new Outage(750, 3, 5, 3_000);
        }
    }

    /**
     * Limits in force, published at GET /v1/limits: what one request may ask for, how many requests a client may
     * send per minute (0: no rate limit), and how many database queries of API requests run at once (beyond them a
     * request waits at most {@code queryWaitMillis}, then gets a 503; see db/QueryAdmission).
     */
    public record Limits(long maxCellsJson, long maxCellsCsv, int maxCodesPerDimension, int maxLastPeriods, int requestsPerMinute,
                         int maxConcurrentQueries, long queryWaitMillis) {
        /** The API pool's default size: a query beyond the pool would only wait for a connection. */
        static final int DEFAULT_CONCURRENT_QUERIES = 8;
        static final long DEFAULT_QUERY_WAIT_MILLIS = 250;
        /**
         * Largest body of POST …/observations/query: 1 MiB holds the codes allowed per dimension in several dimensions
         * at once, even pretty-printed, and stays small enough to read into memory without thought.
         */
        public static final int MAX_QUERY_BODY_BYTES = 1024 * 1024;

        public Limits(long maxCellsJson, long maxCellsCsv, int maxCodesPerDimension, int maxLastPeriods, int requestsPerMinute) {
            this(maxCellsJson, maxCellsCsv, maxCodesPerDimension, maxLastPeriods, requestsPerMinute, DEFAULT_CONCURRENT_QUERIES,
                    DEFAULT_QUERY_WAIT_MILLIS);
        }

        public static Limits defaults() {
            return new Limits(100_000, 1_000_000, 5_000, 1_000, 600);
        }

        public Limits withRequestsPerMinute(int perMinute) {
            return new Limits(maxCellsJson, maxCellsCsv, maxCodesPerDimension, maxLastPeriods, perMinute, maxConcurrentQueries, queryWaitMillis);
        }

        public Limits withMaxConcurrentQueries(int queries) {
            return new Limits(maxCellsJson, maxCellsCsv, maxCodesPerDimension, maxLastPeriods, requestsPerMinute, queries, queryWaitMillis);
        }

        /**
         * Requests that may wait for a query permit at once; more are refused without waiting. Bounded so that requests
         * waiting on the database's account can never hold all of the server's threads (web/ServerThreads adds spare
         * ones), and generous because a waiting request is cheap: a client refused at once comes straight back, one
         * refused after the wait comes back at most four times a second.
         */
        public int maxWaitingQueries() {
            return 512;
        }
    }

    public static AppConfig fromEnvironment() {
        return from(System.getenv());
    }

    public static AppConfig from(Map<String, String> env) {
        int port = intValue(env, "PORT", 7070);
        Limits d = Limits.defaults();
        Outage o = Outage.defaults();
        int poolSize = Math.max(1, intValue(env, "LMO_DB_POOL_SIZE", 8));
        return new AppConfig(
                nonBlank(env.get("DATABASE_URL")),
                nonBlank(env.get("DATABASE_USER")),
                nonBlank(env.get("DATABASE_PASSWORD")),
                nonBlank(env.get("API_DATABASE_USER")),
                nonBlank(env.get("API_DATABASE_PASSWORD")),
                Path.of(env.getOrDefault("LMO_DATA_DIR", "data")),
                intValue(env, "LMO_EMBEDDED_PG_PORT", 0),
                port,
                env.getOrDefault("LMO_API_ROLE", "lmo_api"),
                env.getOrDefault("LMO_BASE_URL", "http://localhost:" + port),
                poolSize,
                longValue(env, "LMO_CACHE_MB", 64) * 1024 * 1024,
                longValue(env, "LMO_STATEMENT_TIMEOUT_MS", 0),
                new Limits(
                        longValue(env, "LMO_MAX_CELLS_JSON", d.maxCellsJson()),
                        longValue(env, "LMO_MAX_CELLS_CSV", d.maxCellsCsv()),
                        d.maxCodesPerDimension(),
                        d.maxLastPeriods(),
                        intValue(env, "LMO_RATE_LIMIT_PER_MINUTE", d.requestsPerMinute()),
                        // More queries at once than connections would only queue for one, holding a thread the while.
                        Math.max(1, intValue(env, "LMO_MAX_CONCURRENT_QUERIES", poolSize)),
                        // Long enough to ride out a burst, short enough that a refusal is fast (Retry-After: 1 follows).
                        Math.max(0, Math.min(1_000, longValue(env, "LMO_QUERY_WAIT_MS", Limits.DEFAULT_QUERY_WAIT_MILLIS)))),
                new Outage(
                        // Hikari refuses less than 250 ms.
                        Math.max(250, longValue(env, "LMO_DB_CONNECT_TIMEOUT_MS", o.connectTimeoutMs())),
                        Math.max(1, intValue(env, "LMO_DB_BREAKER_FAILURES", o.breakerFailures())),
                        Math.max(1, intValue(env, "LMO_DB_BREAKER_OPEN_SECONDS", o.breakerOpenSeconds())),
                        Math.max(0, longValue(env, "LMO_DB_LOOKUP_TIMEOUT_MS", o.lookupTimeoutMs()))),
                new Replicas(readUrls(env.get("DATABASE_READ_URL")),
                        Math.max(0, longValue(env, "LMO_REPLICA_MAX_WAIT_MS", Replicas.none().maxWaitMs()))));
    }

    private static List<String> readUrls(String raw) {
        if (raw == null || raw.isBlank()) return List.of();
        return Arrays.stream(raw.split(",")).map(String::trim).filter(u -> !u.isEmpty()).toList();
    }

    public AppConfig withPort(int newPort) {
        return new AppConfig(databaseUrl, databaseUser, databasePassword, apiDatabaseUser, apiDatabasePassword, dataDir, embeddedPort, newPort, apiRole, baseUrl, poolSize, cacheBytes, statementTimeoutMs, limits, outage, replicas);
    }

    /** API reads cancelled by PostgreSQL after this long (0: no limit); the loader is never limited. */
    public AppConfig withStatementTimeoutMs(long ms) {
        return new AppConfig(databaseUrl, databaseUser, databasePassword, apiDatabaseUser, apiDatabasePassword, dataDir, embeddedPort, port, apiRole, baseUrl, poolSize, cacheBytes, ms, limits, outage, replicas);
    }

    public AppConfig withLimits(Limits newLimits) {
        return new AppConfig(databaseUrl, databaseUser, databasePassword, apiDatabaseUser, apiDatabasePassword, dataDir, embeddedPort, port, apiRole, baseUrl, poolSize, cacheBytes, statementTimeoutMs, newLimits, outage, replicas);
    }

    /** Safe to log: the password never appears. */
    @Override
    public String toString() {
        return "AppConfig[database=" + databaseUrl.orElse("embedded PostgreSQL in " + dataDir.toAbsolutePath())
                + ", user=" + databaseUser.orElse("-") + ", password=" + databasePassword.map(p -> "****").orElse("-")
                + ", apiUser=" + apiDatabaseUser.orElse("-") + ", apiPassword=" + apiDatabasePassword.map(p -> "****").orElse("-")
                + ", port=" + port + ", apiRole=" + apiRole + ", cacheMB=" + cacheBytes / 1024 / 1024 + ", baseUrl=" + baseUrl + ", statementTimeoutMs=" + statementTimeoutMs + ", limits=" + limits + ", outage=" + outage
                + ", readReplicas=" + replicas.urls().stream().map(AppConfig::withoutSecrets).toList() + "]";
    }

    /** A replica URL as logged: user information and query parameters (a password may be there) left out. */
    private static String withoutSecrets(String url) {
        return url.replaceAll("//[^/@]*@", "//").replaceAll("\\?.*$", "");
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static int intValue(Map<String, String> env, String name, int fallback) {
        return (int) longValue(env, name, fallback);
    }

    private static long longValue(Map<String, String> env, String name, long fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) return fallback;
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Environment variable " + name + " must be a whole number, got '" + raw + "'");
        }
    }
}
