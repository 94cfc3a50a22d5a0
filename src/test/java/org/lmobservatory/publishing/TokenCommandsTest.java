package org.lmobservatory.publishing;

import org.junit.jupiter.api.Test;
import org.lmobservatory.cli.ExitCodes;
import org.lmobservatory.support.CliRun;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** token create / list / revoke / log as an operator runs them: the secret printed once, stored only as Argon2id. */
class TokenCommandsTest {

    @Test
    void aTokenIsShownOnceStoredHashedListedAndRevoked() {
        TestServer.get();
        CliRun created = CliRun.of("token", "create", "--owner", "Gjakova VET centre", "--datasets", "unemployment-rate", "--scope", "load,publish", "--expires", "90d");

        assertEquals(ExitCodes.OK, created.code(), created.err());
        String token = created.out().trim();
        assertTrue(token.matches("lmo_[0-9a-f]{16}_[A-Za-z0-9_-]{43}"), token);
        String id = token.substring(4, 20);
        String hash = TestDatabase.get().owner().withHandle(h -> h.createQuery("SELECT secret_hash FROM publishing.token WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertFalse(hash.contains(token.substring(21)));
        assertTrue(created.err().contains("shown only this once"), created.err());

        CliRun list = CliRun.of("token", "list");
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith(id + "\tGjakova VET centre\tunemployment-rate\tload,publish") && l.contains("active until")), list.out());
        assertFalse(list.out().contains(token.substring(21)), "never the secret: " + list.out());

        assertEquals(ExitCodes.OK, CliRun.of("token", "revoke", id).code());
        assertTrue(CliRun.of("token", "list").out().lines().anyMatch(l -> l.startsWith(id) && l.contains("revoked")));
        CliRun again = CliRun.of("token", "revoke", id);
        assertEquals(ExitCodes.NOT_FOUND, again.code(), again.err());
    }

    @Test
    void aTokenForAnUnknownDatasetOrScopeIsRefused() {
        TestServer.get();
        CliRun unknownDataset = CliRun.of("token", "create", "--owner", "X", "--datasets", "no-such-dataset", "--scope", "load");
        assertEquals(ExitCodes.NOT_FOUND, unknownDataset.code(), unknownDataset.err());
        assertTrue(unknownDataset.err().contains("no-such-dataset"), unknownDataset.err());

        CliRun badScope = CliRun.of("token", "create", "--owner", "X", "--datasets", "unemployment-rate", "--scope", "delete");
        assertEquals(ExitCodes.USAGE, badScope.code());
        assertTrue(badScope.err().contains("'delete' is not a scope"), badScope.err());
        assertFalse(badScope.err().contains("\tat "), badScope.err());
    }

    @Test
    void tokenAloneShowsItsSubcommands() {
        CliRun help = CliRun.of("token");
        assertEquals(ExitCodes.USAGE, help.code());
        assertTrue(help.err().contains("create") && help.err().contains("revoke") && help.err().contains("log"), help.err());
    }

    @Test
    void theLogListsEveryUseOfTheApi() {
        TestServer.get();
        Tokens tokens = new Tokens(TestDatabase.get().owner());
        tokens.audit(new AuditEntry(null, "00000000000000ff", "Audit owner", "upload", "unemployment-rate", "ok", "abc123", 7L, null, "127.0.0.1"));
        CliRun log = CliRun.of("token", "log", "--token", "00000000000000ff");
        assertEquals(ExitCodes.OK, log.code(), log.err());
        assertTrue(log.out().contains("00000000000000ff\tAudit owner\tupload\tunemployment-rate\tok\tsha256:abc123\tload 7\t-\t127.0.0.1"), log.out());
    }
}
