package org.lmobservatory.db;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No session of the API's pool can reach staging (the confidential graduate records), whatever SQL it runs: it logs
 * in as a role that is a member of the API role only. Before, it logged in as the owner and did SET ROLE, which
 * RESET ROLE undid.
 */
class LeastPrivilegeTest {

    @Test
    void anApiSessionCannotReadStagingEvenAfterResetRole() {
        Jdbi api = TestDatabase.get().api();
        if (System.getenv("TEST_DATABASE_URL") != null && System.getenv("API_DATABASE_USER") == null) {
            org.junit.jupiter.api.Assumptions.abort("external test database without API_DATABASE_USER: the API uses SET ROLE there");
        }
        String user = api.withHandle(h -> h.createQuery("SELECT current_user").mapTo(String.class).one());
        assertEquals("lmo_api_login", user);
        boolean powerful = api.withHandle(h -> h.createQuery("SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = current_user")
                .mapTo(Boolean.class).one());
        assertFalse(powerful, "the API's login has no powers of its own");
        Exception e = assertThrows(Exception.class, () -> api.useHandle(h -> {
            h.execute("RESET ROLE");
            h.createQuery("SELECT count(*) FROM staging.graduate").mapTo(Long.class).one();
        }));
        assertEquals("42501", sqlState(e), "permission denied: " + e.getMessage());
        Exception setRole = assertThrows(Exception.class, () -> api.useHandle(h -> h.execute("SET ROLE postgres")));
        assertEquals("42501", sqlState(setRole), setRole.getMessage());
        long readable = api.withHandle(h -> h.createQuery("SELECT count(*) FROM published.dataset").mapTo(Long.class).one());
        assertTrue(readable >= 0, "the published schema stays readable");
    }

    @Test
    void theGeneratedPasswordIsReadableByItsOwnerOnly() throws Exception {
        Path secret = TestDatabase.config().dataDir().resolve("api-login.secret");
        if (System.getenv("TEST_DATABASE_URL") != null) return;
        assertTrue(Files.exists(secret));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
        assertTrue(Files.readString(secret).trim().length() >= 32);
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof SQLException s) return s.getSQLState();
        return null;
    }
}
