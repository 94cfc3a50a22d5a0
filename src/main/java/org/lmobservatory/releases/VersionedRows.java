package org.lmobservatory.releases;

import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
     * A merge: the current release's content (base; 0 when there is none) minus what the load deletes or replaces, plus
     * the load's cells. When a newer release than base was written (a rollback, an embargo), the open state is first
     * brought back to base, at a cost proportional to the difference.
     */
    static Written merge(Handle h, String datasetId, long releaseId, long loadId, long base, long baseRows, boolean embargoedBefore) {
        ReleaseRowsDao rows = h.attach(ReleaseRowsDao.class);
        rows.addMergedSeries(datasetId, loadId);
        long closed = 0;
        long inserted = 0;
        if (rows.newerThan(datasetId, base, releaseId)) {
            closed += rows.rebaseClose(releaseId, datasetId, base);
            inserted += rows.rebaseReopen(releaseId, datasetId, base);
        }
        // From here the open versions are exactly the base release's content (baseRows of them).
        // A merge touches its own cells only: one primary-key probe per staged line. The planner prefers hashing the
        // whole dataset (a sequential scan of all its versions) for a staged load of 200k lines, which at 20M rows took
        // 25 s per statement (bench/VERSIONED.md); nested loops over the indexes keep the cost proportional to the load.
        long removed = probing(h, () -> rows.closeMerged(releaseId, datasetId, loadId));
        // Deletions before insertions, so a file can delete a series and send it anew.
        if (rows.hasWildcardDeletes(loadId)) removed += rows.closeWildcardDeletes(releaseId, datasetId, loadId);
        long added = probing(h, () -> rows.insertMerged(releaseId, datasetId, loadId));
        if (embargoedBefore) rows.reversionEmbargoed(releaseId, datasetId);
        rows.linkMergedSeries(releaseId, datasetId, loadId, base);
        return logged(datasetId, releaseId, new Written(closed + removed, inserted + added, baseRows - removed + added));
    }

    /** Runs the statement with nested loops only (hash and merge joins off for it, then back on). */
    private static long probing(Handle h, java.util.function.LongSupplier statement) {
        h.execute("SET LOCAL enable_hashjoin = off");
        h.execute("SET LOCAL enable_mergejoin = off");
        try {
            return statement.getAsLong();
        } finally {
            h.execute("SET LOCAL enable_hashjoin = on");
            h.execute("SET LOCAL enable_mergejoin = on");
        }
    }

    private static Written logged(String datasetId, long releaseId, Written w) {
        log.info("Release {} of {}: {} versions closed, {} inserted, {} rows in the release", releaseId, datasetId,
                w.closed(), w.inserted(), w.rows());
        return w;
    }
}
