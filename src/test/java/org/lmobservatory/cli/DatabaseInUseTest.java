package org.lmobservatory.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestDatabase;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A second command against the embedded database that a running process holds gets a message and exit code 5, not a
 * stack trace. The test database plays the running serve; the command runs in its own JVM, as a user's would (file
 * locks are per process).
 */
class DatabaseInUseTest {

    @Test
    void aSecondProcessIsToldHowToReachTheRunningDatabase() throws Exception {
        Assumptions.assumeTrue(System.getenv("TEST_DATABASE_URL") == null, "needs the embedded test database");
        Path dataDir = TestDatabase.config().dataDir();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder command = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.lmobservatory.Main",
                "publish", "--dataset", "unemployment-rate");
        command.environment().remove("DATABASE_URL");
        command.environment().put("LMO_DATA_DIR", dataDir.toString());
        command.redirectErrorStream(true);
        Process process = command.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(ExitCodes.UNAVAILABLE, process.exitValue(), output);
        assertTrue(output.contains("is in use by another process"), output);
        assertTrue(output.matches("(?s).*DATABASE_URL=jdbc:postgresql://localhost:\\d+/postgres.*"), "says how to reach it instead: " + output);
        assertFalse(output.contains("\tat "), "no stack trace: " + output);
    }
}
