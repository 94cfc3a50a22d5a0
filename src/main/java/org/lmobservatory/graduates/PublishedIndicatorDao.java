package org.lmobservatory.graduates;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.math.BigDecimal;
import java.util.List;

/**
 * What earlier releases of a graduate dataset published, read back to audit a new release against them
 * ({@link EarlierReleases}). It reads published.* but stays here, not in releases/: it writes nothing, and both
 * statements are the graduate audit's own questions (releases protected by the cell-key noise rule; values by cohort
 * year), with {@link EarlierReleases} their only reader. What every release has in common is in releases' ReleaseDao.
 */
@UseClasspathSqlLocator
interface PublishedIndicatorDao {

    /** One published value of a release: its series key, cohort year and value (null where suppressed). */
    record Cell(String[] key, int year, BigDecimal value) {
    }

    /** The dataset's releases that were protected with cell-key noise, oldest first. */
    @SqlQuery
    List<Long> perturbedReleases(@Bind("ds") String datasetId);

    @SqlQuery
    @RegisterConstructorMapper(Cell.class)
    List<Cell> cells(@Bind("release") long releaseId, @Bind("cohorts") Integer[] cohorts);
}
