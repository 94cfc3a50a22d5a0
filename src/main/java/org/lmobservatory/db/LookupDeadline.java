package org.lmobservatory.db;

import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.jdbc.PgStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A short deadline for the API's small lookups (a dataset's metadata, a codelist, which release is current or pinned,
 * the release list), which answer in milliseconds when the database is well. Without it such a lookup on a connection
 * whose server stopped answering (frozen, or its host gone without a reset) waited as long as the database stayed
 * away, holding an admission permit and a server thread, while observation queries and downloads may rightly run long.
 *
 * <p>Two clocks, because one alone fails somewhere: the statement's query timeout has the driver ask the server to
 * cancel (SQLSTATE 57014, the connection stays usable), which works for a slow or lock-bound server but not for one
 * that answers nothing at all; for that, the connection's network timeout ends the read a little later and the
 * connection is discarded (SQLSTATE 08006). HikariCP restores the pool's network timeout when the connection returns,
 * so no other request inherits it. Both surface as the mapped 504 or 503 problem with Retry-After (errors/DatabaseErrors).
 */
public final class LookupDeadline implements StatementCustomizer {
    /** Time for the cancel to come back before the socket is given up: a live server answers a cancel at once. */
    static final int NETWORK_GRACE_MILLIS = 1_000;

    private final long millis;

    public LookupDeadline(long millis) {
        if (millis <= 0) throw new IllegalArgumentException("a deadline must be positive, got " + millis);
        this.millis = millis;
    }

    @Override
    public void beforeExecution(PreparedStatement stmt, StatementContext ctx) throws SQLException {
        stmt.unwrap(PgStatement.class).setQueryTimeoutMs(millis);
        Connection connection = ctx.getConnection();
        int network = (int) Math.min(Integer.MAX_VALUE, millis + NETWORK_GRACE_MILLIS);
        // The driver ignores the executor (it sets the socket's read timeout); Runnable::run satisfies the JDBC contract.
        if (connection.getNetworkTimeout() != network) connection.setNetworkTimeout(Runnable::run, network);
    }
}
