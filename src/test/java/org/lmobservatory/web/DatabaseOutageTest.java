package org.lmobservatory.web;

import org.junit.jupiter.api.Test;
import org.lmobservatory.support.OwnObservatory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database stops under a running server (kill -9 of the embedded PostgreSQL) and comes back on the same data
 * directory and port. Meanwhile: an answer already in the response cache is served, marked stale; an uncached query is
 * a 503 database-unavailable problem with Retry-After within a second (once the circuit breaker is open, at once);
 * /ready says 503 within a second and /health stays 200. Afterwards the same server answers again, with no restart.
 * With the default settings (connection timeout 750 ms, breaker after 3 failures, open for 5 s).
 */
class DatabaseOutageTest {
    private static final String OBSERVATIONS = "/v1/datasets/" + OwnObservatory.DATASET + "/observations?format=csv&geo=";
    private static final int BURST = 200;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void cachedAnswersServedStaleOthers503FastAndRecoveryWithoutRestart() throws Exception {
        try (OwnObservatory own = OwnObservatory.start(Map.of())) {
            String cachedPath = OBSERVATIONS + OwnObservatory.code(1);
            HttpResponse<String> fresh = get(own, cachedPath);
            assertEquals(200, fresh.statusCode(), fresh.body());
            assertEquals(200, get(own, cachedPath).statusCode());
            assertTrue(own.server.cache().size() > 0, "the query is in the response cache");
            assertEquals(200, get(own, "/ready").statusCode());

            List<String> postgres = stopPostgres(own.dataDir);

            List<Long> uncachedMillis = new ArrayList<>();
            for (int i = 2; i <= 8; i++) {
                long start = System.nanoTime();
                HttpResponse<String> down = get(own, OBSERVATIONS + OwnObservatory.code(i));
                uncachedMillis.add(millisSince(start));
                assertEquals(503, down.statusCode(), down.body());
                assertTrue(down.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), down.headers().toString());
                assertTrue(down.body().contains("/problems/database-unavailable"), down.body());
                assertTrue(down.headers().firstValue("Retry-After").isPresent(), "Retry-After");
            }
            System.out.println("Uncached queries during the outage, ms: " + uncachedMillis);
            uncachedMillis.forEach(ms -> assertTrue(ms < 1_000, "each 503 within a second: " + uncachedMillis));
            assertTrue(uncachedMillis.get(uncachedMillis.size() - 1) < 200, "breaker open: refused at once: " + uncachedMillis);

            // A burst while the breaker is open: none of them queues on the dead pool (before: 30 s each, then 500s).
            List<java.util.concurrent.CompletableFuture<Long>> burst = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                long sent = System.nanoTime();
                burst.add(http.sendAsync(HttpRequest.newBuilder(URI.create(own.baseUrl() + OBSERVATIONS + OwnObservatory.code(100 + i)))
                                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString())
                        .thenApply(r -> r.statusCode() == 503 ? millisSince(sent) : -r.statusCode()));
            }
            List<Long> burstMillis = burst.stream().map(java.util.concurrent.CompletableFuture::join).sorted().toList();
            System.out.println(BURST + " concurrent uncached queries during the outage, ms: min " + burstMillis.get(0) + ", p10 "
                    + burstMillis.get(BURST / 10) + ", median " + burstMillis.get(BURST / 2) + ", p90 " + burstMillis.get(BURST * 9 / 10)
                    + ", max " + burstMillis.get(BURST - 1));
            assertTrue(burstMillis.get(0) >= 0, "all 503: " + burstMillis);
            assertTrue(burstMillis.get(BURST - 1) < 3_000, "the slowest of the burst: " + burstMillis);

            long start = System.nanoTime();
            HttpResponse<String> stale = get(own, cachedPath);
            long staleMillis = millisSince(start);
            assertEquals(200, stale.statusCode(), stale.body());
            assertEquals(fresh.body(), stale.body());
            assertTrue(stale.headers().firstValue("Warning").orElse("").startsWith("110"), stale.headers().toString());
            assertEquals("database-unavailable", stale.headers().firstValue(HttpCaching.STALE_HEADER).orElse(null));
            assertTrue(stale.headers().firstValue("Age").isPresent(), "Age");
            assertTrue(staleMillis < 1_000, "stale answer in " + staleMillis + " ms");

            start = System.nanoTime();
            HttpResponse<String> ready = get(own, "/ready");
            long readyMillis = millisSince(start);
            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(readyMillis < 1_000, "/ready in " + readyMillis + " ms");
            assertEquals(200, get(own, "/health").statusCode());
            System.out.println("During the outage: cached answer " + staleMillis + " ms, /ready " + readyMillis + " ms");

            Process restarted = restartPostgres(postgres, own);
            try {
                long recovered = System.nanoTime();
                long deadline = recovered + TimeUnit.SECONDS.toNanos(30);
                HttpResponse<String> again;
                do {
                    Thread.sleep(250);
                    again = get(own, OBSERVATIONS + OwnObservatory.code(2));
                } while (again.statusCode() != 200 && System.nanoTime() < deadline);
                assertEquals(200, again.statusCode(), again.body());
                System.out.println("Answering again " + millisSince(recovered) + " ms after PostgreSQL accepted connections");
                assertEquals(200, get(own, "/ready").statusCode());
                HttpResponse<String> cachedAgain = get(own, cachedPath);
                assertEquals(200, cachedAgain.statusCode());
                assertFalse(cachedAgain.headers().firstValue(HttpCaching.STALE_HEADER).isPresent(), "not stale once the database is back");
            } finally {
                own.close(); // zonky's close stops the PostgreSQL of the data directory, i.e. the restarted one
                restarted.destroy();
                restarted.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private HttpResponse<String> get(OwnObservatory own, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(own.baseUrl() + path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** kill -9 of the postmaster and its processes; returns its command line (postmaster.opts) to start it again. */
    private static List<String> stopPostgres(Path dataDir) throws Exception {
        Path pgDir = dataDir.resolve("postgres");
        List<String> command = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(Files.readString(pgDir.resolve("postmaster.opts")).trim());
        while (m.find()) command.add(m.group(1) != null ? m.group(1) : m.group(2));
        long postmaster = Long.parseLong(Files.readAllLines(pgDir.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle pg = ProcessHandle.of(postmaster).orElseThrow();
        List<ProcessHandle> children = pg.descendants().toList();
        pg.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        pg.onExit().get(30, TimeUnit.SECONDS);
        for (ProcessHandle c : children) c.onExit().get(30, TimeUnit.SECONDS);
        return command;
    }

    /** The same postgres command line again (same data directory and port); returns once it accepts connections. */
    private static Process restartPostgres(List<String> command, OwnObservatory own) throws Exception {
        List<String> line = new ArrayList<>();
        // PostgreSQL refuses to run as root; zonky runs it in a user namespace then (unshare -U), and so does this.
        if ("root".equals(System.getProperty("user.name"))) line.addAll(List.of("unshare", "-U"));
        line.addAll(command);
        Process p = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(own.dataDir.resolve("postgres-restart.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            String password = Files.readString(own.dataDir.resolve("owner.secret")).trim();
            try (var c = DriverManager.getConnection(own.database.jdbcUrl(), "postgres", password)) {
                return p;
            } catch (java.sql.SQLException e) {
                if (System.nanoTime() > deadline || !p.isAlive()) {
                    throw new AssertionError("PostgreSQL did not come back: " + Files.readString(own.dataDir.resolve("postgres-restart.log")), e);
                }
                Thread.sleep(200);
            }
        }
    }
}
