package org.lmobservatory.releases;

import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;

/**
 * Writes a release as the difference from its dataset's newest written state (migration V19): the open versions
 * (last_release NULL) are that state; the cells the release removes or revises are closed at it, its new or revised
 * cells inserted from it, and an unchanged cell costs nothing. Callers hold the dataset's lock
 * ({@link DatasetLock}), so releases of one dataset are written one at a time in id order, which is what makes
 * "first_release <= R < last_release" exactly the content of every release R.
 */
final class VersionedRows {
    private static final Logger log = LoggerFactory.getLogger(VersionedRows.class);

    /** What the write changed: versions closed and inserted, and the release's row count. */
    record Written(long closed, long inserted, long rows) {
    }

    private VersionedRows() {
    }

    /** A full replace: the release's content is the load. */
    static Written replace(Handle h, String datasetId, long releaseId, long loadId, long loadRows, boolean embargoedBefore) {
        ReleaseRowsDao rows = h.attach(ReleaseRowsDao.class);
        rows.addSeries(datasetId, loadId);
        long closed = rows.closeReplaced(releaseId, datasetId, loadId);
        long inserted = rows.insertChanged(releaseId, datasetId, loadId);
        if (embargoedBefore) rows.reversionEmbargoed(releaseId, datasetId);
        rows.linkSeries(releaseId, datasetId, loadId);
        return logged(datasetId, releaseId, new Written(closed, inserted, loadRows));
    }

    /**
     * A merge: the current release's content (base; none when null) minus what the load deletes or replaces, plus the
     * load's cells. When a newer release than base was written (a rollback, an embargo), the open state is first
     * brought back to base, at a cost proportional to the difference. Also sets the release's row count and period
     * bounds, from the base release's and the change's where that is exact, so nothing is read per series.
     */
    static Written merge(Handle h, String datasetId, long releaseId, long loadId, Release current, boolean embargoedBefore) {
        ReleaseRowsDao rows = h.attach(ReleaseRowsDao.class);
        long base = current == null ? 0 : current.id();
        long baseRows = current == null ? 0 : current.rowCount();
        rows.addMergedSeries(datasetId, loadId);
        long closed = 0;
        long inserted = 0;
        if (rows.newerThan(datasetId, base, releaseId)) {
            closed += rows.rebaseClose(releaseId, datasetId, base);
            inserted += rows.rebaseReopen(releaseId, datasetId, base);
        }
        // From here the open versions are exactly the base release's content (baseRows of them).
        // Deletions before insertions, so a file can delete a series and send it anew: wildcard deletes close first, and
        // mergeChanged then finds no open version for a cell they closed and the file sends again.
        boolean wildcard = rows.hasWildcardDeletes(loadId);
        long wildcardClosed = wildcard ? rows.closeWildcardDeletes(releaseId, datasetId, loadId) : 0;
        // A merge touches its own cells only: one primary-key probe per staged line. The planner prefers hashing the
        // whole dataset (a sequential scan of all its versions) for a staged load of 200k lines, which at 20M rows took
        // 25 s per statement (bench/VERSIONED.md); nested loops over the indexes keep the cost proportional to the load.
        ReleaseRowsDao.Merged m = probing(h, () -> rows.mergeChanged(releaseId, datasetId, loadId));
        if (embargoedBefore) rows.reversionEmbargoed(releaseId, datasetId);
        boolean deleted = wildcard || m.deletedMin() != null;
        rows.linkMergedSeries(releaseId, datasetId, loadId, base, deleted);
        long removed = wildcardClosed + m.closed();
        long rowCount = baseRows - removed + m.inserted();
        ReleaseDao releases = h.attach(ReleaseDao.class);
        if (wildcard || !boundsKept(current, m)) {
            releases.countRows(releaseId, rowCount);
        } else if (rowCount == 0) {
            releases.setRowCount(releaseId, 0, null, null);
        } else {
            releases.setRowCount(releaseId, rowCount, earliest(current == null ? null : current.periodMin(), m.insertedMin()),
                    latest(current == null ? null : current.periodMax(), m.insertedMax()));
        }
        return logged(datasetId, releaseId, new Written(closed + removed, inserted + m.inserted(), rowCount));
    }

    /**
     * Whether the base release's period bounds still hold for what is left of it: a cell at a bound can only go by a
     * delete (a revision keeps its period), so they hold unless a delete reached a bound, or the base has rows but no
     * recorded bounds.
     */
    private static boolean boundsKept(Release base, ReleaseRowsDao.Merged m) {
        if (base == null || base.rowCount() == 0) return true;
        if (base.periodMin() == null || base.periodMax() == null) return false;
        return m.deletedMin() == null
                || (m.deletedMin().isAfter(base.periodMin()) && m.deletedMax().isBefore(base.periodMax()));
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /**
     * Runs the statement with nested loops only (hash and merge joins off for it, then back on). No finally: after a
     * failed statement the transaction is aborted and rolls back, and a reset would only hide the statement's error.
     */
    private static <T> T probing(Handle h, java.util.function.Supplier<T> statement) {
        h.execute("SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off");
        T result = statement.get();
        h.execute("SET LOCAL enable_hashjoin = on; SET LOCAL enable_mergejoin = on");
        return result;
    }

    private static Written logged(String datasetId, long releaseId, Written w) {
        log.info("Release {} of {}: {} versions closed, {} inserted, {} rows in the release", releaseId, datasetId,
                w.closed(), w.inserted(), w.rows());
        return w;
    }
}
