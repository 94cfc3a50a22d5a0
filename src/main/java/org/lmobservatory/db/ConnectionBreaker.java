package org.lmobservatory.db;

import org.lmobservatory.errors.LogThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.function.LongSupplier;

/**
 * A circuit breaker in front of the API pool. While the database is unreachable every request used to wait the full
 * connection timeout and then fail, so requests piled up on a dead pool. After {@code failures} consecutive connection
 * failures the breaker opens: requests fail at once (SQLSTATE 08001, a 503 database-unavailable problem) for
 * {@code openSeconds}; then one request at a time probes, and the first connection that works closes it again.
 * Only connection failures count: a busy pool (no free connection, database fine) neither opens nor closes it.
 */
public final class ConnectionBreaker implements DataSource {
    private static final Logger log = LoggerFactory.getLogger(ConnectionBreaker.class);

    private final DataSource pool;
    private final int threshold;
    private final long openNanos;
    private final LongSupplier clock;
    private final LogThrottle throttled = new LogThrottle(log, 30);

    private int consecutiveFailures;
    private long openUntil;
    private boolean probing;

    public ConnectionBreaker(DataSource pool, int failures, int openSeconds) {
        this(pool, failures, openSeconds, System::nanoTime);
    }

    ConnectionBreaker(DataSource pool, int failures, int openSeconds, LongSupplier clock) {
        this.pool = pool;
        this.threshold = failures;
        this.openNanos = openSeconds * 1_000_000_000L;
        this.clock = clock;
    }

    @Override
    public Connection getConnection() throws SQLException {
        admit();
        Connection c;
        try {
            c = pool.getConnection();
        } catch (SQLException e) {
            failed(e);
            throw e;
        } catch (RuntimeException e) {
            endProbe();
            throw e;
        }
        succeeded();
        return c;
    }

    /** True while the last connection attempt failed: answers served from memory are then marked stale. */
    public synchronized boolean failing() {
        return consecutiveFailures > 0;
    }

    /** True while requests are refused without trying (readiness answers 503 at once then). */
    public synchronized boolean open() {
        return consecutiveFailures >= threshold && (probing || clock.getAsLong() - openUntil < 0);
    }

    private synchronized void admit() throws SQLException {
        if (consecutiveFailures < threshold) return;
        if (clock.getAsLong() - openUntil < 0 || probing) {
            throw new SQLTransientConnectionException("The database is unreachable (" + consecutiveFailures
                    + " connection attempts failed in a row); not trying again for a few seconds", "08001");
        }
        probing = true; // this request is the probe; the others keep failing fast until it returns
    }

    private synchronized void succeeded() {
        if (consecutiveFailures >= threshold) log.info("Database reachable again after {} failed connection attempts; circuit closed", consecutiveFailures);
        consecutiveFailures = 0;
        probing = false;
    }

    private void failed(SQLException e) {
        log.debug("Connection attempt failed", e);
        if (!isConnectionFailure(e)) {
            endProbe(); // a busy pool says nothing about the database, but the next request may probe
            return;
        }
        boolean opened;
        synchronized (this) {
            probing = false;
            consecutiveFailures++;
            opened = consecutiveFailures >= threshold;
            if (opened) openUntil = clock.getAsLong() + openNanos;
        }
        if (opened) throttled.warn("Database unreachable ({}); failing fast for {} s between probes", e.getMessage(), openNanos / 1_000_000_000L);
    }

    private synchronized void endProbe() {
        probing = false;
    }

    /** Refused or lost connections (SQLSTATE class 08, a shutdown 57P0x), also as the cause of Hikari's timeout. */
    static boolean isConnectionFailure(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) return true;
        }
        return false;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("The API pool has one login");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || pool.isWrapperFor(iface);
    }
}
