package org.lmobservatory.db;

import com.zaxxer.hikari.HikariDataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * One streaming replica: its read-only API pool (the same login and role as the primary's API pool), a circuit breaker
 * in front of it, and the last sample of its replay position taken by {@link ReadReplicas}' monitor.
 */
final class Replica implements AutoCloseable {
    final String name;
    final HikariDataSource pool;
    final ConnectionBreaker breaker;
    private final Jdbi monitor;

    // Written by the monitor thread only, read by requests and /ready.
    volatile boolean up;
    volatile long replayed = -1;
    volatile double secondsSinceReplay = -1;
    volatile String problem = "not checked yet";

    Replica(String name, HikariDataSource pool, ConnectionBreaker breaker) {
        this.name = name;
        this.pool = pool;
        this.breaker = breaker;
        // Straight to the pool, past the breaker: the monitor is what notices that a lost replica is back.
        this.monitor = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
    }

    /** Asks the replica where its replay stands; any failure marks it lost until a later sample succeeds. */
    void sample() {
        try {
            ReplicationDao.Standby s = monitor.withExtension(ReplicationDao.class, ReplicationDao::standby);
            if (!s.inRecovery() || s.replayed() == null) {
                // A promoted or wrongly configured server: its data may have diverged from the primary's.
                lost("not a standby (pg_is_in_recovery() is false): not used for reads");
                return;
            }
            replayed = s.replayed();
            secondsSinceReplay = s.secondsSinceReplay() == null ? -1 : s.secondsSinceReplay();
            problem = null;
            up = true;
        } catch (RuntimeException e) {
            lost(e.getMessage());
        }
    }

    void lost(String why) {
        up = false;
        problem = why == null ? "unreachable" : why;
    }

    @Override
    public void close() {
        pool.close();
    }
}
