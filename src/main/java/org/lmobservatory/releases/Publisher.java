package org.lmobservatory.releases;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.errors.ErrorKind;

import java.time.LocalDate;

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
        Load load = findLoad(h, datasetId, loadId);
        if (load.merge()) return publishMerge(h, datasetId, load, note, started);
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
        finish(h, datasetId, releaseId, load.id());
        return new Published(releaseId, load.id(), datasetId, rows, (System.nanoTime() - started) / 1e9);
    }

    private Published publishMerge(Handle h, String datasetId, Load load, String note, long started) {
        Long current = h.createQuery("SELECT current_release_id FROM published.dataset WHERE id = :ds")
                .bind("ds", datasetId).mapTo(Long.class).findOne().orElse(null);
        long releaseId = h.createQuery("""
                        INSERT INTO published.release (dataset_id, row_count, input_checksum, input_file, note)
                        VALUES (:ds, 0, :checksum, :file, :note) RETURNING id
                        """)
                .bind("ds", datasetId).bind("checksum", load.checksum()).bind("file", load.file()).bind("note", note)
                .mapTo(Long.class).one();
        h.createUpdate("""
                        INSERT INTO published.series (dataset_id, key)
                        SELECT DISTINCT :ds, key FROM staging.load_row WHERE load_id = :load AND action <> 'D'
                        ON CONFLICT (dataset_id, key) DO NOTHING
                        """)
                .bind("ds", datasetId).bind("load", load.id()).execute();
        long kept = 0;
        if (current != null) {
            // Exact key+period matches (replaced or deleted) use the load_row index; only deletes with an empty code
            // or period (wildcards) need the element-wise comparison.
            kept = h.createUpdate("""
                            INSERT INTO published.observation (release_id, series_id, period_start, value, flags, conf_status)
                            SELECT :release, o.series_id, o.period_start, o.value, o.flags, o.conf_status
                            FROM published.observation o
                            JOIN published.series s ON s.id = o.series_id
                            WHERE o.release_id = :current
                              AND NOT EXISTS (SELECT 1 FROM staging.load_row r
                                              WHERE r.load_id = :load AND r.key = s.key AND r.period_start = o.period_start)
                              AND NOT EXISTS (SELECT 1 FROM staging.load_row d
                                              WHERE d.load_id = :load AND d.action = 'D'
                                                AND (d.period_start IS NULL OR '' = ANY (d.key))
                                                AND (d.period_start IS NULL OR d.period_start = o.period_start)
                                                AND NOT EXISTS (SELECT 1 FROM generate_subscripts(d.key, 1) AS i
                                                                WHERE d.key[i] <> '' AND d.key[i] IS DISTINCT FROM s.key[i]))
                            """)
                    .bind("release", releaseId).bind("current", current).bind("load", load.id()).execute();
        }
        long added = h.createUpdate("""
                        INSERT INTO published.observation (release_id, series_id, period_start, value, flags, conf_status)
                        SELECT :release, s.id, r.period_start, r.value, r.flags, r.conf_status
                        FROM staging.load_row r
                        JOIN published.series s ON s.dataset_id = :ds AND s.key = r.key
                        WHERE r.load_id = :load AND r.action <> 'D'
                        """)
                .bind("release", releaseId).bind("ds", datasetId).bind("load", load.id()).execute();
        h.createUpdate("""
                        INSERT INTO published.release_series (release_id, series_id)
                        SELECT DISTINCT :release, series_id FROM published.observation WHERE release_id = :release
                        """)
                .bind("release", releaseId).execute();
        h.createUpdate("""
                        UPDATE published.release r SET row_count = :rows, period_min = b.lo, period_max = b.hi
                        FROM (SELECT min(period_start) AS lo, max(period_start) AS hi
                              FROM published.observation WHERE release_id = :release) b
                        WHERE r.id = :release
                        """)
                .bind("rows", kept + added).bind("release", releaseId).execute();
        finish(h, datasetId, releaseId, load.id());
        return new Published(releaseId, load.id(), datasetId, kept + added, (System.nanoTime() - started) / 1e9);
    }

    /** The pointer switch and bookkeeping every publish ends with. */
    private static void finish(Handle h, String datasetId, long releaseId, long loadId) {
        h.createUpdate("UPDATE published.dataset SET current_release_id = :release, updated_at = now() WHERE id = :ds")
                .bind("release", releaseId).bind("ds", datasetId).execute();
        // Disclosure audit and release history: what was suppressed, and since when this release is current (asOf=).
        h.createUpdate("""
                        INSERT INTO published.release_disclosure (release_id, rule, threshold, cells)
                        SELECT :release, rule, threshold, cells FROM staging.load_disclosure WHERE load_id = :load
                        """)
                .bind("release", releaseId).bind("load", loadId).execute();
        h.createUpdate("INSERT INTO published.release_activation (dataset_id, release_id, reason) VALUES (:ds, :release, 'publish')")
                .bind("ds", datasetId).bind("release", releaseId).execute();
        h.createUpdate("UPDATE staging.load SET status = 'published', release_id = :release, finished_at = now() WHERE id = :id")
                .bind("release", releaseId).bind("id", loadId).execute();
        h.createUpdate("DELETE FROM staging.load_row WHERE load_id = :id").bind("id", loadId).execute();
        // Delivered at commit only, so listeners never invalidate for a publish that rolled back.
        h.createUpdate("SELECT pg_notify(:channel, :payload)").bind("channel", CHANNEL).bind("payload", datasetId + ":" + releaseId).execute();
    }

    private record Load(long id, long rows, String checksum, String file, boolean merge) {
    }

    private static Load findLoad(Handle h, String datasetId, Long loadId) {
        var query = loadId == null
                ? h.createQuery("SELECT id, row_count, checksum, file_name, status, mode FROM staging.load WHERE dataset_id = :ds AND status = 'valid' ORDER BY id DESC LIMIT 1")
                : h.createQuery("SELECT id, row_count, checksum, file_name, status, mode FROM staging.load WHERE dataset_id = :ds AND id = :id").bind("id", loadId);
        return query.bind("ds", datasetId)
                .map((rs, ctx) -> {
                    if (!"valid".equals(rs.getString("status"))) {
                        throw ErrorKind.LOAD_NOT_PUBLISHABLE.error(
                                "Load " + rs.getLong("id") + " of " + datasetId + " is " + rs.getString("status") + ", not valid; only a load without errors can be published.");
                    }
                    boolean merge = "merge".equals(rs.getString("mode"));
                    if (rs.getLong("row_count") == 0 && !merge) {
                        throw ErrorKind.EMPTY_LOAD.error(
                                "Load " + rs.getLong("id") + " of " + datasetId + " has no rows; publishing it would replace the data with nothing.");
                    }
                    return new Load(rs.getLong("id"), rs.getLong("row_count"), rs.getString("checksum"), rs.getString("file_name"), merge);
                })
                .findOne()
                .orElseThrow(() -> ErrorKind.NO_VALID_LOAD.error(
                        "There is no validated load " + (loadId == null ? "" : loadId + " ") + "of dataset '" + datasetId
                                + "' waiting to be published. Run: load --dataset " + datasetId + " --file <file.csv>"));
    }
}
