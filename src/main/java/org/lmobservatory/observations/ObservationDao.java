package org.lmobservatory.observations;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The rarer observation reads: every series a dataset had, changed cells, group aggregates. The two behind every plain
 * answer (a release's matching series, their cells) run with plain JDBC in {@link ObservationReads}; their row records
 * are here. {@link ObservationRepository} builds the filter part and turns rows into the domain's records.
 */
@UseClasspathSqlLocator
interface ObservationDao {

    record SeriesRow(long id, String[] key) {
    }

    /** ord: the 1-based place of the cell's series in the ids asked for. */
    record ChangedCellRow(int ord, LocalDate periodStart, BigDecimal value, String flags, String confStatus, boolean deleted) {
    }

    record CellRow(int ord, LocalDate periodStart, BigDecimal value, String flags, String confStatus) {
    }

    /**
     * As ObservationReads.matchingSeries, over every series of the dataset rather than those of one release. filters:
     * conditions on s.key, one per filtered dimension, built from positions and parameter names only (see
     * ObservationRepository.matching); codes: the code arrays they name, bound by those names.
     */
    @SqlQuery
    @RegisterConstructorMapper(SeriesRow.class)
    List<SeriesRow> datasetSeries(@Bind("dataset") String datasetId, @Define("filters") String filters,
                                  @BindMap Map<String, String[]> codes);

    /** A group's cell: incomplete when a member had no value for the period, withheld when a member was confidential. */
    record AggregateRow(int ord, LocalDate periodStart, BigDecimal value, boolean withheld, boolean incomplete, String flags,
                        String confStatus) {
    }

    /**
     * Cells of group series computed from member series (see the statement). Parts: member series, the 0-based ord of
     * the group series each counts in, its role (v summed, n numerator, d denominator), and the period of validity of
     * the group it counts in (member count, from, to as ISO dates). Targets: per group series ord, whether it is a ratio
     * (scale, decimals).
     */
    @SqlQuery
    @FetchSize(5_000)
    @RegisterConstructorMapper(AggregateRow.class)
    Stream<AggregateRow> aggregatedCells(@Bind("partSeries") long[] partSeries, @Bind("partOrds") long[] partOrds,
                                         @Bind("partRoles") String[] partRoles, @Bind("partMembers") long[] partMembers,
                                         @Bind("partFrom") String[] partFrom, @Bind("partTo") String[] partTo,
                                         @Bind("targetOrds") long[] targetOrds, @Bind("targetRatio") String[] targetRatio,
                                         @Bind("targetScale") String[] targetScale, @Bind("targetDecimals") long[] targetDecimals,
                                         @Bind("release") long releaseId, @Bind("from") LocalDate from, @Bind("to") LocalDate toExclusive,
                                         @Bind("startOrd") int startOrd, @Bind("after") LocalDate afterPeriod, @Bind("max") long maxRows);

    /** The cells of the release changed since an instant, and (deletions) those deleted since: changedCells.sql. */
    @SqlQuery
    @FetchSize(5_000)
    @RegisterConstructorMapper(ChangedCellRow.class)
    Stream<ChangedCellRow> changedCells(@Bind("ids") long[] seriesIds, @Bind("dataset") String datasetId, @Bind("release") long releaseId,
                                        @Bind("since") java.time.OffsetDateTime since, @Bind("deletions") boolean deletions,
                                        @Bind("from") LocalDate from, @Bind("to") LocalDate toExclusive);
}
