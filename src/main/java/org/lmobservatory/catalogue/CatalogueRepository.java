package org.lmobservatory.catalogue;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.db.Json;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reads catalogue metadata from schema "published". */
final class CatalogueRepository {
    private static final String DATASET_COLUMNS = """
            id, title::text AS title, description::text AS description, theme, keywords, frequency,
            unit_id, unit_label::text AS unit_label, unit_multiplier, decimals, source, licence, contact,
            methodology::text AS methodology, demonstration, current_release_id, updated_at
            """;

    private final Jdbi jdbi;

    CatalogueRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<String> datasetIds() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM published.dataset ORDER BY id").mapTo(String.class).list());
    }

    Optional<Dataset> dataset(String id) {
        return jdbi.withHandle(h -> {
            List<Dimension> dimensions = h.createQuery("""
                            SELECT dimension_id, position, codelist_id, role, label::text AS label
                            FROM published.dataset_dimension WHERE dataset_id = :id ORDER BY position
                            """)
                    .bind("id", id)
                    .map((rs, ctx) -> new Dimension(rs.getString("dimension_id"), rs.getInt("position"),
                            rs.getString("codelist_id"), rs.getString("role"), Json.labels(rs.getString("label"))))
                    .list();
            return h.createQuery("SELECT " + DATASET_COLUMNS + " FROM published.dataset WHERE id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> new Dataset(
                            rs.getString("id"), Json.labels(rs.getString("title")), Json.labels(rs.getString("description")),
                            rs.getString("theme"), Arrays.asList((String[]) rs.getArray("keywords").getArray()),
                            Frequency.valueOf(rs.getString("frequency")),
                            new Unit(rs.getString("unit_id"), Json.labels(rs.getString("unit_label")),
                                    rs.getInt("unit_multiplier"), rs.getInt("decimals")),
                            rs.getString("source"), rs.getString("licence"), rs.getString("contact"),
                            Json.labels(rs.getString("methodology")), rs.getBoolean("demonstration"),
                            (Long) rs.getObject("current_release_id"),
                            rs.getTimestamp("updated_at", java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"))).toInstant(),
                            dimensions))
                    .findOne();
        });
    }

    Optional<Codelist> codelist(String id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, version, title::text AS title, note::text AS note FROM published.codelist WHERE id = :id
                        """)
                .bind("id", id)
                .map((rs, ctx) -> new Object[]{rs.getString("version"), rs.getString("title"), rs.getString("note")})
                .findOne()
                .map(head -> {
                    Map<String, List<Code.Successor>> successors = successors(h, id);
                    List<Code> codes = h.createQuery("""
                                    SELECT code_id, parent_id, level, labels::text AS labels, sort_order, valid_in
                                    FROM published.code WHERE codelist_id = :id ORDER BY sort_order
                                    """)
                            .bind("id", id)
                            .map((rs, ctx) -> {
                                java.sql.Array validIn = rs.getArray("valid_in");
                                return new Code(rs.getString("code_id"), rs.getString("parent_id"), rs.getString("level"),
                                        Json.labels(rs.getString("labels")), rs.getInt("sort_order"),
                                        validIn == null ? null : List.of((String[]) validIn.getArray()),
                                        successors.getOrDefault(rs.getString("code_id"), List.of()));
                            })
                            .list();
                    return Codelist.of(id, (String) head[0], Json.labels((String) head[1]), Json.labels((String) head[2]), codes);
                }));
    }

    private record SuccessorRow(String code, Code.Successor successor) {
    }

    private static Map<String, List<Code.Successor>> successors(Handle h, String codelistId) {
        return h.createQuery("""
                        SELECT code_id, successor_id, kind, from_version, to_version FROM published.code_successor
                        WHERE codelist_id = :id ORDER BY code_id, from_version, successor_id
                        """)
                .bind("id", codelistId)
                .map((rs, ctx) -> new SuccessorRow(rs.getString("code_id"), new Code.Successor(rs.getString("successor_id"),
                        rs.getString("kind"), rs.getString("from_version"), rs.getString("to_version"))))
                .list().stream()
                .collect(Collectors.groupingBy(SuccessorRow::code, Collectors.mapping(SuccessorRow::successor, Collectors.toList())));
    }

    List<String> codelistIds() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM published.codelist ORDER BY id").mapTo(String.class).list());
    }

    /** Codes of one dimension that occur in a release (position is 0-based). */
    Set<String> codesInRelease(long releaseId, int position) {
        return jdbi.withHandle(h -> new TreeSet<>(h.createQuery("""
                        SELECT DISTINCT s.key[:pos] FROM published.release_series rs
                        JOIN published.series s ON s.id = rs.series_id
                        WHERE rs.release_id = :release
                        """)
                .bind("pos", position + 1)
                .bind("release", releaseId)
                .mapTo(String.class)
                .list()));
    }
}
