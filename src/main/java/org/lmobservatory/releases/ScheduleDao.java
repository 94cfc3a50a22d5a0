package org.lmobservatory.releases;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The schedule of releases under embargo (migration V15): status and announced instant of published.release, and
 * every change of a schedule with its reason (published.release_schedule_change). Owner connection only: the API
 * role cannot see a scheduled release at all.
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(ScheduleDao.Scheduled.class)
@RegisterConstructorMapper(ScheduleDao.Due.class)
public interface ScheduleDao {

    /** A release's place in the schedule; status is scheduled, published or cancelled. */
    record Scheduled(long id, String datasetId, String status, OffsetDateTime announcedAt, String note) {
        public Instant instant() {
            return announcedAt == null ? null : announcedAt.toInstant();
        }
    }

    /** A scheduled release whose instant has come. */
    record Due(long id, String datasetId) {
    }

    @SqlUpdate
    void markScheduled(@Bind("release") long releaseId, @Bind("at") OffsetDateTime at);

    @SqlQuery
    Optional<Scheduled> byId(@Bind("release") long releaseId);

    @SqlQuery
    Optional<Scheduled> scheduledOf(@Bind("ds") String datasetId);

    /** Returns 1 when the release was still scheduled. */
    @SqlUpdate
    int reschedule(@Bind("release") long releaseId, @Bind("at") OffsetDateTime at);

    /** Returns 1 when the release was still scheduled. */
    @SqlUpdate
    int cancel(@Bind("release") long releaseId);

    /** action: scheduled, rescheduled, cancelled or published. */
    @SqlUpdate
    void recordChange(@Bind("release") long releaseId, @Bind("action") String action, @Bind("at") OffsetDateTime at,
                      @Bind("previous") OffsetDateTime previous, @Bind("reason") String reason);

    @SqlUpdate
    int dropObservations(@Bind("release") long releaseId);

    /** The versions the release closed, open again when it was the dataset's newest written release. */
    @SqlUpdate
    int reopenObservations(@Bind("release") long releaseId);

    @SqlUpdate
    int dropSeriesLinks(@Bind("release") long releaseId);

    @SqlUpdate
    int dropDisclosure(@Bind("release") long releaseId);

    /** Scheduled releases whose instant has passed, oldest instant first. */
    @SqlQuery
    List<Due> due();

    /** Milliseconds until the next announced instant of any scheduled release (negative when overdue), if there is one. */
    @SqlQuery
    Optional<Long> millisToNext();

    /**
     * Flips the release to published if it is still scheduled and due, returning its announced instant; empty when
     * another instance was first (or it was rescheduled or cancelled meanwhile).
     */
    @SqlQuery
    Optional<OffsetDateTime> activate(@Bind("release") long releaseId);
}
