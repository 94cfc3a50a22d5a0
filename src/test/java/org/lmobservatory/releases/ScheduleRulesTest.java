package org.lmobservatory.releases;

import org.junit.jupiter.api.Test;
import org.lmobservatory.cli.ExitCodes;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.errors.ObservatoryException;
import org.lmobservatory.support.CliRun;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of scheduling, rescheduling and cancelling, through the facade and the command line. */
class ScheduleRulesTest {
    private static final String CSV = "geo,time,value\nFI1B,2024,5\n";

    @Test
    void anInstantInThePastIsRefusedAndNothingIsWritten() throws Exception {
        String id = Embargoes.uniqueId("t-sched-past");
        Embargoes.publishNow(id, "Past instant", CSV);
        long load = Embargoes.load(id, Embargoes.csv(11));
        ObservatoryException e = assertThrows(ObservatoryException.class,
                () -> TestServer.publisher().schedule(id, load, null, Instant.now().minusSeconds(60)));
        assertEquals(ErrorKind.INVALID_SCHEDULE, e.kind());
        assertEquals(1, releasesOf(id), "no release was written");
    }

    @Test
    void aSecondScheduledReleaseOfOneDatasetIsRefusedUntilTheFirstIsMovedOrCancelled() throws Exception {
        String id = Embargoes.uniqueId("t-sched-two");
        Embargoes.publishNow(id, "Two schedules", CSV);
        long first = Embargoes.schedule(id, Embargoes.csv(12), Instant.now().plus(Duration.ofDays(2)));
        long load = Embargoes.load(id, Embargoes.csv(13));
        ObservatoryException e = assertThrows(ObservatoryException.class,
                () -> TestServer.publisher().schedule(id, load, null, Instant.now().plus(Duration.ofDays(3))));
        assertEquals(ErrorKind.ALREADY_SCHEDULED, e.kind());
        assertTrue(e.getMessage().contains("release cancel " + first), e.getMessage());
        new Schedule(TestDatabase.get().owner()).cancel(first, "replaced by a corrected file");
        TestServer.publisher().schedule(id, load, null, Instant.now().plus(Duration.ofDays(3)));
    }

    @Test
    void aCancelledReleaseLosesItsRowsAndCanNeitherBeMovedNorCancelledAgain() throws Exception {
        String id = Embargoes.uniqueId("t-sched-cancel");
        Embargoes.publishNow(id, "Cancel", CSV);
        long r = Embargoes.schedule(id, Embargoes.csv(14), Instant.now().plus(Duration.ofDays(1)));
        Schedule schedule = new Schedule(TestDatabase.get().owner());
        ObservatoryException noReason = assertThrows(ObservatoryException.class, () -> schedule.cancel(r, "  "));
        assertEquals(ErrorKind.INVALID_SCHEDULE, noReason.kind());

        schedule.cancel(r, "source data withdrawn");

        assertEquals(0L, ownerCount("SELECT count(*) FROM published.observation WHERE first_release = :r", r), "rows dropped");
        assertEquals(0L, ownerCount("SELECT count(*) FROM published.release_series WHERE release_id = :r", r));
        assertEquals("cancelled", schedule.of(r).orElseThrow().status());
        assertEquals(ErrorKind.RELEASE_NOT_SCHEDULED, assertThrows(ObservatoryException.class,
                () -> schedule.reschedule(r, Instant.now().plus(Duration.ofDays(2)), "again")).kind());
        assertEquals(ErrorKind.RELEASE_NOT_SCHEDULED, assertThrows(ObservatoryException.class, () -> schedule.cancel(r, "again")).kind());
        assertEquals(ErrorKind.UNKNOWN_RELEASE, assertThrows(ObservatoryException.class,
                () -> new Rollback(TestDatabase.get().owner()).rollback(id, r)).kind(), "a cancelled release cannot be rolled back to");
    }

    @Test
    void severalActivatorsRacingForOneDueReleaseActivateItExactlyOnce() throws Exception {
        String id = Embargoes.uniqueId("t-sched-race");
        Embargoes.publishNow(id, "Race", CSV);
        Instant instant = Instant.now().plusMillis(1_500);
        long r = Embargoes.schedule(id, "geo,time,value\nFI1B,2024,6\n", instant);
        // Not started: each is driven by hand, all at once, at the instant, when the server's own activator fires too.
        List<Activator> activators = List.of(new Activator(TestDatabase.get().owner()), new Activator(TestDatabase.get().owner()),
                new Activator(TestDatabase.get().owner()), new Activator(TestDatabase.get().owner()));
        Thread.sleep(Math.max(0, java.time.Duration.between(Instant.now(), instant).toMillis()));
        ExecutorService pool = Executors.newFixedThreadPool(activators.size());
        List<Future<List<Activator.Activated>>> results = new ArrayList<>();
        for (Activator a : activators) results.add(pool.submit((Callable<List<Activator.Activated>>) a::activateDue));
        long won = 0;
        for (Future<List<Activator.Activated>> f : results) won += f.get().stream().filter(x -> x.releaseId() == r).count();
        pool.shutdown();
        // The servers' own activators race too; whoever won, the release is activated exactly once.
        assertTrue(won <= 1, "won by " + won + " of the hand-driven activators");
        TestServer.awaitRelease(id, r);
        assertEquals(1L, ownerCount("SELECT count(*) FROM published.release_activation WHERE release_id = :r", r));
        assertEquals(r, ownerCount("SELECT current_release_id FROM published.dataset WHERE current_release_id = :r", r));
    }

    @Test
    void theCommandLineSchedulesReschedulesAndCancelsWithClearMessages() throws Exception {
        String id = Embargoes.uniqueId("t-sched-cli");
        Embargoes.publishNow(id, "CLI", CSV);
        Embargoes.load(id, Embargoes.csv(15));

        CliRun past = CliRun.of("publish", "--dataset", id, "--at", "2020-01-01T09:00:00+01:00");
        assertEquals(ExitCodes.REJECTED, past.code(), past.err());
        assertTrue(past.err().contains("has passed"), past.err());
        assertFalse(past.err().contains("Exception"), past.err());

        CliRun noOffset = CliRun.of("publish", "--dataset", id, "--at", "2030-01-01T09:00:00");
        assertEquals(ExitCodes.USAGE, noOffset.code());
        assertTrue(noOffset.err().contains("not an instant with an offset"), noOffset.err());

        CliRun scheduled = CliRun.of("publish", "--dataset", id, "--at", "2099-12-01T09:00:00+01:00", "--note", "annual");
        assertEquals(ExitCodes.OK, scheduled.code(), scheduled.err());
        assertTrue(scheduled.out().contains("scheduled " + id + " release ") && scheduled.out().contains("2099-12-01T08:00:00Z"), scheduled.out());
        long release = scheduledRelease(id);

        CliRun noAt = CliRun.of("release", "reschedule", String.valueOf(release), "--reason", "late data");
        assertEquals(ExitCodes.USAGE, noAt.code());
        CliRun moved = CliRun.of("release", "reschedule", String.valueOf(release), "--at", "2099-12-08T09:00:00+01:00", "--reason", "late data");
        assertEquals(ExitCodes.OK, moved.code(), moved.err());
        assertTrue(moved.out().contains("from 2099-12-01T08:00:00Z to 2099-12-08T08:00:00Z"), moved.out());
        CliRun cancelled = CliRun.of("release", "cancel", String.valueOf(release), "--reason", "withdrawn");
        assertEquals(ExitCodes.OK, cancelled.code(), cancelled.err());
        CliRun again = CliRun.of("release", "cancel", String.valueOf(release), "--reason", "withdrawn");
        assertEquals(ExitCodes.CONFLICT, again.code());
        assertTrue(again.err().contains("is cancelled, not scheduled"), again.err());
        CliRun unknown = CliRun.of("release", "cancel", "999999999", "--reason", "x");
        assertEquals(ExitCodes.NOT_FOUND, unknown.code());
    }

    private static long scheduledRelease(String id) {
        return TestDatabase.get().owner().withHandle(h -> h.createQuery(
                "SELECT id FROM published.release WHERE dataset_id = :d AND status = 'scheduled'").bind("d", id).mapTo(Long.class).one());
    }

    private static long releasesOf(String id) {
        return TestDatabase.get().owner().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM published.release WHERE dataset_id = :d").bind("d", id).mapTo(Long.class).one());
    }

    private static long ownerCount(String sql, long release) {
        return TestDatabase.get().owner().withHandle(h -> h.createQuery(sql).bind("r", release).mapTo(Long.class).findOne().orElse(0L));
    }
}
