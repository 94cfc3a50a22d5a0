package org.lmobservatory.db;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.lmobservatory.config.AppConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded default keeps every acknowledged commit when PostgreSQL is killed: zonky's defaults (fsync off,
 * synchronous_commit off) lost hundreds of the last commits this way. Single-row commits, then kill -9 of the
 * postmaster and all its processes right after the last acknowledgement, then a restart on the same data directory.
 */
class EmbeddedDurabilityTest {
    private static final int COMMITS = 1_500;

    @Test
    void noAcknowledgedCommitIsLostWhenPostgresIsKilled() throws Exception {
        Path dir = Files.createTempDirectory("lmo-durability");
        AppConfig config = AppConfig.from(Map.of("LMO_DATA_DIR", dir.toString(), "PORT", "0"));
        Database first = Database.start(config);
        Jdbi owner = first.owner();
        owner.useHandle(h -> h.execute("CREATE TABLE staging.durability_probe (n int PRIMARY KEY)"));
        for (int i = 1; i <= COMMITS; i++) {
            int n = i;
            owner.useHandle(h -> h.execute("INSERT INTO staging.durability_probe VALUES (?)", n));
        }
        long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(0).trim());
        ProcessHandle pg = ProcessHandle.of(postmaster).orElseThrow();
        List<ProcessHandle> children = pg.descendants().toList();
        pg.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        assertTrue(pg.onExit().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS) != null);
        for (ProcessHandle c : children) c.onExit().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
        try {
            first.close();
        } catch (RuntimeException expected) {
            // its PostgreSQL is gone; closing only releases the pools and the lock
        }

        try (Database second = Database.start(config)) {
            long kept = second.owner().withHandle(h -> h.createQuery("SELECT count(*) FROM staging.durability_probe").mapTo(Long.class).one());
            assertEquals(COMMITS, kept, "acknowledged commits after kill -9 and crash recovery");
        }
    }
}
