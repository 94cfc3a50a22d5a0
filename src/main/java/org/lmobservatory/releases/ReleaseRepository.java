package org.lmobservatory.releases;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.lmobservatory.disclosure.AuditEntry;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads releases. Publishing lives in {@link Publisher}, on the owner connection. */
public final class ReleaseRepository {
    private static final String COLUMNS = "r.id, r.dataset_id, r.published_at, r.row_count, r.input_checksum, r.input_file, r.note, r.period_min, r.period_max";
    private static final RowMapper<Release> MAPPER = (rs, ctx) -> new Release(
            rs.getLong("id"), rs.getString("dataset_id"), rs.getTimestamp("published_at").toInstant(),
            rs.getLong("row_count"), rs.getString("input_checksum"), rs.getString("input_file"), rs.getString("note"),
            date(rs.getDate("period_min")), date(rs.getDate("period_max")));

    private final Jdbi jdbi;

    public ReleaseRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Release> current(String datasetId) {
        return jdbi.withHandle(h -> current(h, datasetId));
    }

    /** Within a caller's transaction, so the release and the rows read after it belong together. */
    public static Optional<Release> current(Handle h, String datasetId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM published.dataset d JOIN published.release r ON r.id = d.current_release_id WHERE d.id = :id")
                .bind("id", datasetId)
                .map(MAPPER)
                .findOne();
    }

    public List<Release> list(String datasetId) {
        return jdbi.withHandle(h -> list(h, datasetId));
    }

    /** Newest first. */
    public static List<Release> list(Handle h, String datasetId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM published.release r WHERE r.dataset_id = :id ORDER BY r.published_at DESC, r.id DESC")
                .bind("id", datasetId)
                .map(MAPPER)
                .list();
    }

    public static Optional<Release> byId(Handle h, String datasetId, long releaseId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM published.release r WHERE r.dataset_id = :ds AND r.id = :id")
                .bind("ds", datasetId).bind("id", releaseId)
                .map(MAPPER)
                .findOne();
    }

    /** The release that was current at the moment: the last publish or rollback at or before it. */
    public static Optional<Release> activeAt(Handle h, String datasetId, Instant moment) {
        return h.createQuery("SELECT " + COLUMNS + """
                         FROM published.release r WHERE r.id = (
                            SELECT a.release_id FROM published.release_activation a
                            WHERE a.dataset_id = :ds AND a.activated_at <= :t
                            ORDER BY a.activated_at DESC, a.id DESC LIMIT 1)
                        """)
                .bind("ds", datasetId).bind("t", OffsetDateTime.ofInstant(moment, ZoneOffset.UTC))
                .map(MAPPER)
                .findOne();
    }

    public static List<Long> ids(Handle h, String datasetId) {
        return h.createQuery("SELECT id FROM published.release WHERE dataset_id = :ds ORDER BY id").bind("ds", datasetId).mapTo(Long.class).list();
    }

    /** Disclosure audit lines per release (releases published without disclosure control have none). */
    public static Map<Long, List<AuditEntry>> audit(Handle h, Collection<Long> releaseIds) {
        Map<Long, List<AuditEntry>> out = new HashMap<>();
        if (releaseIds.isEmpty()) return out;
        h.createQuery("""
                        SELECT release_id, rule, threshold, cells FROM published.release_disclosure
                        WHERE release_id = ANY(:ids)
                        ORDER BY release_id, array_position(ARRAY['population', 'count', 'secondary', 'rounding'], rule)
                        """)
                .bindArray("ids", Long.class, List.copyOf(releaseIds))
                .map((rs, ctx) -> out.computeIfAbsent(rs.getLong("release_id"), k -> new ArrayList<>())
                        .add(new AuditEntry(rs.getString("rule"), (Integer) rs.getObject("threshold"), rs.getLong("cells"))))
                .list();
        return out;
    }

    public List<AuditEntry> audit(long releaseId) {
        return jdbi.withHandle(h -> audit(h, List.of(releaseId)).getOrDefault(releaseId, List.of()));
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
