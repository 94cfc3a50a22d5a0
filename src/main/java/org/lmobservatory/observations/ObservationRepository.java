package org.lmobservatory.observations;

import org.jdbi.v3.core.Handle;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The SQL of observation queries: first the matching series of a release, then their cells, index-backed. */
final class ObservationRepository {
    private static final int FETCH_SIZE = 5_000;

    /** Series of a release whose codes match every filtered dimension (null filter = any code). */
    /**
     * Series of a release whose codes match every filtered dimension (null filter = any code). The most selective
     * filter (fewest codes asked of the largest codelist) also runs as an array overlap, which the GIN index on
     * series.key answers, so a lookup of one municipality among thousands reads a handful of rows, not the table.
     */
    List<SeriesKey> matchingSeries(Handle h, long releaseId, List<List<String>> filters, List<Integer> codelistSizes) {
        StringBuilder sql = new StringBuilder("""
                SELECT s.id, s.key FROM published.release_series rs
                JOIN published.series s ON s.id = rs.series_id
                WHERE rs.release_id = :release
                """);
        int narrowest = -1;
        double best = Double.MAX_VALUE;
        for (int i = 0; i < filters.size(); i++) {
            if (filters.get(i) == null) continue;
            sql.append(" AND s.key[").append(i + 1).append("] = ANY(:codes").append(i).append(")");
            double share = filters.get(i).size() / (double) Math.max(1, codelistSizes.get(i));
            if (share < best) {
                best = share;
                narrowest = i;
            }
        }
        if (narrowest >= 0 && best < 0.2) sql.append(" AND s.key && CAST(:codes").append(narrowest).append(" AS text[])");
        var query = h.createQuery(sql.toString()).bind("release", releaseId);
        for (int i = 0; i < filters.size(); i++) {
            if (filters.get(i) != null) query.bindArray("codes" + i, String.class, filters.get(i));
        }
        return query.map((rs, ctx) -> new SeriesKey(rs.getLong("id"), codes(rs.getArray("key")))).list();
    }

    /**
     * Cells of the given series in their given order, each series' periods ascending. The series order travels as
     * an ordinal so the database, not the JVM, does the ordering while rows stream out.
     */
    Stream<ObservationRow> cells(Handle h, long releaseId, List<SeriesKey> series, LocalDate from, LocalDate toExclusive) {
        return cells(h, releaseId, series, from, toExclusive, 0, null, Long.MAX_VALUE);
    }

    /**
     * Cells from series position startSeries on, skipping that series' periods up to afterPeriod: the keyset
     * continuation of a page. maxRows bounds the rows read (a page plus one, to know whether another follows).
     */
    Stream<ObservationRow> cells(Handle h, long releaseId, List<SeriesKey> series, LocalDate from, LocalDate toExclusive,
                                 int startSeries, LocalDate afterPeriod, long maxRows) {
        long[] ids = series.subList(Math.min(startSeries, series.size()), series.size()).stream().mapToLong(SeriesKey::id).toArray();
        return h.createQuery("""
                        SELECT k.ord, o.period_start, o.value, o.flags, o.conf_status
                        FROM unnest(:ids) WITH ORDINALITY AS k(series_id, ord)
                        JOIN published.observation o ON o.release_id = :release AND o.series_id = k.series_id
                        WHERE o.period_start >= :from AND o.period_start < :to
                          AND (k.ord > 1 OR o.period_start > :after)
                        ORDER BY k.ord, o.period_start
                        LIMIT :max
                        """)
                .bind("ids", ids)
                .bind("release", releaseId)
                .bind("from", from == null ? LocalDate.of(1, 1, 1) : from)
                .bind("to", toExclusive == null ? LocalDate.of(9999, 1, 1) : toExclusive)
                .bind("after", afterPeriod == null ? LocalDate.of(1, 1, 1) : afterPeriod)
                .bind("max", maxRows)
                .setFetchSize(FETCH_SIZE)
                .map((rs, ctx) -> new ObservationRow(startSeries + rs.getInt("ord") - 1, rs.getObject("period_start", LocalDate.class),
                        rs.getBigDecimal("value"), rs.getString("flags"), rs.getString("conf_status")))
                .stream();
    }

    private static List<String> codes(Array array) throws SQLException {
        return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
