package org.lmobservatory.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Rows streamed into a table with COPY … FROM STDIN in text format, buffered in 1 MB chunks. The one encoder of the
 * text format's escaping for every bulk write (staged observations, graduate records, indicators), so a code with a
 * tab, a backslash or a quote reaches the table as written.
 *
 * <p>Each full chunk is encoded and sent by a writer thread of its own while the caller reads and checks the next
 * rows (issue 16: the loader spent its time either parsing or waiting for the socket, never both at once). At most
 * one chunk is in flight, so memory stays at two chunks; the connection is used by one thread at a time (the writer
 * between flushes, the caller only after the last chunk is sent); an error of the writer surfaces at the next flush.
 */
public final class CopyText implements AutoCloseable {
    private static final int FLUSH_AT = 1 << 20;

    private final CopyIn copy;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "copy-writer");
        t.setDaemon(true);
        return t;
    });
    private Future<?> inFlight;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private boolean first = true;
    private long rows;

    public CopyText(Connection connection, String copySql) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
    }

    /**
     * A COPY whose statement is the DAO's {@code name}.sql, found as Jdbi finds the DAO's other statements, on the
     * handle's connection so it runs in the handle's transaction. Called from the DAO's {@link SqlCopy} methods.
     */
    public static CopyText open(Handle h, Class<?> dao, String name) throws SQLException {
        return new CopyText(h.getConnection(), ClasspathSqlLocator.removingComments().locate(dao, name));
    }

    /** Next field of the current row; null is SQL NULL. */
    public CopyText field(Object value) {
        separate();
        if (value == null) buffer.append("\\N");
        else appendField(buffer, value.toString());
        return this;
    }

    /** A text[] field: array-literal quoting (of \ and "), then the text format's escaping, in one pass. */
    public CopyText array(List<String> values) {
        separate();
        appendArray(buffer, values);
        return this;
    }

    public void endRow() throws SQLException {
        buffer.append('\n');
        first = true;
        rows++;
        if (buffer.length() >= FLUSH_AT) flush();
    }

    public long finish() throws SQLException {
        flush();
        awaitInFlight();
        copy.endCopy();
        writer.shutdown();
        return rows;
    }

    @Override
    public void close() throws SQLException {
        try {
            awaitInFlight();
        } catch (SQLException e) {
            // The COPY failed already; cancelling it below is all that is left to do.
        } finally {
            writer.shutdown();
        }
        if (copy.isActive()) copy.cancelCopy();
    }

    /** One field as the text format writes it (exposed for tests of the escaping). */
    static void appendField(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    static void appendArray(StringBuilder out, List<String> values) {
        out.append('{');
        for (int v = 0; v < values.size(); v++) {
            if (v > 0) out.append(',');
            out.append('"');
            String s = values.get(v);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> out.append("\\\\\\\\");
                    case '"' -> out.append("\\\\\"");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c);
                }
            }
            out.append('"');
        }
        out.append('}');
    }

    private void separate() {
        if (!first) buffer.append('\t');
        first = false;
    }

    private void flush() throws SQLException {
        String chunk = buffer.toString();
        buffer.setLength(0);
        awaitInFlight();
        inFlight = writer.submit(() -> {
            byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            return null;
        });
    }

    private void awaitInFlight() throws SQLException {
        if (inFlight == null) return;
        try {
            inFlight.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) throw sql;
            throw new SQLException("writing to COPY failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while writing to COPY", e);
        } finally {
            inFlight = null;
        }
    }
}
