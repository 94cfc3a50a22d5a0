package org.lmobservatory.releases;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.LocalDate;

/**
 * The rows of a release (published.observation, published.release_series) and the series they belong to
 * (published.series), written from a staged load by {@link VersionedRows}. Observations are versions valid for a range
 * of releases (migration V19): a release closes (last_release) and inserts (first_release) only the cells that differ
 * from the dataset's newest written state, its open versions. Counts returned are versions closed or inserted.
 */
@UseClasspathSqlLocator
public interface ReleaseRowsDao {

    /** Series the load names that the dataset did not have yet. */
    @SqlUpdate
    void addSeries(@Bind("ds") String datasetId, @Bind("load") long loadId);

    @SqlUpdate
    void linkSeries(@Bind("release") long releaseId, @Bind("ds") String datasetId, @Bind("load") long loadId);

    /** As {@link #addSeries}, without the series of delete lines. */
    @SqlUpdate
    void addMergedSeries(@Bind("ds") String datasetId, @Bind("load") long loadId);

    /** Full replace: open versions the load does not repeat exactly. */
    @SqlUpdate
    long closeReplaced(@Bind("release") long releaseId, @Bind("ds") String datasetId, @Bind("load") long loadId);

    /** Full replace: the load's cells without an open version left. */
    @SqlUpdate
    long insertChanged(@Bind("release") long releaseId, @Bind("ds") String datasetId, @Bind("load") long loadId);

    /**
     * What a merge's one pass wrote: versions closed (replaced or deleted) and inserted, and the period bounds of the
     * inserted cells and of the cells deleted without a replacement (null: none).
     */
    record Merged(long closed, long inserted, LocalDate insertedMin, LocalDate insertedMax, LocalDate deletedMin,
                  LocalDate deletedMax) {
    }

    /** Merge: closes the open versions the load deletes or revises and inserts its new or revised cells, in one pass. */
    @SqlQuery
    @RegisterConstructorMapper(Merged.class)
    Merged mergeChanged(@Bind("release") long releaseId, @Bind("ds") String datasetId, @Bind("load") long loadId);

    @SqlQuery
    boolean hasWildcardDeletes(@Bind("load") long loadId);

    /** Merge: open versions matched by delete lines with an empty code or no period, closed (or dropped, see the SQL). */
    @SqlQuery
    long closeWildcardDeletes(@Bind("release") long releaseId, @Bind("ds") String datasetId, @Bind("load") long loadId);

    /** Whether a release newer than base (0: none) was written and not cancelled, besides the one being written. */
    @SqlQuery
    boolean newerThan(@Bind("ds") String datasetId, @Bind("base") long baseReleaseId, @Bind("release") long releaseId);

    @SqlUpdate
    long rebaseClose(@Bind("release") long releaseId, @Bind("ds") String datasetId, @Bind("base") long baseReleaseId);

    @SqlUpdate
    long rebaseReopen(@Bind("release") long releaseId, @Bind("ds") String datasetId, @Bind("base") long baseReleaseId);

    /** Open versions written by a release under embargo, rewritten as this (visible) release's own. */
    @SqlUpdate
    long reversionEmbargoed(@Bind("release") long releaseId, @Bind("ds") String datasetId);

    /** Series of a merged release, once its versions are written; probe: whether a delete may have emptied one. */
    @SqlUpdate
    void linkMergedSeries(@Bind("release") long releaseId, @Bind("ds") String datasetId, @Bind("load") long loadId,
                          @Bind("base") long baseReleaseId, @Bind("probe") boolean probe);
}
