package org.lmobservatory.cli;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A command beside a running server on the embedded default: it finds that server's PostgreSQL (postmaster.pid gives
 * the port, owner.secret the password), says so on stderr and does its work; the server switches to the new release.
 * The test database and TestServer play the running serve; the command runs in its own JVM, as a user's would (file
 * locks are per process).
 */
class DatabaseInUseTest {
    private static final String DATASET = "cli-beside-server";

    @Test
    void aLoadAndPublishFromTheCommandLineWhileTheServerRunsSwitchesTheServer() throws Exception {
        Assumptions.assumeTrue(System.getenv("TEST_DATABASE_URL") == null, "needs the embedded test database");
        TestServer.get();
        Path definition = TestServer.file(DATASET + ".json", """
                {"id": "cli-beside-server", "title": {"en": "CLI beside a running server"}, "theme": "labour-market",
                 "frequency": "A", "unit": {"id": "PERS"}, "source": "Test source", "licence": "CC-BY-4.0",
                 "dimensions": [{"id": "sex", "codelist": "SEX"}]}
                """);
        Path data = TestServer.file("cli-" + System.nanoTime() + ".csv", "sex,time,value\nF,2023," + (System.nanoTime() % 1000) + "\nM,2023,7\n");

        Run run = cli("load", "--dataset", DATASET, "--file", data.toString(), "--definition", definition.toString(), "--publish", "--note", "from the CLI");

        assertEquals(ExitCodes.OK, run.code(), run.output());
        Path pgData = TestDatabase.config().dataDir().resolve("postgres").toAbsolutePath();
        assertTrue(run.output().matches("(?s).*Using the running database of " + Pattern.quote(pgData.toString()) + " on port \\d+.*"),
                "says what it does: " + run.output());
        assertFalse(run.output().contains("\tat "), "no stack trace: " + run.output());
        Matcher release = Pattern.compile("published \\S+ release (\\d+)").matcher(run.output());
        assertTrue(release.find(), run.output());
        long releaseId = Long.parseLong(release.group(1));
        TestServer.awaitRelease(DATASET, releaseId);
        assertEquals(7, RestAssured.given().baseUri(TestServer.baseUrl()).queryParam("sex", "M")
                .get("/v1/datasets/{id}/observations", DATASET).jsonPath().getInt("observations[0].value"));
    }

    private record Run(int code, String output) {
    }

    private static Run cli(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "org.lmobservatory.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("DATABASE_URL");
        builder.environment().put("LMO_DATA_DIR", TestDatabase.config().dataDir().toString());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), output);
        return new Run(process.exitValue(), output);
    }
}
