package org.lmobservatory.releases;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

/** publishing.release_reader: the readers named for a scheduled release; owner's connections only. */
@UseClasspathSqlLocator
interface PreReleaseReaderDao {

    /** The named readers as a JSON array of strings; empty when none were named for the release. */
    @SqlQuery
    Optional<String> readers(@Bind("release") long releaseId);

    @SqlUpdate
    void name(@Bind("release") long releaseId, @Bind("readers") String[] readers);

    @SqlUpdate
    void clear(@Bind("release") long releaseId);

    /** Of these names, those that are neither the id nor the owner of an active load token for the dataset, in order. */
    @SqlQuery
    List<String> unknown(@Bind("dataset") String datasetId, @Bind("names") String[] names);
}
