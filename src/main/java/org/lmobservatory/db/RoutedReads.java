package org.lmobservatory.db;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * The data source behind the API's Jdbi when there are read replicas: one connection from wherever
 * {@link ReadReplicas} sends reads now, or from the primary when that replica refuses one.
 */
final class RoutedReads implements DataSource {
    private final ReadReplicas replicas;

    RoutedReads(ReadReplicas replicas) {
        this.replicas = replicas;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Replica r = replicas.target();
        if (r == null) return replicas.primary().getConnection();
        try {
            return r.breaker.getConnection();
        } catch (SQLException e) {
            // A busy replica pool is a 503 like a busy primary; a lost replica sends this read to the primary.
            if (!ConnectionBreaker.isConnectionFailure(e)) throw e;
            replicas.lostNow(r, e.getMessage());
            return replicas.primary().getConnection();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("The API pools have one login");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return replicas.primary().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        replicas.primary().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        replicas.primary().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return replicas.primary().getLoginTimeout();
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return replicas.primary().getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : replicas.primary().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || replicas.primary().isWrapperFor(iface);
    }
}
