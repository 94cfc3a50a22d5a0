package org.lmobservatory.releases;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
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
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM published.release r WHERE r.dataset_id = :id ORDER BY r.published_at DESC, r.id DESC")
                .bind("id", datasetId)
                .map(MAPPER)
                .list());
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
