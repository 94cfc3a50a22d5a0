package org.lmobservatory.calendar;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the API role may read of the schedule: the published.release_calendar view (no data, only the announcement)
 * and the history of changes with their reasons (migration V15).
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(CalendarDao.Row.class)
@RegisterConstructorMapper(CalendarDao.Change.class)
public interface CalendarDao {
    record Row(long id, String datasetId, String status, OffsetDateTime announcedAt, OffsetDateTime publishedAt, String note) {
    }

    record Change(long releaseId, String action, OffsetDateTime announcedAt, OffsetDateTime previousAt, String reason,
                  OffsetDateTime changedAt) {
    }

    /** ds: one dataset, or null for all. */
    @SqlQuery
    List<Row> entries(@Bind("ds") String datasetId, @Bind("recentDays") int recentDays);

    /** Oldest first per release. */
    @SqlQuery
    List<Change> changes(@Bind("ids") Long[] releaseIds);
}
