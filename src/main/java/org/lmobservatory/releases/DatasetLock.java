package org.lmobservatory.releases;

import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serialises loads and publishes of one dataset across processes with a PostgreSQL advisory lock.
 * A second loader waits, and says so, instead of interleaving with the first.
 */
public final class DatasetLock implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DatasetLock.class);
    private static final String KEY = "hashtext('lmo-dataset:' || :ds)";

    private final Handle handle;
    private final String datasetId;

    private DatasetLock(Handle handle, String datasetId) {
        this.handle = handle;
        this.datasetId = datasetId;
    }

    /** Session-level lock, held until closed. */
    public static DatasetLock acquire(Handle h, String datasetId) {
        boolean got = h.createQuery("SELECT pg_try_advisory_lock(" + KEY + ")").bind("ds", datasetId).mapTo(Boolean.class).one();
        if (!got) {
            log.warn("Another load or publish of dataset '{}' is running; waiting for it to finish.", datasetId);
            h.createQuery("SELECT pg_advisory_lock(" + KEY + ")::text").bind("ds", datasetId).mapTo(String.class).one();
        }
        return new DatasetLock(h, datasetId);
    }

    /** Session-level lock, held until closed; when another process holds it, onWait hears so before this waits. */
    public static DatasetLock acquire(Handle h, String datasetId, java.util.function.Consumer<String> onWait) {
        boolean got = h.createQuery("SELECT pg_try_advisory_lock(" + KEY + ")").bind("ds", datasetId).mapTo(Boolean.class).one();
        if (!got) {
            onWait.accept("Another load or publish of dataset '" + datasetId + "' is running; waiting for it to finish.");
            h.createQuery("SELECT pg_advisory_lock(" + KEY + ")::text").bind("ds", datasetId).mapTo(String.class).one();
        }
        return new DatasetLock(h, datasetId);
    }

    /** Transaction-level lock, released at commit or rollback. */
    public static void acquireForTransaction(Handle h, String datasetId) {
        boolean got = h.createQuery("SELECT pg_try_advisory_xact_lock(" + KEY + ")").bind("ds", datasetId).mapTo(Boolean.class).one();
        if (!got) {
            log.warn("Another load or publish of dataset '{}' is running; waiting for it to finish.", datasetId);
            h.createQuery("SELECT pg_advisory_xact_lock(" + KEY + ")::text").bind("ds", datasetId).mapTo(String.class).one();
        }
    }

    @Override
    public void close() {
        handle.createQuery("SELECT pg_advisory_unlock(" + KEY + ")").bind("ds", datasetId).mapTo(Boolean.class).one();
    }
}
