package org.lmobservatory.db;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.lmobservatory.config.AppConfig;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server killed with kill -9 leaves its embedded PostgreSQL running. The next start on the same data directory stops
 * that orphan cleanly and starts its own, quickly and with the data intact; before, it waited 60 s and failed.
 * The server is a real child JVM (file locks and orphans are per process), killed with SIGKILL.
 */
class OrphanedPostgresTest {

    @Test
    void aStartAfterKill9StopsTheOrphanedPostgresAndKeepsTheData() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");
        Path dataDir = Files.createTempDirectory("lmo-orphan");
        Process server = startChild(dataDir);
        server.destroyForcibly();
        assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the child JVM is gone");
        long orphan = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
        assertTrue(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false), "its PostgreSQL outlived it");

        long start = System.nanoTime();
        try (Database restarted = Database.start(AppConfig.from(Map.of("LMO_DATA_DIR", dataDir.toString(), "PORT", "0")))) {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.println("Start after kill -9 of the server took " + took.toMillis() + " ms");
            assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "started within 20 s, took " + took);
            assertFalse(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false), "the orphan was stopped");
            String note = restarted.owner().withHandle(h -> h.createQuery("SELECT note FROM staging.survives_kill").mapTo(String.class).one());
            assertEquals("written before kill -9", note);
        }
    }

    @Test
    void aStaleOrForeignPidFileIsLeftAlone() throws Exception {
        Path pgData = Files.createTempDirectory("lmo-orphan-stale");
        // This JVM's own PID: alive, but not a postgres in that directory.
        Files.writeString(pgData.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + pgData + "\n");
        assertEquals(Optional.empty(), OrphanedPostgres.stop(pgData));
        Files.writeString(pgData.resolve("postmaster.pid"), "999999999\n");
        assertEquals(Optional.empty(), OrphanedPostgres.stop(pgData));
    }

    private static Process startChild(Path dataDir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder command = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KilledServerChild.class.getName(), dataDir.toString());
        command.environment().remove("DATABASE_URL");
        command.redirectError(dataDir.resolve("child.log").toFile());
        Process process = command.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals(KilledServerChild.READY)) return process;
            if (System.nanoTime() > deadline) break;
        }
        process.destroyForcibly();
        throw new AssertionError("the child server did not get ready: " + Files.readString(dataDir.resolve("child.log")));
    }
}
