package org.lmobservatory.releases;

import org.jdbi.v3.core.mapper.reflect.ColumnName;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Cells that differ between two releases: a FULL JOIN of both releases' rows on (series, period), which PostgreSQL
 * runs as a merge of two primary-key range scans, so it stays cheap on large datasets.
 */
@UseClasspathSqlLocator
public interface RevisionDao {

    /** change: 'added', 'removed' or 'revised'; the previous* fields are null for an added cell, the others for a removed one. */
    record Changed(List<String> key, LocalDate periodStart, String change,
                   @ColumnName("old_value") BigDecimal previousValue, @ColumnName("old_flags") String previousFlags,
                   @ColumnName("old_conf") String previousConfStatus, @ColumnName("new_value") BigDecimal value,
                   @ColumnName("new_flags") String flags, @ColumnName("new_conf") String confStatus) {
    }

    /** In series and period order, at most limit of them. */
    @SqlQuery
    @RegisterConstructorMapper(Changed.class)
    List<Changed> between(@Bind("from") long fromRelease, @Bind("to") long toRelease, @Bind("limit") int limit);
}
