package org.lmobservatory.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.lmobservatory.config.AppConfig;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.errors.ObservatoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The database as the application sees it: an owner pool (migrations, loader) and a read-only pool that runs
 * as the API role, which has no access to staging. Starts an embedded PostgreSQL when no DATABASE_URL is set.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final EmbeddedPostgres embedded;
    private final HikariDataSource ownerPool;
    private final HikariDataSource apiPool;
    private final ConnectionBreaker apiBreaker;
    private final Jdbi owner;
    private final Jdbi api;
    private final Jdbi lookups;
    private final ReadReplicas replicas;
    private final Jdbi primaryApi;
    private final Jdbi primaryLookups;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private Database(EmbeddedPostgres embedded, String jdbcUrl, String user, String password, AppConfig config) {
        this(embedded, jdbcUrl, user, password, config, embedded != null);
    }

    private Database(EmbeddedPostgres embedded, String jdbcUrl, String user, String password, AppConfig config, boolean embeddedAuth) {
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.ownerPool = pool("lmo-owner", jdbcUrl, user, password, 4, null, false, 0, 30_000);
        migrate(ownerPool);
        ApiLogin login = ApiLogin.resolve(config, ownerPool, embeddedAuth, user, password);
        this.apiPool = pool("lmo-api", jdbcUrl, login.user(), login.password(), config.poolSize(), login.setRole(), true,
                config.statementTimeoutMs(), config.outage().connectTimeoutMs());
        this.apiBreaker = new ConnectionBreaker(apiPool, config.outage().breakerFailures(), config.outage().breakerOpenSeconds());
        this.owner = Jdbi.create(ownerPool).installPlugin(new PostgresPlugin()).installPlugin(new SqlObjectPlugin());
        // Read replicas get the API's login and role too (a physical replica has the primary's roles), each its own pool.
        this.replicas = replicas(config, login, apiBreaker);
        javax.sql.DataSource reads = replicas.configured() ? replicas.reads() : apiBreaker;
        this.api = Jdbi.create(reads).installPlugin(new PostgresPlugin()).installPlugin(new SqlObjectPlugin());
        this.lookups = lookupJdbi(reads, config);
        this.primaryApi = replicas.configured() ? Jdbi.create(apiBreaker).installPlugin(new PostgresPlugin()).installPlugin(new SqlObjectPlugin()) : api;
        this.primaryLookups = replicas.configured() ? lookupJdbi(apiBreaker, config) : lookups;
    }

    private static Jdbi lookupJdbi(javax.sql.DataSource ds, AppConfig config) {
        Jdbi jdbi = Jdbi.create(ds).installPlugin(new PostgresPlugin()).installPlugin(new SqlObjectPlugin());
        if (config.outage().lookupTimeoutMs() > 0) {
            jdbi.getConfig(SqlStatements.class).addCustomizer(new LookupDeadline(config.outage().lookupTimeoutMs()));
        }
        return jdbi;
    }

    private static ReadReplicas replicas(AppConfig config, ApiLogin login, ConnectionBreaker primary) {
        List<Replica> list = new ArrayList<>();
        int i = 0;
        for (String url : config.replicas().urls()) {
            String jdbc = JdbcUrls.toJdbc(url);
            String name = jdbc.replaceFirst("^jdbc:postgresql://", "").replaceFirst("\\?.*$", "");
            HikariConfig hc = poolConfig("lmo-api-replica-" + ++i, jdbc, login.user(), login.password(), config.poolSize(), login.setRole(),
                    true, config.statementTimeoutMs(), config.outage().connectTimeoutMs());
            // A replica that is down at start must not stop the server: the primary serves until the replica is back.
            hc.setInitializationFailTimeout(-1);
            HikariDataSource pool = new HikariDataSource(hc);
            list.add(new Replica(name, pool, new ConnectionBreaker(pool, config.outage().breakerFailures(), config.outage().breakerOpenSeconds())));
        }
        if (!list.isEmpty()) log.info("API reads go to {} read replica(s): {}", list.size(), list.stream().map(r -> r.name).toList());
        return list.isEmpty() ? ReadReplicas.none(primary) : new ReadReplicas(list, primary, config.replicas().maxWaitMs());
    }

    public static Database start(AppConfig config) {
        if (config.databaseUrl().isPresent()) {
            String url = JdbcUrls.toJdbc(config.databaseUrl().get());
            return new Database(null, url, config.databaseUser().orElse(null), config.databasePassword().orElse(null), config);
        }
        String password = EmbeddedAuth.ownerPassword(config.dataDir());
        Path pgData = config.dataDir().resolve("postgres");
        Optional<RunningPostgres> running = RunningPostgres.of(pgData);
        if (running.isPresent()) {
            // A serve or demo holds this data directory: share its PostgreSQL (a load, publish or token command beside
            // the live service) instead of failing on zonky's lock. The server LISTENs for publishes, so it switches.
            log.info("Using the running database of {} on port {} (PostgreSQL pid {}, started by another process)",
                    pgData.toAbsolutePath(), running.get().port(), running.get().pid());
            return new Database(null, running.get().jdbcUrl(), "postgres", password, config, true);
        }
        EmbeddedPostgres pg = startEmbedded(pgData, config.embeddedPort(), password);
        EmbeddedAuth.require(pgData, pg.getPort(), password);
        String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
        return new Database(pg, url, "postgres", password, config);
    }

    private static EmbeddedPostgres startEmbedded(Path dir, int port, String password) {
        try {
            Files.createDirectories(dir);
            // A server killed with kill -9 leaves its PostgreSQL running; this start would wait 60 s for it and fail.
            OrphanedPostgres.stop(dir);
            log.info("Starting embedded PostgreSQL with data in {}", dir.toAbsolutePath());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port > 0) builder.setPort(port);
            return builder
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // zonky's readiness check connects too; once pg_hba.conf asks for passwords it needs this one.
                    .setConnectConfig("password", password)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("work_mem", "32MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    // Durable like any PostgreSQL: zonky passes -F (fsync off) and synchronous_commit=off for tests'
                    // speed, so a crash lost acknowledged commits (a published release could vanish). The -c below
                    // comes after -F on the command line and wins. Bulk loads stay fast through COPY in one transaction.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_wal_size", "4GB")
                    .start();
        } catch (IllegalStateException e) {
            // zonky locks <dir>/epg-lock: another process (a running serve or demo) owns this data directory.
            if (e instanceof OverlappingFileLockException || String.valueOf(e.getMessage()).startsWith("could not lock")) throw inUse(dir);
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dir.toAbsolutePath(), e);
        }
    }

    /** Says how to reach the running database instead, with the port from PostgreSQL's own postmaster.pid when it is there. */
    private static ObservatoryException inUse(Path dir) {
        String port = "<port>";
        try {
            List<String> pid = Files.readAllLines(dir.resolve("postmaster.pid"));
            if (pid.size() > 3 && pid.get(3).trim().matches("\\d+")) port = pid.get(3).trim();
        } catch (IOException | RuntimeException e) {
            // No pid file (the other process is still starting): the message keeps the placeholder.
        }
        return ErrorKind.DATABASE_IN_USE.error("The embedded database in " + dir.toAbsolutePath() + " is in use by another process "
                + "(a running serve or demo?). Stop that process, or run this command against its database: "
                + "DATABASE_URL=jdbc:postgresql://localhost:" + port + "/postgres DATABASE_USER=postgres DATABASE_PASSWORD=\"$(cat "
                + dir.toAbsolutePath().getParent().resolve("owner.secret") + ")\" java -jar observatory.jar …");
    }

    private static HikariDataSource pool(String name, String url, String user, String password, int size,
                                         String role, boolean readOnly, long statementTimeoutMs, long connectTimeoutMs) {
        return new HikariDataSource(poolConfig(name, url, user, password, size, role, readOnly, statementTimeoutMs, connectTimeoutMs));
    }

    private static HikariConfig poolConfig(String name, String url, String user, String password, int size,
                                           String role, boolean readOnly, long statementTimeoutMs, long connectTimeoutMs) {
        HikariConfig hc = new HikariConfig();
        // The API pool waits briefly: with the database down a request waited Hikari's default 30 s for a 500. The
        // owner pool (loader, publish) keeps the default, since a batch job had better wait than fail.
        hc.setConnectionTimeout(connectTimeoutMs);
        hc.setValidationTimeout(Math.max(250, Math.min(5_000, connectTimeoutMs / 2)));
        // Unanswered TCP connects (a host gone from the network, not a refused port) end within the timeout as well.
        hc.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, (connectTimeoutMs + 999) / 1000)));
        hc.setPoolName(name);
        hc.setJdbcUrl(url);
        if (user != null) hc.setUsername(user);
        if (password != null) hc.setPassword(password);
        hc.setMaximumPoolSize(size);
        // The API pool is opened whole at start (HikariCP's advice for pools that meet spikes): grown on demand, the
        // connections of a sudden burst were made one after another by Hikari's single creator thread, and on a busy
        // machine the last admitted queries waited past the connection timeout for theirs (503 database-busy while
        // the admission gate had let exactly as many queries through as the pool holds).
        hc.setMinimumIdle(readOnly ? size : 1);
        hc.setReadOnly(readOnly);
        // API reads run in one REPEATABLE READ snapshot; set per connection so no request pays extra round trips for it.
        if (readOnly) hc.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
        List<String> init = new ArrayList<>();
        if (role != null) init.add("SET ROLE \"" + role.replace("\"", "") + "\"");
        // Last, so the setup itself is never cancelled; a cancelled read becomes a 504 problem (errors.DatabaseErrors).
        if (statementTimeoutMs > 0) init.add("SET statement_timeout = " + statementTimeoutMs);
        if (!init.isEmpty()) hc.setConnectionInitSql(String.join("; ", init));
        return hc;
    }

    private static void migrate(HikariDataSource ds) {
        Flyway flyway = Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .schemas("published", "staging")
                .createSchemas(true)
                .defaultSchema("published")
                .load();
        var result = flyway.migrate();
        var current = flyway.info().current();
        log.info("Database migrations: {} applied, schema at version {}", result.migrationsExecuted,
                current == null ? "none" : current.getVersion());
    }

    /** The API pool's live counts (active, idle, waiting threads), for metrics. */
    public com.zaxxer.hikari.HikariPoolMXBean apiPoolStats() {
        return apiPool.getHikariPoolMXBean();
    }

    /** Owner connection: migrations, loader, publish. */
    public Jdbi owner() {
        return owner;
    }

    /** Read-only connection as the API role. */
    public Jdbi api() {
        return api;
    }

    /** The API's connections again, for small lookups only: every statement has the short {@link LookupDeadline}. */
    public Jdbi lookups() {
        return lookups;
    }

    /** The API's read replicas (none unless DATABASE_READ_URL is set): where reads go, lag, release switches after replay. */
    public ReadReplicas replicas() {
        return replicas;
    }

    /** The API role on the primary itself, whether or not reads go to replicas: readiness, rows a replica lacks. */
    public Jdbi primaryApi() {
        return primaryApi;
    }

    /** {@link #primaryApi()} with the lookups' deadline: a pinned release the replica has not replayed yet. */
    public Jdbi primaryLookups() {
        return primaryLookups;
    }

    /** The API pool's circuit breaker: whether the database is failing right now, and whether requests are refused at once. */
    public ConnectionBreaker apiBreaker() {
        return apiBreaker;
    }

    /** A connection outside the pools, for a long-lived LISTEN that must not hold a pooled connection. */
    public java.sql.Connection dedicatedConnection() throws java.sql.SQLException {
        java.util.Properties props = new java.util.Properties();
        if (user != null) props.setProperty("user", user);
        if (password != null) props.setProperty("password", password);
        return java.sql.DriverManager.getConnection(jdbcUrl, props);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public void close() {
        replicas.close();
        apiPool.close();
        ownerPool.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
