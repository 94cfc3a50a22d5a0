package org.lmobservatory.releases;

import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.errors.ErrorKind;

import java.util.Map;

/**
 * Makes an earlier release current again in one transaction, under the dataset's lock: readers see either the old
 * current release or the chosen one, never a mix. Nothing is deleted; the rollback itself is recorded so asOf=
 * keeps answering with what was current at each moment.
 */
public final class Rollback {
    private final Jdbi jdbi;

    public Rollback(Jdbi ownerJdbi) {
        this.jdbi = ownerJdbi;
    }

    public record RolledBack(String datasetId, long fromReleaseId, long toReleaseId, boolean changed) {
    }

    public RolledBack rollback(String datasetId, long releaseId) {
        return jdbi.inTransaction(h -> {
            DatasetLock.acquireForTransaction(h, datasetId);
            ReleaseDao releases = h.attach(ReleaseDao.class);
            Release target = releases.byId(datasetId, releaseId).orElseThrow(() -> ErrorKind.UNKNOWN_RELEASE.error(
                    "Dataset '" + datasetId + "' has no release " + releaseId + "; its releases are "
                    + releases.ids(datasetId) + ".", Map.of()));
            long current = releases.current(datasetId).map(Release::id).orElse(0L);
            if (current == target.id()) return new RolledBack(datasetId, current, target.id(), false);
            releases.makeCurrent(datasetId, target.id());
            releases.refreshSearch(datasetId);
            releases.recordActivation(datasetId, target.id(), "rollback");
            releases.announce(Publisher.CHANNEL, datasetId + ":" + target.id());
            return new RolledBack(datasetId, current, target.id(), true);
        });
    }
}
