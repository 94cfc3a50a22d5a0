package org.lmobservatory.releases;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The rows of a release (published.observation, published.release_series) and the series they belong to
 * (published.series), copied from a staged load by {@link Publisher}. A full replace takes the load's rows; a merge
 * ('merge' mode, an ACTION column) keeps the current release's rows that the load neither replaces nor deletes and
 * adds the load's own. The counts returned are rows written.
 */
@UseClasspathSqlLocator
public interface ReleaseRowsDao {

    /** Series the load names that the dataset did not have yet. */
    @SqlUpdate
    void addSeries(@Bind("ds") String datasetId, @Bind("load") long loadId);

    @SqlUpdate
    long copyRows(@Bind("release") long releaseId, @Bind("ds") String datasetId, @Bind("load") long loadId);

    @SqlUpdate
    void linkSeries(@Bind("release") long releaseId, @Bind("ds") String datasetId, @Bind("load") long loadId);

    /** As {@link #addSeries}, without the series of delete lines. */
    @SqlUpdate
    void addMergedSeries(@Bind("ds") String datasetId, @Bind("load") long loadId);

    /** The current release's rows that the load neither replaces nor deletes. */
    @SqlUpdate
    long keepUntouchedRows(@Bind("release") long releaseId, @Bind("current") long currentReleaseId,
                           @Bind("load") long loadId);

    /** The load's own rows, without its delete lines. */
    @SqlUpdate
    long addMergedRows(@Bind("release") long releaseId, @Bind("ds") String datasetId, @Bind("load") long loadId);

    /** Series of the release's rows, once they are all in. */
    @SqlUpdate
    void linkMergedSeries(@Bind("release") long releaseId);
}
