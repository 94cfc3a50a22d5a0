package org.lmobservatory.loader;

import org.lmobservatory.db.CopyText;

import java.sql.Connection;
import java.sql.SQLException;

/** Streams validated rows into staging.load_row with the COPY protocol. */
final class StagingWriter implements AutoCloseable {
    private final CopyText copy;
    private final long loadId;

    StagingWriter(Connection connection, long loadId) throws SQLException {
        this.loadId = loadId;
        this.copy = new CopyText(connection, "COPY staging.load_row (load_id, line_no, key, period_start, value, flags, action) FROM STDIN");
    }

    void write(RowValidator.ValidRow row) throws SQLException {
        copy.field(loadId).field(row.line()).array(row.codes()).field(row.periodStart())
                .field(row.value() == null ? null : row.value().toPlainString()).field(row.flags()).field(row.action());
        copy.endRow();
    }

    long finish() throws SQLException {
        return copy.finish();
    }

    @Override
    public void close() throws SQLException {
        copy.close();
    }
}
