package org.lmobservatory.releases;

import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.OwnObservatory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The release lookups of the API under the limits that protect the database: they wait at the admission gate like
 * observation queries (a full gate is a fast 503 overloaded problem, not a query piled on the pool), and as small
 * lookups they give up after their own short deadline (a 504 problem) instead of waiting as long as the database
 * does, also when the database process stops answering altogether (a 503), while an observation query on the same
 * server still waits as long as it needs.
 *
 * <p>A server of its own with one query permit, no wait for it, and a 2 s lookup deadline (room for a test to stop a
 * database process before the deadline passes). The database is made slow the way production meets it, by a lock:
 * the owner holds ACCESS EXCLUSIVE on a published table in an open transaction, so whatever reads that table waits
 * until it ends.
 */
class ReleaseLookupLimitsTest {
    private static final String DATASET = "/v1/datasets/" + OwnObservatory.DATASET;
    private static final String OBSERVATIONS = DATASET + "/observations?geo=";
    private static final long LOOKUP_DEADLINE_MILLIS = 2_000;

    private static OwnObservatory own;
    private static long release;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        own = OwnObservatory.start(Map.of("LMO_MAX_CONCURRENT_QUERIES", "1", "LMO_QUERY_WAIT_MS", "0",
                "LMO_DB_LOOKUP_TIMEOUT_MS", Long.toString(LOOKUP_DEADLINE_MILLIS)));
        release = own.database.owner().withHandle(h -> h.createQuery(
                "SELECT current_release_id FROM published.dataset WHERE id = :id").bind("id", OwnObservatory.DATASET).mapTo(Long.class).one());
    }

    @AfterAll
    static void stop() {
        if (own != null) own.close();
    }

    @Test
    void releaseListRevisionsAndPinnedReleasesWaitAtTheAdmissionGate() throws Exception {
        List<String> lookups = List.of(DATASET + "/releases", DATASET + "/revisions?since=" + release,
                DATASET + "/observations/csv-metadata.json?asOf=" + Instant.now().plusSeconds(1));
        String resolvedPin = DATASET + "/observations/csv-metadata.json?release=" + release;
        String unresolvedPin = DATASET + "/observations/csv-metadata.json?release=" + (release + 1_000_000);
        // Each answers when the gate is free (and the catalogue they name is in memory from then on).
        for (String path : lookups) assertEquals(200, get(path).statusCode(), path);
        assertEquals(200, get(resolvedPin).statusCode(), resolvedPin);

        CompletableFuture<HttpResponse<String>> holder;
        try (Handle lock = lock("published.observation")) {
            // An uncached observation query takes the only permit and waits on the lock while holding it.
            holder = http.sendAsync(request(OBSERVATIONS + OwnObservatory.code(7)), HttpResponse.BodyHandlers.ofString());
            awaitGateFull();
            for (String path : lookups) {
                long start = System.nanoTime();
                HttpResponse<String> refused = get(path);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertEquals(503, refused.statusCode(), path + ": " + refused.body());
                assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), path);
                assertTrue(refused.body().contains("/problems/overloaded"), path + ": " + refused.body());
                assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null), path);
                assertTrue(millis < 2_000, path + " refused at once, not after a query: " + millis + " ms");
            }
            // A pin resolved before needs no permit (a release never changes once readable); one never resolved does.
            assertEquals(200, get(resolvedPin).statusCode(), "a cited release keeps answering under overload");
            assertEquals(503, get(unresolvedPin).statusCode(), unresolvedPin);
            lock.rollback();
        }
        assertEquals(200, holder.get(30, TimeUnit.SECONDS).statusCode(), "the admitted query answers once the lock is gone");
        // The admitted query gives its permit back a moment after its answer is sent: wait for that, not a fixed time.
        for (String path : lookups) assertEquals(200, awaitIdle(path), path + " after the gate is free again");
    }

    @Test
    void aPinnedReleaseLookupGivesUpAtItsDeadlineWhileAnObservationQueryWaitsAsLongAsItNeeds() throws Exception {
        // A pin that resolves to nothing is asked of the database every time (only found releases are kept in memory).
        String pinned = DATASET + "/observations/csv-metadata.json?release=" + (release + 1_000_000);
        assertEquals(404, get(pinned).statusCode());

        try (Handle lock = lock("published.release")) {
            long start = System.nanoTime();
            HttpResponse<String> late = get(pinned);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.println("Pinned release lookup on a locked table: " + late.statusCode() + " after " + millis + " ms");
            assertEquals(504, late.statusCode(), late.body());
            assertTrue(late.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(late.headers().firstValue("Retry-After").isPresent(), "Retry-After");
            assertTrue(millis >= LOOKUP_DEADLINE_MILLIS, "it waited for its deadline: " + millis + " ms");
            assertTrue(millis < LOOKUP_DEADLINE_MILLIS + 4_000, "it did not wait for the lock: " + millis + " ms");
            lock.rollback();
        }
        assertEquals(404, get(pinned).statusCode(), "the same connection pool answers again");

        // The deadline is the lookups' alone: an uncached observation query outwaits a lock held for three deadlines.
        CompletableFuture<HttpResponse<String>> query;
        long start;
        try (Handle lock = lock("published.observation")) {
            start = System.nanoTime();
            query = http.sendAsync(request(OBSERVATIONS + OwnObservatory.code(11)), HttpResponse.BodyHandlers.ofString());
            awaitGateFull();
            Thread.sleep(3 * LOOKUP_DEADLINE_MILLIS);
            assertFalse(query.isDone(), "still waiting for the lock");
            lock.rollback();
        }
        HttpResponse<String> answer = query.get(30, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(millis >= 3 * LOOKUP_DEADLINE_MILLIS, "answered after the lock, " + millis + " ms");
    }

    @Test
    void aLookupWhoseDatabaseProcessStopsAnsweringIsA503AfterItsDeadlineNotAWaitForTheDatabase() throws Exception {
        String pinned = DATASET + "/observations/csv-metadata.json?release=" + (release + 1_000_000);
        // The previous test's query may still hold the only permit for a moment after its answer was sent.
        assertEquals(404, awaitIdle(pinned));
        HttpResponse<String> answer = null;
        long millis = 0;
        // The freeze must come before the deadline, or the server's own cancel answers first (a 504, rightly): on a
        // loaded machine finding the waiting process can take that long, so such a run is repeated, not judged.
        for (int attempt = 1; attempt <= 5; attempt++) {
            long frozenAfter;
            try (Handle lock = lock("published.release")) {
                long start = System.nanoTime();
                CompletableFuture<HttpResponse<String>> lookup = http.sendAsync(request(pinned), HttpResponse.BodyHandlers.ofString());
                // Its server process, caught waiting for the lock, is frozen as a whole machine's would be (SIGSTOP): it
                // can neither honour a cancel nor answer on the socket, so only the client's own clock ends the wait.
                long backend = lockWaiter();
                signal("STOP", backend);
                frozenAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                try {
                    answer = lookup.get(30, TimeUnit.SECONDS);
                    millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                } finally {
                    signal("CONT", backend);
                }
                lock.rollback();
            }
            if (frozenAfter < LOOKUP_DEADLINE_MILLIS - 500) break;
            System.out.println("Attempt " + attempt + ": the process was frozen only after " + frozenAfter + " ms; again");
            assertEquals(404, awaitIdle(pinned));
        }
        System.out.println("Pinned release lookup on a frozen database process: " + answer.statusCode() + " after " + millis + " ms");
        assertEquals(503, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("/problems/database-unavailable"), answer.body());
        assertTrue(answer.headers().firstValue("Retry-After").isPresent(), "Retry-After");
        assertTrue(millis >= LOOKUP_DEADLINE_MILLIS + 1_000, "the cancel was given its second: " + millis + " ms");
        assertTrue(millis < LOOKUP_DEADLINE_MILLIS + 6_000, "no wait for the frozen process: " + millis + " ms");
        assertEquals(404, get(pinned).statusCode(), "the pool replaced the dropped connection");
    }

    /** The status of path once the one query permit is free (a 503 overloaded only while another request holds it). */
    private int awaitIdle(String path) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        HttpResponse<String> r = get(path);
        while (r.statusCode() == 503 && r.body().contains("/problems/overloaded") && System.nanoTime() < until) {
            Thread.sleep(50);
            r = get(path);
        }
        return r.statusCode();
    }

    /** The server process of the one statement waiting for a lock (the request's), once there is one. */
    private static long lockWaiter() throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            List<Long> pids = own.database.owner().withHandle(h -> h.createQuery(
                    // Not the release activator's: it reads published.release as the owner every 250 ms and waits for
                    // the same lock; freezing it instead left the request to its own cancel (a 504).
                    "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND usename <> current_user").mapTo(Long.class).list());
            if (pids.size() == 1) return pids.get(0);
            Thread.sleep(10);
        }
        throw new AssertionError("no statement waited for the lock");
    }

    private static void signal(String name, long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start().waitFor(), "kill -" + name + " " + pid);
    }

    /** An owner transaction holding ACCESS EXCLUSIVE on the table; closing the handle without commit releases it. */
    private static Handle lock(String table) {
        Handle h = own.database.owner().open();
        h.begin();
        h.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
        return h;
    }

    /**
     * Until the admitted query waits for the lock in PostgreSQL: then it holds the gate's one permit for certain (a
     * permit seen on /metrics could be a short lookup of the same request that is about to give it back).
     */
    private static void awaitGateFull() throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            long waiting = own.database.owner().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'").mapTo(Long.class).one());
            if (waiting > 0) return;
            Thread.sleep(20);
        }
        throw new AssertionError("the admitted query never waited for the lock");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(own.baseUrl() + path)).timeout(Duration.ofSeconds(60)).build();
    }
}
