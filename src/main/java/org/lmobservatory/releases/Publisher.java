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

    /** scheduledFor: the announced instant of a release under embargo; null for one published at once. */
    public record Published(long releaseId, long loadId, String datasetId, long rows, double seconds, java.time.Instant scheduledFor) {
        public Published(long releaseId, long loadId, String datasetId, long rows, double seconds) {
            this(releaseId, loadId, datasetId, rows, seconds, null);
        }
    }

    /** Publishes the given load, or the dataset's latest valid load when loadId is null. */
    public Published publish(String datasetId, Long loadId, String note) {
        return jdbi.inTransaction(h -> publish(h, datasetId, loadId, note));
    }

    /**
     * Writes the release now, under embargo until the announced instant (see {@link Schedule}): its rows are in place,
     * but the dataset's current release does not switch and no reader but the owner can see it until then.
     */
    public Published schedule(String datasetId, Long loadId, String note, java.time.Instant at) {
        return jdbi.inTransaction(h -> schedule(h, datasetId, loadId, note, at));
    }

    /** As {@link #schedule(String, Long, String, java.time.Instant)}, within the caller's transaction. */
    public Published schedule(Handle h, String datasetId, Long loadId, String note, java.time.Instant at) {
        DatasetLock.acquireForTransaction(h, datasetId);
        Schedule.refuseSecond(h, datasetId);
        Schedule.requireFuture(at);
        return write(h, datasetId, loadId, note, at);
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
        DatasetLock.acquireForTransaction(h, datasetId);
        return write(h, datasetId, loadId, note, null);
    }

    private Published write(Handle h, String datasetId, Long loadId, String note, java.time.Instant scheduledFor) {
        long started = System.nanoTime();
        StagingLoadDao loads = h.attach(StagingLoadDao.class);
        ReleaseDao releases = h.attach(ReleaseDao.class);
        Load load = findLoad(loads, datasetId, loadId);
        // A release published at once while another of the dataset waits under embargo must not share its versions.
        boolean embargoedBefore = scheduledFor == null && h.attach(ScheduleDao.class).scheduledOf(datasetId).isPresent();
        long releaseId;
        long written;
        if (load.merge()) {
            Release current = releases.current(datasetId).orElse(null);
            releaseId = releases.insertEmpty(datasetId, load.checksum(), load.file(), note);
            written = VersionedRows.merge(h, datasetId, releaseId, load.id(), current, embargoedBefore).rows();
        } else {
            StagingLoadDao.PeriodBounds bounds = loads.periodBounds(load.id());
            releaseId = releases.insert(datasetId, load.rows(), load.checksum(), load.file(), note, bounds.lo(), bounds.hi());
            written = VersionedRows.replace(h, datasetId, releaseId, load.id(), load.rows(), embargoedBefore).rows();
        }
        releases.copyDisclosure(releaseId, load.id());
        loads.markPublished(load.id(), releaseId);
        loads.deleteRows(load.id());
        if (scheduledFor != null) {
            // Nothing switches: the Activator of some server instance does that at the instant.
            Schedule.markScheduled(h, releaseId, scheduledFor);
        } else {
            releases.makeCurrent(datasetId, releaseId);
            releases.refreshSearch(datasetId);
            releases.recordActivation(datasetId, releaseId, "publish");
            // Delivered at commit only, so listeners never invalidate for a publish that rolled back.
            releases.announce(CHANNEL, datasetId + ":" + releaseId);
        }
        return new Published(releaseId, load.id(), datasetId, written, (System.nanoTime() - started) / 1e9, scheduledFor);
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
