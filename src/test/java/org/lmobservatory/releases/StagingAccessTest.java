package org.lmobservatory.releases;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API's database role sees what is published, read-only, and nothing of staging. */
class StagingAccessTest {
    private final Jdbi api = TestDatabase.get().api();
    private final Jdbi owner = TestDatabase.get().owner();

    @Test
    void theApiConnectionRunsAsTheApiRole() {
        String role = api.withHandle(h -> h.createQuery("SELECT current_user").mapTo(String.class).one());
        boolean member = api.withHandle(h -> h.createQuery("SELECT pg_has_role(current_user, 'lmo_api', 'USAGE')").mapTo(Boolean.class).one());

        assertEquals("lmo_api_login", role, "its own login (LeastPrivilegeTest), not the owner's with SET ROLE");
        assertTrue(member, "with the API role's rights");
    }

    @Test
    void theApiRoleCannotReadStagingLoads() {
        Exception e = assertThrows(Exception.class,
                () -> api.withHandle(h -> h.createQuery("SELECT count(*) FROM staging.load").mapTo(Long.class).one()));

        assertTrue(e.getMessage().contains("permission denied for schema staging"), e.getMessage());
    }

    @Test
    void theApiRoleCannotReadStagedRowsOrErrors() {
        for (String table : new String[]{"staging.load_row", "staging.load_error"}) {
            Exception e = assertThrows(Exception.class,
                    () -> api.withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one()));

            assertTrue(e.getMessage().contains("permission denied"), table + ": " + e.getMessage());
        }
    }

    @Test
    void theApiRoleReadsPublishedTables() {
        long observations = api.withHandle(h -> h.createQuery("SELECT count(*) FROM published.observation").mapTo(Long.class).one());
        long releases = api.withHandle(h -> h.createQuery("SELECT count(*) FROM published.release").mapTo(Long.class).one());

        assertTrue(observations >= 0 && releases >= 0);
    }

    @Test
    void theApiConnectionCannotWritePublishedTables() {
        Exception e = assertThrows(Exception.class, () -> api.useHandle(h -> h.execute(
                "INSERT INTO published.codelist (id, title) VALUES ('TAPIWRITE', '{}')")));

        String message = e.getMessage();
        assertTrue(message.contains("permission denied for table codelist"), message);
        long rows = owner.withHandle(h -> h.createQuery("SELECT count(*) FROM published.codelist WHERE id = 'TAPIWRITE'").mapTo(Long.class).one());
        assertEquals(0, rows);
    }

    @Test
    void theApiRoleHoldsNoWritePrivilegeEvenOutsideAReadOnlyTransaction() {
        // Independent of the pool's read-only flag: the role itself may only SELECT.
        for (String table : new String[]{"published.observation", "published.release", "published.dataset", "published.series"}) {
            for (String privilege : new String[]{"INSERT", "UPDATE", "DELETE", "TRUNCATE"}) {
                boolean has = owner.withHandle(h -> h.createQuery("SELECT has_table_privilege('lmo_api', :t, :p)")
                        .bind("t", table).bind("p", privilege).mapTo(Boolean.class).one());
                assertFalse(has, "lmo_api has " + privilege + " on " + table);
            }
        }
        boolean staging = owner.withHandle(h -> h.createQuery("SELECT has_schema_privilege('lmo_api', 'staging', 'USAGE')")
                .mapTo(Boolean.class).one());
        assertFalse(staging, "lmo_api has USAGE on schema staging");
    }
}
