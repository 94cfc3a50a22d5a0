package org.lmobservatory.support;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.lmobservatory.Observatory;
import org.lmobservatory.config.AppConfig;
import org.lmobservatory.loader.LoadReport;
import org.lmobservatory.loader.LoadService;
import org.lmobservatory.seed.SeedLoader;
import org.lmobservatory.releases.Publisher;

import java.io.IOException;
import java.io.Writer;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real server on a random port over the shared test database, with the demo seed loaded through the loader
 * once per run. REST Assured requests made via {@link #given()} are checked against the committed OpenAPI contract.
 */
public final class TestServer {
    private static Observatory observatory;

    private TestServer() {
    }

    public static synchronized Observatory get() {
        if (observatory == null) {
            try {
                new SeedLoader(loader(), publisher(), new PrintWriter(Writer.nullWriter())).load(Path.of("seed"));
            } catch (Exception e) {
                throw new IllegalStateException("Seed could not be loaded", e);
            }
            // Rate limited as in production, but high enough that the whole suite, all from 127.0.0.1, never meets it.
            AppConfig config = TestDatabase.config();
            observatory = start(config.withLimits(config.limits().withRequestsPerMinute(1_000_000)));
        }
        return observatory;
    }

    /** A second, independent server instance over the same database (e.g. with other limits). */
    public static Observatory start(AppConfig config) {
        return new Observatory(config.withPort(0), TestDatabase.get()).start();
    }

    public static LoadService loader() {
        return new LoadService(TestDatabase.get().owner());
    }

    public static Publisher publisher() {
        return new Publisher(TestDatabase.get().owner());
    }

    public static String baseUrl() {
        return "http://localhost:" + get().port();
    }

    /** REST Assured against the server, validating every response against openapi/openapi.json. */
    public static RequestSpecification given() {
        return RestAssured.given().baseUri(baseUrl()).filter(Contract.filter());
    }

    /** Writes a file into a temporary folder and returns its path. */
    public static Path file(String name, String content) throws IOException {
        Path dir = Files.createTempDirectory("lmo-test-files");
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** Defines, loads and publishes a dataset in one go; returns the release id. */
    public static long publish(String datasetId, Path definition, Path data) throws Exception {
        get();
        LoadReport report = loader().load(datasetId, data, Optional.of(definition));
        if (report.status() != LoadReport.Status.VALID) throw new IllegalStateException(report.message() + " " + report.errors());
        return publishLoad(datasetId, report.loadId());
    }

    /** Publishes a validated load and returns once the server serves the new release. */
    public static long publishLoad(String datasetId, long loadId) {
        long releaseId = publisher().publish(datasetId, loadId, "test").releaseId();
        awaitRelease(datasetId, releaseId);
        return releaseId;
    }

    /**
     * Waits until the observations endpoint answers from the given release. The server learns of a publish through
     * LISTEN/NOTIFY, on its own thread, so a test reading right after publishing could otherwise get the old release.
     */
    public static void awaitRelease(String datasetId, long releaseId) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            var response = RestAssured.given().baseUri(baseUrl()).queryParam("limit", 1).get("/v1/datasets/{id}/observations", datasetId);
            Number served = response.statusCode() == 200 ? response.path("release.id") : null;
            if (served != null && served.longValue() == releaseId) return;
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the server still serves release " + served + " of " + datasetId + ", not " + releaseId);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
