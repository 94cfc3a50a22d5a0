package org.lmobservatory.errors;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Optional;

/**
 * Database failures that are conditions, not bugs, named by SQLSTATE (after PostgREST's Error.hs). The server answers
 * them with a problem that tells the client to retry; the command line with a message and exit code. Anything else
 * stays an internal error, logged with its stack trace.
 */
public final class DatabaseErrors {
    private DatabaseErrors() {
    }

    /** The deliberate error for a database failure somewhere in the cause chain of {@code failure}, if it is one. */
    public static Optional<ObservatoryException> translate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ObservatoryException known) return Optional.of(known);
            if (t instanceof SQLException sql) {
                Optional<ObservatoryException> mapped = bySqlState(sql);
                if (mapped.isPresent()) return mapped.map(e -> withCause(e, failure));
                // HikariCP reports "no connection within connectionTimeout" without a state; its cause, if any, has one.
                if (sql instanceof SQLTransientConnectionException && sql.getSQLState() == null
                        && (sql.getCause() == null || !(sql.getCause() instanceof SQLException))) {
                    return Optional.of(withCause(ErrorKind.DATABASE_BUSY.error(
                            "All database connections are busy; try again shortly."), failure));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<ObservatoryException> bySqlState(SQLException e) {
        String state = e.getSQLState();
        if (state == null) return Optional.empty();
        return Optional.ofNullable(switch (state) {
            case "57014" -> ErrorKind.STATEMENT_TIMEOUT.error(
                    "The database did not answer within the statement timeout. Narrow the query (fewer codes, a shorter time range) or try again later.");
            case "40001", "40P01" -> ErrorKind.DATABASE_CONFLICT.error(
                    "The database could not keep this request consistent with concurrent changes (SQLSTATE " + state + "); repeating it will work.");
            case "53300" -> ErrorKind.DATABASE_BUSY.error("The database has no free connections right now; try again shortly.");
            case "57P01", "57P02", "57P03" -> ErrorKind.DATABASE_UNAVAILABLE.error(
                    "The database is shutting down or starting up (SQLSTATE " + state + "); try again shortly.");
            default -> {
                if (state.startsWith("08")) {
                    yield ErrorKind.DATABASE_UNAVAILABLE.error("The connection to the database was lost or refused (SQLSTATE " + state + "); try again shortly.");
                }
                if (state.startsWith("53")) {
                    yield ErrorKind.DATABASE_BUSY.error("The database is out of resources (SQLSTATE " + state + "); try again later.");
                }
                yield null;
            }
        });
    }

    private static ObservatoryException withCause(ObservatoryException e, Throwable cause) {
        return new ObservatoryException(e.kind(), e.detail(), sqlState(cause).map(s -> Map.<String, Object>of("sqlState", s)).orElse(Map.of()), cause);
    }

    private static Optional<String> sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) return Optional.of(sql.getSQLState());
        }
        return Optional.empty();
    }
}
