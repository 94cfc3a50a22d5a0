package org.lmobservatory.loader;

import org.jdbi.v3.core.Handle;
import org.lmobservatory.db.CopyText;
import org.lmobservatory.releases.StagingLoadDao;

import java.sql.SQLException;

/** Streams validated rows into staging.load_row with the COPY protocol (StagingLoadDao/copyRows.sql). */
final class StagingWriter implements AutoCloseable {
    private final CopyText copy;
    private final long loadId;

    StagingWriter(Handle h, long loadId) throws SQLException {
        this.loadId = loadId;
        this.copy = h.attach(StagingLoadDao.class).copyRows();
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
