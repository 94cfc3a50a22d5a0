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
            Release target = ReleaseRepository.byId(h, datasetId, releaseId).orElseThrow(() -> ErrorKind.UNKNOWN_RELEASE.error(
                    "Dataset '" + datasetId + "' has no release " + releaseId + "; its releases are "
                    + ReleaseRepository.ids(h, datasetId) + ".", Map.of()));
            long current = ReleaseRepository.current(h, datasetId).map(Release::id).orElse(0L);
            if (current == target.id()) return new RolledBack(datasetId, current, target.id(), false);
            h.createUpdate("UPDATE published.dataset SET current_release_id = :release, updated_at = now() WHERE id = :ds")
                    .bind("release", target.id()).bind("ds", datasetId).execute();
            h.createUpdate("INSERT INTO published.release_activation (dataset_id, release_id, reason) VALUES (:ds, :release, 'rollback')")
                    .bind("ds", datasetId).bind("release", target.id()).execute();
            h.createUpdate("SELECT pg_notify(:channel, :payload)").bind("channel", Publisher.CHANNEL)
                    .bind("payload", datasetId + ":" + target.id()).execute();
            return new RolledBack(datasetId, current, target.id(), true);
        });
    }
}
