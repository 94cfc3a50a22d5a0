package org.lmobservatory.errors;

import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseErrorsTest {

    private static ErrorKind kindOf(String sqlState) {
        // As the server meets them: wrapped by Jdbi around the driver's exception.
        Exception failure = new UnableToExecuteStatementException(new SQLException("boom", sqlState), null);
        return DatabaseErrors.translate(failure).orElseThrow().kind();
    }

    @Test
    void conditionsThatPassAreMappedBySqlState() {
        assertEquals(ErrorKind.STATEMENT_TIMEOUT, kindOf("57014"));
        assertEquals(ErrorKind.DATABASE_CONFLICT, kindOf("40001"));
        assertEquals(ErrorKind.DATABASE_CONFLICT, kindOf("40P01"));
        assertEquals(ErrorKind.DATABASE_UNAVAILABLE, kindOf("08006"));
        assertEquals(ErrorKind.DATABASE_UNAVAILABLE, kindOf("08001"));
        assertEquals(ErrorKind.DATABASE_BUSY, kindOf("53300"));
        assertEquals(ErrorKind.DATABASE_UNAVAILABLE, kindOf("57P01"));
        for (ErrorKind kind : new ErrorKind[] {kindOf("57014"), kindOf("40001"), kindOf("08006"), kindOf("53300")}) {
            assertTrue(kind.status() == 503 || kind.status() == 504, kind + " is retryable");
            assertTrue(kind.retryAfterSeconds() > 0, kind + " says when to retry");
        }
    }

    @Test
    void theSqlStateIsKeptAsAnExtension() {
        var e = DatabaseErrors.translate(new RuntimeException(new SQLException("x", "40001"))).orElseThrow();
        assertEquals("40001", e.extensions().get("sqlState"));
    }

    @Test
    void anExhaustedPoolIsBusyAndBugsStayBugs() {
        assertEquals(ErrorKind.DATABASE_BUSY, DatabaseErrors.translate(new SQLTransientConnectionException("lmo-api - Connection is not available"))
                .orElseThrow().kind());
        assertTrue(DatabaseErrors.translate(new SQLException("syntax", "42601")).isEmpty(), "a syntax error is a bug, not a condition");
        assertTrue(DatabaseErrors.translate(new IllegalStateException("x")).isEmpty());
    }
}
