package org.lmobservatory.releases;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.errors.ErrorKind;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The facade of scheduled releases (embargo): a release written now by {@link Publisher#schedule} stays invisible
 * until its announced instant, when one server's {@link Activator} makes it current. Until then it can be rescheduled
 * or cancelled, always with a reason, which the public calendar shows. A cancelled release's rows are deleted (they
 * were never public, and nothing may ever show them); its release row and history stay for the calendar.
 */
public final class Schedule {
    private final Jdbi jdbi;

    public Schedule(Jdbi ownerJdbi) {
        this.jdbi = ownerJdbi;
    }

    public record Changed(long releaseId, String datasetId, String status, Instant announcedAt, Instant previousAt) {
    }

    /** Moves a scheduled release to another future instant. */
    public Changed reschedule(long releaseId, Instant at, String reason) {
        requireFuture(at);
        String why = requireReason(reason, "reschedule");
        return jdbi.inTransaction(h -> {
            ScheduleDao.Scheduled release = lockScheduled(h, releaseId, "rescheduled");
            ScheduleDao dao = h.attach(ScheduleDao.class);
            dao.reschedule(releaseId, utc(at));
            dao.recordChange(releaseId, "rescheduled", utc(at), release.announcedAt(), why);
            return new Changed(releaseId, release.datasetId(), "scheduled", at, release.instant());
        });
    }

    /** Cancels a scheduled release: its rows are deleted, it never becomes visible. */
    public Changed cancel(long releaseId, String reason) {
        String why = requireReason(reason, "cancel");
        return jdbi.inTransaction(h -> {
            ScheduleDao.Scheduled release = lockScheduled(h, releaseId, "cancelled");
            ScheduleDao dao = h.attach(ScheduleDao.class);
            dao.cancel(releaseId);
            dao.dropObservations(releaseId);
            dao.reopenObservations(releaseId);
            dao.dropSeriesLinks(releaseId);
            dao.dropDisclosure(releaseId);
            dao.recordChange(releaseId, "cancelled", release.announcedAt(), release.announcedAt(), why);
            return new Changed(releaseId, release.datasetId(), "cancelled", release.instant(), release.instant());
        });
    }

    /** The release's place in the schedule, for the owner's tools (the API reads the calendar view instead). */
    public java.util.Optional<ScheduleDao.Scheduled> of(long releaseId) {
        return jdbi.withExtension(ScheduleDao.class, dao -> dao.byId(releaseId));
    }

    /** Under the dataset's lock, so an activation at this very instant and a change cannot interleave. */
    private static ScheduleDao.Scheduled lockScheduled(Handle h, long releaseId, String verb) {
        ScheduleDao dao = h.attach(ScheduleDao.class);
        ScheduleDao.Scheduled found = dao.byId(releaseId).orElseThrow(() -> ErrorKind.UNKNOWN_RELEASE.error(
                "There is no release " + releaseId + ". Scheduled releases are listed at /v1/calendar.", Map.of("calendar", "/v1/calendar")));
        DatasetLock.acquireForTransaction(h, found.datasetId());
        ScheduleDao.Scheduled release = dao.byId(releaseId).orElseThrow();
        if (!"scheduled".equals(release.status())) {
            throw ErrorKind.RELEASE_NOT_SCHEDULED.error("Release " + releaseId + " of " + release.datasetId() + " is "
                    + release.status() + ", not scheduled, so it cannot be " + verb + ".", Map.of("releaseStatus", release.status()));
        }
        return release;
    }

    static void markScheduled(Handle h, long releaseId, Instant at) {
        ScheduleDao dao = h.attach(ScheduleDao.class);
        dao.markScheduled(releaseId, utc(at));
        dao.recordChange(releaseId, "scheduled", utc(at), null, null);
    }

    /** One waiting release per dataset (also a unique index): the second must wait, or the first be moved or cancelled. */
    static void refuseSecond(Handle h, String datasetId) {
        h.attach(ScheduleDao.class).scheduledOf(datasetId).ifPresent(s -> {
            throw ErrorKind.ALREADY_SCHEDULED.error("Dataset '" + datasetId + "' already has release " + s.id()
                    + " scheduled for " + s.instant() + ". Reschedule or cancel it first: release reschedule " + s.id()
                    + " --at <instant> --reason <text>, or release cancel " + s.id() + " --reason <text>.",
                    Map.of("release", s.id()));
        });
    }

    /** An announced instant must lie ahead: a past one would publish at once under the pretence of an embargo. */
    public static void requireFuture(Instant at) {
        if (at == null) throw ErrorKind.INVALID_SCHEDULE.error("A scheduled release needs an instant, e.g. 2026-12-01T09:00:00+01:00.");
        if (!at.isAfter(Instant.now())) {
            throw ErrorKind.INVALID_SCHEDULE.error("The instant " + at + " has passed; a release can only be scheduled for a "
                    + "future instant (publish without --at to publish now).", Map.of("at", at.toString()));
        }
    }

    private static String requireReason(String reason, String verb) {
        if (reason == null || reason.isBlank()) {
            throw ErrorKind.INVALID_SCHEDULE.error("A reason is required to " + verb + " a scheduled release; it is shown "
                    + "on the public release calendar.");
        }
        return reason.strip();
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
