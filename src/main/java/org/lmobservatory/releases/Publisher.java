package org.lmobservatory.releases;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.errors.ErrorKind;

/**
 * Turns a validated load into a release in ONE transaction: new series, the release's rows, and the switch of
 * the dataset's current release. Readers see the old release until the commit, then the new one entirely.
 * An incremental load (mode 'merge') yields the current release's rows minus what it deletes or replaces, plus its
 * own rows; deletions apply before insertions, so a file can delete a series and send it anew.
 */
public final class Publisher {
    public static final String CHANNEL = "lmo_release";

    private final Jdbi jdbi;

    public Publisher(Jdbi ownerJdbi) {
        this.jdbi = ownerJdbi;
    }

    public record Published(long releaseId, long loadId, String datasetId, long rows, double seconds) {
    }

    /** Publishes the given load, or the dataset's latest valid load when loadId is null. */
    public Published publish(String datasetId, Long loadId, String note) {
        return jdbi.inTransaction(h -> publish(h, datasetId, loadId, note));
    }

    /** The owner connection, for loaders that stage and publish in one transaction. */
    public Jdbi owner() {
        return jdbi;
    }

    /**
     * Publishes within the caller's transaction, so a loader can stage and publish atomically: if anything after
     * this fails, the rollback takes the release with it.
     */
    public Published publish(Handle h, String datasetId, Long loadId, String note) {
        long started = System.nanoTime();
        DatasetLock.acquireForTransaction(h, datasetId);
        StagingLoadDao loads = h.attach(StagingLoadDao.class);
        ReleaseDao releases = h.attach(ReleaseDao.class);
        ReleaseRowsDao rows = h.attach(ReleaseRowsDao.class);
        Load load = findLoad(loads, datasetId, loadId);
        long releaseId;
        long written;
        if (load.merge()) {
            Long current = releases.currentId(datasetId).orElse(null);
            releaseId = releases.insertEmpty(datasetId, load.checksum(), load.file(), note);
            rows.addMergedSeries(datasetId, load.id());
            long kept = current == null ? 0 : rows.keepUntouchedRows(releaseId, current, load.id());
            long added = rows.addMergedRows(releaseId, datasetId, load.id());
            rows.linkMergedSeries(releaseId);
            written = kept + added;
            releases.countRows(releaseId, written);
        } else {
            StagingLoadDao.PeriodBounds bounds = loads.periodBounds(load.id());
            releaseId = releases.insert(datasetId, load.rows(), load.checksum(), load.file(), note, bounds.lo(), bounds.hi());
            rows.addSeries(datasetId, load.id());
            written = rows.copyRows(releaseId, datasetId, load.id());
            rows.linkSeries(releaseId, datasetId, load.id());
        }
        releases.makeCurrent(datasetId, releaseId);
        releases.refreshSearch(datasetId);
        releases.copyDisclosure(releaseId, load.id());
        releases.recordActivation(datasetId, releaseId, "publish");
        loads.markPublished(load.id(), releaseId);
        loads.deleteRows(load.id());
        // Delivered at commit only, so listeners never invalidate for a publish that rolled back.
        releases.announce(CHANNEL, datasetId + ":" + releaseId);
        return new Published(releaseId, load.id(), datasetId, written, (System.nanoTime() - started) / 1e9);
    }

    private record Load(long id, long rows, String checksum, String file, boolean merge) {
    }

    private static Load findLoad(StagingLoadDao loads, String datasetId, Long loadId) {
        StagingLoadDao.StagedLoad load = (loadId == null ? loads.latestValid(datasetId) : loads.byId(datasetId, loadId))
                .orElseThrow(() -> ErrorKind.NO_VALID_LOAD.error(
                        "There is no validated load " + (loadId == null ? "" : loadId + " ") + "of dataset '" + datasetId
                                + "' waiting to be published. Run: load --dataset " + datasetId + " --file <file.csv>"));
        if (!"valid".equals(load.status())) {
            throw ErrorKind.LOAD_NOT_PUBLISHABLE.error(
                    "Load " + load.id() + " of " + datasetId + " is " + load.status() + ", not valid; only a load without errors can be published.");
        }
        boolean merge = "merge".equals(load.mode());
        if (load.rowCount() == 0 && !merge) {
            throw ErrorKind.EMPTY_LOAD.error(
                    "Load " + load.id() + " of " + datasetId + " has no rows; publishing it would replace the data with nothing.");
        }
        return new Load(load.id(), load.rowCount(), load.checksum(), load.fileName(), merge);
    }
}
