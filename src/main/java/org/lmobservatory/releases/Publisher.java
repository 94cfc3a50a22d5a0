package org.lmobservatory.releases;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.web.ProblemException;

import java.time.LocalDate;

/**
 * Turns a validated load into a release in ONE transaction: new series, the release's rows, and the switch of
 * the dataset's current release. Readers see the old release until the commit, then the new one entirely.
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
        Load load = findLoad(h, datasetId, loadId);
        var bounds = h.createQuery("SELECT min(period_start) AS lo, max(period_start) AS hi FROM staging.load_row WHERE load_id = :id")
                .bind("id", load.id())
                .map((rs, ctx) -> new LocalDate[]{rs.getObject("lo", LocalDate.class), rs.getObject("hi", LocalDate.class)})
                .one();
        long releaseId = h.createQuery("""
                        INSERT INTO published.release (dataset_id, row_count, input_checksum, input_file, note, period_min, period_max)
                        VALUES (:ds, :rows, :checksum, :file, :note, :lo, :hi) RETURNING id
                        """)
                .bind("ds", datasetId).bind("rows", load.rows()).bind("checksum", load.checksum()).bind("file", load.file())
                .bind("note", note).bind("lo", bounds[0]).bind("hi", bounds[1])
                .mapTo(Long.class).one();
        h.createUpdate("""
                        INSERT INTO published.series (dataset_id, key)
                        SELECT DISTINCT :ds, key FROM staging.load_row WHERE load_id = :load
                        ON CONFLICT (dataset_id, key) DO NOTHING
                        """)
                .bind("ds", datasetId).bind("load", load.id()).execute();
        long rows = h.createUpdate("""
                        INSERT INTO published.observation (release_id, series_id, period_start, value, flags, conf_status)
                        SELECT :release, s.id, r.period_start, r.value, r.flags, r.conf_status
                        FROM staging.load_row r
                        JOIN published.series s ON s.dataset_id = :ds AND s.key = r.key
                        WHERE r.load_id = :load
                        """)
                .bind("release", releaseId).bind("ds", datasetId).bind("load", load.id()).execute();
        h.createUpdate("""
                        INSERT INTO published.release_series (release_id, series_id)
                        SELECT DISTINCT :release, s.id
                        FROM staging.load_row r JOIN published.series s ON s.dataset_id = :ds AND s.key = r.key
                        WHERE r.load_id = :load
                        """)
                .bind("release", releaseId).bind("ds", datasetId).bind("load", load.id()).execute();
        h.createUpdate("UPDATE published.dataset SET current_release_id = :release, updated_at = now() WHERE id = :ds")
                .bind("release", releaseId).bind("ds", datasetId).execute();
        // Disclosure audit and release history (issue 4): what was suppressed, and since when this release is current.
        h.createUpdate("""
                        INSERT INTO published.release_disclosure (release_id, rule, threshold, cells)
                        SELECT :release, rule, threshold, cells FROM staging.load_disclosure WHERE load_id = :load
                        """)
                .bind("release", releaseId).bind("load", load.id()).execute();
        h.createUpdate("INSERT INTO published.release_activation (dataset_id, release_id, reason) VALUES (:ds, :release, 'publish')")
                .bind("ds", datasetId).bind("release", releaseId).execute();
        h.createUpdate("UPDATE staging.load SET status = 'published', release_id = :release, finished_at = now() WHERE id = :id")
                .bind("release", releaseId).bind("id", load.id()).execute();
        h.createUpdate("DELETE FROM staging.load_row WHERE load_id = :id").bind("id", load.id()).execute();
        // Delivered at commit only, so listeners never invalidate for a publish that rolled back.
        h.createUpdate("SELECT pg_notify(:channel, :payload)").bind("channel", CHANNEL).bind("payload", datasetId + ":" + releaseId).execute();
        return new Published(releaseId, load.id(), datasetId, rows, (System.nanoTime() - started) / 1e9);
    }

    private record Load(long id, long rows, String checksum, String file) {
    }

    private static Load findLoad(Handle h, String datasetId, Long loadId) {
        var query = loadId == null
                ? h.createQuery("SELECT id, row_count, checksum, file_name, status FROM staging.load WHERE dataset_id = :ds AND status = 'valid' ORDER BY id DESC LIMIT 1")
                : h.createQuery("SELECT id, row_count, checksum, file_name, status FROM staging.load WHERE dataset_id = :ds AND id = :id").bind("id", loadId);
        return query.bind("ds", datasetId)
                .map((rs, ctx) -> {
                    if (!"valid".equals(rs.getString("status"))) {
                        throw new ProblemException(409, "load-not-publishable", "Load cannot be published",
                                "Load " + rs.getLong("id") + " of " + datasetId + " is " + rs.getString("status") + ", not valid; only a load without errors can be published.");
                    }
                    return new Load(rs.getLong("id"), rs.getLong("row_count"), rs.getString("checksum"), rs.getString("file_name"));
                })
                .findOne()
                .orElseThrow(() -> new ProblemException(404, "no-valid-load", "Nothing to publish",
                        "There is no validated load " + (loadId == null ? "" : loadId + " ") + "of dataset '" + datasetId
                                + "' waiting to be published. Run: load --dataset " + datasetId + " --file <file.csv>"));
    }
}
