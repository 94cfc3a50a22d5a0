package org.lmobservatory.releases;

import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.errors.LogThrottle;
import org.lmobservatory.web.AnnouncedChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes scheduled releases current at their announced instant. Every server instance runs one; it sleeps until the
 * next instant read from the database (but never longer than {@link #POLL}, so a release scheduled meanwhile by another
 * process is seen in time), then activates what is due. Several instances race for the same release: each tries the
 * dataset's advisory lock and re-checks the status in an {@code UPDATE … WHERE status = 'scheduled'}, so exactly one
 * flips it, records the activation and NOTIFYs; every instance's {@link ReleaseListener} then switches. A release
 * whose instant passed while every instance was down is activated by the first one that starts.
 */
public final class Activator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Activator.class);
    /** The longest sleep: a schedule made or moved by another process is seen within this. */
    static final Duration POLL = Duration.ofMillis(250);
    static final Duration OVERDUE_RETRY = Duration.ofMillis(100);

    private final Jdbi jdbi;
    private final Thread thread;
    private final LogThrottle failureLog = new LogThrottle(log, 30);
    private volatile boolean running = true;

    /** What one activation did: the release, its dataset, its announced instant and when it became current. */
    public record Activated(long releaseId, String datasetId, Instant announcedAt, Instant activatedAt) {
        public Duration late() {
            return Duration.between(announcedAt, activatedAt);
        }
    }

    public Activator(Jdbi ownerJdbi) {
        this.jdbi = ownerJdbi;
        this.thread = new Thread(this::loop, "release-activator");
        this.thread.setDaemon(true);
    }

    public Activator start() {
        thread.start();
        return this;
    }

    private void loop() {
        while (running) {
            long waitMillis = POLL.toMillis();
            try {
                int due = round(new ArrayList<>());
                Optional<Long> next = jdbi.withExtension(ScheduleDao.class, ScheduleDao::millisToNext);
                AnnouncedChanges.report(this, next.map(ms -> Instant.now().plusMillis(Math.max(0, ms))).orElse(null));
                if (next.isPresent()) {
                    // Wake at the instant itself. A release due now that this round did not see is taken at once; one it
                    // saw but could not take (its dataset locked by a long publish, another instance mid-activation) is
                    // looked at again every OVERDUE_RETRY.
                    if (next.get() > 0) waitMillis = Math.min(waitMillis, next.get());
                    else waitMillis = due == 0 ? 1 : OVERDUE_RETRY.toMillis();
                }
            } catch (Exception e) {
                if (!running) return;
                failureLog.warn("Release activator could not read the schedule ({}); retrying every second", e.getMessage());
                waitMillis = 1_000;
            }
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Activates every due release this instance wins; public for tests and for the CLI's one-off use. */
    public List<Activated> activateDue() {
        List<Activated> done = new ArrayList<>();
        round(done);
        return done;
    }

    /** One round: the activations won are added to done; returns how many releases were due. */
    private int round(List<Activated> done) {
        List<ScheduleDao.Due> due = jdbi.withExtension(ScheduleDao.class, ScheduleDao::due);
        for (ScheduleDao.Due d : due) {
            activate(d).ifPresent(a -> {
                done.add(a);
                log.info("Activated scheduled release {} of {} (announced {}, current {} ms after)", a.releaseId(), a.datasetId(),
                        a.announcedAt(), a.late().toMillis());
            });
        }
        return due.size();
    }

    private Optional<Activated> activate(ScheduleDao.Due due) {
        return jdbi.inTransaction(h -> {
            // Not waiting: a long publish of this dataset must not hold up other datasets' instants; retried next round.
            if (!h.attach(DatasetLockDao.class).tryLockForTransaction(due.datasetId())) return Optional.empty();
            ScheduleDao schedule = h.attach(ScheduleDao.class);
            Optional<java.time.OffsetDateTime> announced = schedule.activate(due.id());
            if (announced.isEmpty()) return Optional.<Activated>empty();
            ReleaseDao releases = h.attach(ReleaseDao.class);
            releases.makeCurrent(due.datasetId(), due.id());
            releases.refreshSearch(due.datasetId());
            releases.recordActivation(due.datasetId(), due.id(), "scheduled");
            schedule.recordChange(due.id(), "published", announced.get(), null, null);
            releases.announce(Publisher.CHANNEL, due.datasetId() + ":" + due.id());
            return Optional.of(new Activated(due.id(), due.datasetId(), announced.get().toInstant(), Instant.now()));
        });
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        AnnouncedChanges.report(this, null);
    }
}
