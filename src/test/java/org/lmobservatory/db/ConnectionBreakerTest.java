package org.lmobservatory.db;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opens after N connection failures, refuses without asking the pool while open, lets one probe through, closes on success. */
class ConnectionBreakerTest {
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicReference<SQLException> failure = new AtomicReference<>();
    private final AtomicLong now = new AtomicLong();
    private final ConnectionBreaker breaker = new ConnectionBreaker(pool(), 3, 5, now::get);

    private DataSource pool() {
        Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class}, (p, m, a) -> null);
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{DataSource.class}, (p, m, a) -> {
            if (!m.getName().equals("getConnection")) throw new UnsupportedOperationException(m.getName());
            attempts.incrementAndGet();
            if (failure.get() != null) throw failure.get();
            return connection;
        });
    }

    private static SQLException refused() {
        // As HikariCP reports it: a timeout whose cause is the driver's refused connection (SQLSTATE 08001).
        return new SQLTransientConnectionException("lmo-api - Connection is not available", "08001", new SQLException("refused", "08001"));
    }

    @Test
    void opensAfterConsecutiveConnectionFailuresAndProbesAfterTheOpenPeriod() throws Exception {
        failure.set(refused());
        for (int i = 0; i < 3; i++) assertThrows(SQLException.class, breaker::getConnection);
        assertEquals(3, attempts.get());
        assertTrue(breaker.open());
        assertTrue(breaker.failing());

        SQLException fast = assertThrows(SQLException.class, breaker::getConnection);
        assertEquals("08001", fast.getSQLState());
        assertEquals(3, attempts.get(), "refused without asking the pool");

        now.addAndGet(5_000_000_001L);
        assertFalse(breaker.open(), "a probe may go");
        assertThrows(SQLException.class, breaker::getConnection);
        assertEquals(4, attempts.get(), "one probe");
        assertTrue(breaker.open(), "the failed probe opens it again");

        now.addAndGet(5_000_000_001L);
        failure.set(null);
        assertNotNull(breaker.getConnection());
        assertFalse(breaker.open());
        assertFalse(breaker.failing());
    }

    @Test
    void aBusyPoolIsNotAnOutage() {
        // HikariCP's timeout without a cause: every connection is in use, the database itself is fine.
        failure.set(new SQLTransientConnectionException("lmo-api - Connection is not available, request timed out"));
        for (int i = 0; i < 10; i++) assertThrows(SQLException.class, breaker::getConnection);
        assertEquals(10, attempts.get());
        assertFalse(breaker.open());
    }

    @Test
    void aProbeThatMeetsABusyPoolLeavesTheNextRequestToProbe() throws Exception {
        failure.set(refused());
        for (int i = 0; i < 3; i++) assertThrows(SQLException.class, breaker::getConnection);
        now.addAndGet(5_000_000_001L);
        failure.set(new SQLTransientConnectionException("lmo-api - Connection is not available, request timed out"));
        assertThrows(SQLException.class, breaker::getConnection);
        failure.set(null);
        assertNotNull(breaker.getConnection(), "not stuck open behind a probe that never reported");
        assertFalse(breaker.failing());
    }
}
