package org.lmobservatory.loader;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/** Streams validated rows into staging.load_row with the COPY protocol, buffered in 1 MB chunks. */
final class StagingWriter implements AutoCloseable {
    private static final int FLUSH_AT = 1 << 20;

    private final CopyIn copy;
    private final long loadId;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private long rows;

    StagingWriter(Connection connection, long loadId) throws SQLException {
        this.loadId = loadId;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY staging.load_row (load_id, line_no, key, period_start, value, flags, action) FROM STDIN");
    }

    void write(RowValidator.ValidRow row) throws SQLException {
        buffer.append(loadId).append('\t').append(row.line()).append('\t');
        buffer.append('{');
        for (int i = 0; i < row.codes().size(); i++) {
            if (i > 0) buffer.append(',');
            buffer.append('"');
            appendArrayElement(row.codes().get(i));
            buffer.append('"');
        }
        buffer.append('}').append('\t').append(row.periodStart() == null ? "\\N" : row.periodStart()).append('\t');
        buffer.append(row.value() == null ? "\\N" : row.value().toPlainString()).append('\t');
        buffer.append(row.flags() == null ? "\\N" : row.flags()).append('\t');
        buffer.append(row.action() == null ? "\\N" : row.action()).append('\n');
        rows++;
        if (buffer.length() >= FLUSH_AT) flush();
    }

    /** Array-literal escaping (\ and ") followed by COPY text escaping (\ and control characters). */
    private void appendArrayElement(String code) {
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\\\\\");
                case '"' -> buffer.append("\\\\\"");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    long finish() throws SQLException {
        flush();
        copy.endCopy();
        return rows;
    }

    @Override
    public void close() throws IOException {
        try {
            if (copy.isActive()) copy.cancelCopy();
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
