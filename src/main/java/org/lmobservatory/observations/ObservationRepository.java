package org.lmobservatory.observations;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Observation queries: first the matching series of a release, then their cells, index-backed ({@link ObservationReads}
 * for the plain answer's two statements, {@link ObservationDao} for the others).
 */
final class ObservationRepository {

    /**
     * Series of a release whose codes match every filtered dimension (null filter = any code). The most selective
     * filter (fewest codes asked of the largest codelist) also runs as an array overlap, which the GIN index on
     * series.key answers, so a lookup of one municipality among thousands reads a handful of rows, not the table.
     * The conditions are built here because their number varies with the query; they hold key positions and
     * parameter names only, every code is bound.
     */
    List<SeriesKey> matchingSeries(Handle h, long releaseId, List<List<String>> filters, List<Integer> codelistSizes) {
        return matching(h, releaseId, null, filters, codelistSizes);
    }

    /** The series of the dataset that ever matched the filters, in any release (SDMX updatedAfter's deleted cells). */
    List<SeriesKey> everMatchingSeries(Handle h, String datasetId, List<List<String>> filters, List<Integer> codelistSizes) {
        return matching(h, 0, datasetId, filters, codelistSizes);
    }

    /** datasetId null: the series of release releaseId; else every series of the dataset. */
    private List<SeriesKey> matching(Handle h, long releaseId, String datasetId, List<List<String>> filters, List<Integer> codelistSizes) {
        StringBuilder conditions = new StringBuilder();
        Map<String, String[]> codes = new HashMap<>();
        int narrowest = -1;
        double best = Double.MAX_VALUE;
        for (int i = 0; i < filters.size(); i++) {
            if (filters.get(i) == null) continue;
            conditions.append(" AND s.key[").append(i + 1).append("] = ANY(:codes").append(i).append(")");
            codes.put("codes" + i, filters.get(i).toArray(String[]::new));
            double share = filters.get(i).size() / (double) Math.max(1, codelistSizes.get(i));
            if (share < best) {
                best = share;
                narrowest = i;
            }
        }
        if (narrowest >= 0 && best < 0.2) conditions.append(" AND s.key && CAST(:codes").append(narrowest).append(" AS text[])");
        List<ObservationDao.SeriesRow> rows = datasetId == null
                ? ObservationReads.matchingSeries(h.getConnection(), releaseId, conditions.toString(), codes)
                : h.attach(ObservationDao.class).datasetSeries(datasetId, conditions.toString(), codes);
        return rows.stream()
                .map(s -> new SeriesKey(s.id(), new ArrayList<>(Arrays.asList(s.key()))))
                .toList();
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
        return ObservationReads.cells(h.getConnection(), ids, releaseId,
                        from == null ? LocalDate.of(1, 1, 1) : from,
                        toExclusive == null ? LocalDate.of(9999, 1, 1) : toExclusive,
                        afterPeriod == null ? LocalDate.of(1, 1, 1) : afterPeriod,
                        maxRows)
                .map(c -> new ObservationRow(startSeries + c.ord() - 1, c.periodStart(), c.value(), c.flags(), c.confStatus()));
    }

    /**
     * SDMX updatedAfter: the cells of the given series added or revised by a release of the dataset published after
     * since (up to this release), in the order of {@link #cells}; with deletions, also those such releases deleted, as
     * rows marked deleted in their place in that order.
     */
    Stream<ObservationRow> changedCells(Handle h, String datasetId, long releaseId, List<SeriesKey> series, Instant since, boolean deletions,
                                        LocalDate from, LocalDate toExclusive) {
        long[] ids = series.stream().mapToLong(SeriesKey::id).toArray();
        return h.attach(ObservationDao.class)
                .changedCells(ids, datasetId, releaseId, since.atOffset(ZoneOffset.UTC), deletions,
                        from == null ? LocalDate.of(1, 1, 1) : from,
                        toExclusive == null ? LocalDate.of(9999, 1, 1) : toExclusive)
                .map(c -> new ObservationRow(c.ord() - 1, c.periodStart(), c.value(), c.flags(), c.confStatus(), c.deleted()));
    }

    /**
     * Cells of group series (plan: GroupAggregation), from startSeries on as for plain cells. Flags: every flag of a
     * member once, plus i when a member had no value (the group's value is then a partial sum).
     */
    Stream<ObservationRow> aggregatedCells(Handle h, long releaseId, GroupAggregation.Plan plan, LocalDate from, LocalDate toExclusive,
                                           int startSeries, LocalDate afterPeriod, long maxRows) {
        return h.attach(ObservationDao.class)
                .aggregatedCells(plan.partSeries(), plan.partOrds(), plan.partRoles(), plan.partMembers(), plan.partFrom(), plan.partTo(),
                        plan.targetOrds(), plan.targetRatio(), plan.targetScale(), plan.targetDecimals(), releaseId,
                        from == null ? LocalDate.of(1, 1, 1) : from,
                        toExclusive == null ? LocalDate.of(9999, 1, 1) : toExclusive,
                        startSeries, afterPeriod == null ? LocalDate.of(1, 1, 1) : afterPeriod, maxRows)
                .map(c -> new ObservationRow(c.ord(), c.periodStart(), c.value(), groupFlags(c), c.confStatus()));
    }

    private static String groupFlags(ObservationDao.AggregateRow c) {
        StringBuilder out = new StringBuilder();
        c.flags().chars().distinct().forEach(f -> out.append((char) f));
        if (c.withheld() && out.indexOf("c") < 0) out.insert(0, 'c');
        if (c.incomplete() && !c.withheld()) out.append(Aggregation.INCOMPLETE);
        return out.isEmpty() ? null : out.toString();
    }
}
