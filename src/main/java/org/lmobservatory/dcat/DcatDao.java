package org.lmobservatory.dcat;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The one figure of the catalogue that the catalogue feature does not hold: how many series a release has. */
@UseClasspathSqlLocator
public interface DcatDao {

    /** StatDCAT-AP's numSeries of a release: its distinct series keys. */
    @SqlQuery
    long seriesCount(@Bind("release") long releaseId);
}
