package org.lmobservatory.dcat;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The figures of the catalogue that the catalogue feature does not hold: series per release, the first release. */
@UseClasspathSqlLocator
public interface DcatDao {

    /** StatDCAT-AP's numSeries of a release: its distinct series keys. */
    @SqlQuery
    long seriesCount(@Bind("release") long releaseId);

    /** The catalogue's dct:issued: when the first release still on record was published (null before any). */
    @SqlQuery
    java.time.Instant firstPublished();
}
