package org.lmobservatory.releases;

import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * Serialises loads and publishes of one dataset across processes with a PostgreSQL advisory lock.
 * A second loader waits, and says so, instead of interleaving with the first.
 */
public final class DatasetLock implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DatasetLock.class);

    private final DatasetLockDao locks;
    private final String datasetId;

    private DatasetLock(DatasetLockDao locks, String datasetId) {
        this.locks = locks;
        this.datasetId = datasetId;
    }

    /** Session-level lock, held until closed. */
    public static DatasetLock acquire(Handle h, String datasetId) {
        return acquire(h, datasetId, log::warn);
    }

    /** Session-level lock, held until closed; when another process holds it, onWait hears so before this waits. */
    public static DatasetLock acquire(Handle h, String datasetId, Consumer<String> onWait) {
        DatasetLockDao locks = h.attach(DatasetLockDao.class);
        if (!locks.tryLock(datasetId)) {
            onWait.accept(waiting(datasetId));
            locks.lock(datasetId);
        }
        return new DatasetLock(locks, datasetId);
    }

    /** Transaction-level lock, released at commit or rollback. */
    public static void acquireForTransaction(Handle h, String datasetId) {
        DatasetLockDao locks = h.attach(DatasetLockDao.class);
        if (!locks.tryLockForTransaction(datasetId)) {
            log.warn(waiting(datasetId));
            locks.lockForTransaction(datasetId);
        }
    }

    private static String waiting(String datasetId) {
        return "Another load or publish of dataset '" + datasetId + "' is running; waiting for it to finish.";
    }

    @Override
    public void close() {
        locks.unlock(datasetId);
    }
}
