package org.lmobservatory.releases;

import org.junit.jupiter.api.Test;
import org.lmobservatory.cli.ExitCodes;
import org.lmobservatory.publishing.Scope;
import org.lmobservatory.publishing.Tokens;
import org.lmobservatory.support.CliRun;
import org.lmobservatory.support.TestDatabase;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line names pre-release readers when scheduling (--pre-release-reader) and changes them until the instant. */
class PreReleaseReadersCliTest {

    @Test
    void readersAreNamedWhenSchedulingAndChangedUntilTheInstant() throws Exception {
        String id = Embargoes.uniqueId("t-readers-cli");
        Embargoes.publishNow(id, "Readers CLI", "geo,time,value\nFI1B,2024,5\n");
        Embargoes.load(id, Embargoes.csv(16));
        Tokens tokens = new Tokens(TestDatabase.get().owner());
        String reviewer = tokens.create("CLI reviewer " + id, List.of(id), List.of(Scope.LOAD), null).token().id();
        String owner = "CLI ministry " + id;
        tokens.create(owner, List.of(id), List.of(Scope.LOAD), null);
        PreReleaseReaders readers = new PreReleaseReaders(TestDatabase.get().owner());

        CliRun withoutAt = CliRun.of("publish", "--dataset", id, "--pre-release-reader", reviewer);
        assertEquals(ExitCodes.USAGE, withoutAt.code(), withoutAt.err());
        assertTrue(withoutAt.err().contains("--at"), withoutAt.err());
        CliRun unknown = CliRun.of("publish", "--dataset", id, "--at", "2099-11-01T09:00:00+01:00", "--pre-release-reader", "nobody-" + id);
        assertTrue(unknown.code() != ExitCodes.OK && unknown.err().contains("nobody-" + id), unknown.err());
        assertFalse(unknown.err().contains("Exception"), unknown.err());

        CliRun scheduled = CliRun.of("publish", "--dataset", id, "--at", "2099-11-01T09:00:00+01:00", "--pre-release-reader", reviewer);
        assertEquals(ExitCodes.OK, scheduled.code(), scheduled.err());
        assertTrue(scheduled.out().contains("pre-release readers: " + reviewer), scheduled.out());
        long release = TestDatabase.get().owner().withHandle(h -> h.createQuery(
                "SELECT id FROM published.release WHERE dataset_id = :d AND status = 'scheduled'").bind("d", id).mapTo(Long.class).one());
        assertEquals(Optional.of(List.of(reviewer)), readers.of(release));

        CliRun byOwner = CliRun.of("pre-release-readers", String.valueOf(release), "--reader", owner);
        assertEquals(ExitCodes.OK, byOwner.code(), byOwner.err());
        assertEquals(Optional.of(List.of(owner)), readers.of(release));
        CliRun nobody = CliRun.of("pre-release-readers", String.valueOf(release));
        assertEquals(ExitCodes.OK, nobody.code(), nobody.err());
        assertTrue(nobody.out().contains("nobody"), nobody.out());
        assertEquals(Optional.of(List.of()), readers.of(release));
        CliRun byDefault = CliRun.of("pre-release-readers", String.valueOf(release), "--default");
        assertEquals(ExitCodes.OK, byDefault.code(), byDefault.err());
        assertEquals(Optional.empty(), readers.of(release));

        CliRun.of("release", "cancel", String.valueOf(release), "--reason", "test over");
        CliRun afterCancel = CliRun.of("pre-release-readers", String.valueOf(release), "--reader", owner);
        assertEquals(ExitCodes.CONFLICT, afterCancel.code(), afterCancel.err());
    }
}
