package org.lmobservatory.db;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.lmobservatory.Observatory;
import org.lmobservatory.config.AppConfig;
import org.lmobservatory.loader.LoadReport;
import org.lmobservatory.loader.LoadService;
import org.lmobservatory.releases.Publisher;
import org.lmobservatory.support.Contract;
import org.lmobservatory.support.StreamingReplica;
import org.lmobservatory.support.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two API nodes reading from a real streaming replica of a real primary (Debian's PostgreSQL, see
 * {@link StreamingReplica}): a publish whose replay is held back is not served by either node until the replica has
 * its rows; both switch once replay resumes; a stopped replica shows as lost in /ready and /metrics while the primary
 * answers every read.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaTest {
    private static final String DATASET = "replica-test";
    private static final int CODES = 20;

    private static StreamingReplica pg;
    private static final List<Database> databases = new ArrayList<>();
    private static final List<Observatory> nodes = new ArrayList<>();
    private static final List<Path> dirs = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(StreamingReplica.binaries().isPresent(), StreamingReplica::missingMessage);
        pg = StreamingReplica.start();
        for (int i = 0; i < 2; i++) {
            Path dir = Files.createTempDirectory("lmo-replica-node");
            dirs.add(dir);
            AppConfig config = AppConfig.from(nodeEnv(dir));
            Database database = Database.start(config);
            databases.add(database);
            if (i == 0) publish(database, 1); // release 1 exists before the nodes start
            nodes.add(new Observatory(config, database).start());
        }
    }

    private static Map<String, String> nodeEnv(Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", pg.primaryUrl());
        env.put("DATABASE_USER", StreamingReplica.SUPERUSER);
        env.put("DATABASE_PASSWORD", pg.password);
        env.put("DATABASE_READ_URL", pg.replicaUrl());
        // Longer than the held-back replay below: the nodes must wait for the replica, not give up on it.
        env.put("LMO_REPLICA_MAX_WAIT_MS", "120000");
        env.put("LMO_DATA_DIR", dir.toString());
        env.put("PORT", "0");
        env.put("LMO_RATE_LIMIT_PER_MINUTE", "0");
        env.put("LMO_DB_POOL_SIZE", "3");
        return env;
    }

    private static void awaitReadsFrom(Observatory node, String target) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            Response ready = ready(node);
            if (target.equals(ready.path("readReplicas.readsFrom"))) return;
            if (System.nanoTime() > deadline) fail("reads never went to " + target + ": " + ready.asString());
            Thread.sleep(50);
        }
    }

    /** A failed test must not leave replay paused for the next one. */
    @AfterEach
    void resumeReplay() {
        try {
            pg.resumeReplay();
        } catch (Exception e) {
            // the replica was stopped on purpose
        }
    }

    @AfterAll
    static void stop() {
        nodes.forEach(Observatory::close);
        databases.forEach(d -> {
            try {
                d.close();
            } catch (RuntimeException e) {
                // the replica was stopped on purpose
            }
        });
        if (pg != null) pg.close();
        for (Path dir : dirs) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (Exception e) {
                // temporary directory
            }
        }
    }

    @Test
    @Order(1)
    void noNodeServesAReleaseBeforeItsReplicaHasReplayedItAndBothSwitchOnceItHas() throws Exception {
        long first = awaitBoth(-1);
        assertEquals(1, value(nodes.get(0), "C0001"), "release 1's value from the replica");

        pg.pauseReplay();
        long second = publish(databases.get(0), 2);
        assertTrue(second > first);

        // Replay is held back: both nodes heard the NOTIFY but their replica lacks release 2, so for 3 s both keep
        // answering release 1, whose rows the replica has.
        long until = System.nanoTime() + 3_000_000_000L;
        int answers = 0;
        while (System.nanoTime() < until) {
            for (Observatory node : nodes) {
                long served = currentRelease(node);
                if (served != first) {
                    fail("node on port " + node.port() + " answered release " + served + " while the replica has "
                            + rowsOnReplica(second) + " of its rows");
                }
                answers++;
            }
            Thread.sleep(50);
        }
        assertTrue(answers >= 4, "answers during the held-back replay: " + answers);
        assertEquals(0, rowsOnReplica(second), "replay was paused: the replica must not have release 2 yet");
        Response ready = ready(nodes.get(0));
        assertEquals(200, ready.statusCode());
        Number lag = ready.path("readReplicas.replicas[0].lagBytes");
        assertTrue(lag != null && lag.longValue() > 0, "lag while replay is paused: " + ready.asString());
        assertTrue(metrics(nodes.get(0)).contains("lmo_db_replica_lag_bytes{replica=\"127.0.0.1:" + pg.replicaPort + "/postgres\"}"));

        // A release pinned by its id (the publisher's answer named it) is read from the primary, rows and all.
        Response pinned = RestAssured.given().baseUri(base(nodes.get(1))).queryParam("release", second).queryParam("geo", "C0001")
                .get("/v1/datasets/{id}/observations", DATASET);
        assertEquals(200, pinned.statusCode(), pinned.asString());
        assertEquals(second, ((Number) pinned.path("release.id")).longValue());
        assertEquals(2, value(pinned), "release 2's value, from the primary");
        // The other node still waits for its replica.
        assertEquals(first, currentRelease(nodes.get(0)));

        pg.resumeReplay();
        long resumed = System.nanoTime();
        long deadline = System.nanoTime() + 30_000_000_000L;
        boolean[] switched = new boolean[nodes.size()];
        while (!(switched[0] && switched[1])) {
            if (System.nanoTime() > deadline) fail("the nodes did not switch to release " + second + " within 30 s of resumed replay");
            for (int i = 0; i < nodes.size(); i++) {
                long served = currentRelease(nodes.get(i));
                if (served == second) {
                    // Node 0 never left the replica; node 1 read from the primary since the pinned request above.
                    if (i == 0) assertEquals(CODES, rowsOnReplica(second), "node 0 answers release 2: the replica has all its rows");
                    assertEquals(4, value(nodes.get(i), "C0002"), "release 2's values");
                    switched[i] = true;
                }
            }
            Thread.sleep(20);
        }
        System.out.printf("ReadReplicaTest: both nodes serve release %d %d ms after replay resumed (%d answers of release %d while it was held back)%n",
                second, (System.nanoTime() - resumed) / 1_000_000, answers, first);
    }

    @Test
    @Order(2)
    void aNodeWhoseReplicaLagsPastTheBoundSwitchesAndReadsFromThePrimaryUntilTheReplicaCatchesUp() throws Exception {
        long current = awaitBoth(-1);
        Path dir = Files.createTempDirectory("lmo-replica-node");
        dirs.add(dir);
        Map<String, String> env = new HashMap<>(nodeEnv(dir));
        env.put("LMO_REPLICA_MAX_WAIT_MS", "1000");
        AppConfig config = AppConfig.from(env);
        Database database = Database.start(config);
        databases.add(database);
        try (Observatory impatient = new Observatory(config, database).start()) {
            String replica = "127.0.0.1:" + pg.replicaPort + "/postgres";
            awaitReadsFrom(impatient, replica);
            assertEquals(current, currentRelease(impatient));

            pg.pauseReplay();
            long published = System.nanoTime();
            long third = publish(databases.get(0), 3);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (currentRelease(impatient) != third) {
                if (System.nanoTime() > deadline) fail("the node with a 1 s bound never switched to release " + third);
                assertEquals(current, currentRelease(nodes.get(0)), "a node with a long bound keeps waiting for its replica");
                Thread.sleep(20);
            }
            long waited = (System.nanoTime() - published) / 1_000_000;
            assertTrue(waited >= 900, "switched after " + waited + " ms, before the bound");
            assertEquals(9, value(impatient, "C0003"), "release 3's value, from the primary");
            assertEquals(0, rowsOnReplica(third), "the replica is still held back");
            Response ready = ready(impatient);
            assertEquals(200, ready.statusCode());
            assertEquals("primary", ready.path("readReplicas.readsFrom"), ready.asString());
            assertEquals("behind", ready.path("readReplicas.replicas[0].state"), ready.asString());
            assertEquals(current, currentRelease(nodes.get(0)));

            pg.resumeReplay();
            awaitReadsFrom(impatient, replica);
            assertEquals(third, currentRelease(impatient));
            assertEquals(third, awaitBoth(current));
            System.out.printf("ReadReplicaTest: the node with a 1 s bound switched to release %d %d ms after the publish, from the primary%n",
                    third, waited);
        }
    }

    @Test
    @Order(3)
    void aLostReplicaShowsInReadyAndMetricsAndReadsAnswerFromThePrimary() throws Exception {
        long current = awaitBoth(-1);
        pg.stopReplica();
        Observatory node = nodes.get(0);
        long deadline = System.nanoTime() + 20_000_000_000L;
        Response ready;
        while (true) {
            ready = RestAssured.given().baseUri(base(node)).filter(Contract.filter()).get("/ready");
            if ("lost".equals(ready.path("readReplicas.replicas[0].state"))) break;
            if (System.nanoTime() > deadline) fail("/ready never showed the stopped replica as lost: " + ready.asString());
            Thread.sleep(50);
        }
        assertEquals(200, ready.statusCode(), "degraded, not down: " + ready.asString());
        assertEquals(Boolean.TRUE, ready.path("database"));
        assertEquals("primary", ready.path("readReplicas.readsFrom"));
        assertTrue(ready.<String>path("status").contains("degraded"), ready.asString());
        assertTrue(metrics(node).contains("lmo_db_replica_up{replica=\"127.0.0.1:" + pg.replicaPort + "/postgres\"} 0.0"), metrics(node));
        // Reads still answer, uncached (each a new query) and from the primary, on both nodes.
        for (Observatory n : nodes) {
            for (int i = 10; i <= 14; i++) {
                Response r = RestAssured.given().baseUri(base(n)).queryParam("geo", TestCodes.code(i)).get("/v1/datasets/{id}/observations", DATASET);
                assertEquals(200, r.statusCode(), r.asString());
                // On the primary a node may meet a release its replica had not replayed before it stopped.
                assertTrue(((Number) r.path("release.id")).longValue() >= current, r.asString());
            }
        }
    }

    /** Waits until both nodes serve the same release other than {@code not}; returns it. */
    private static long awaitBoth(long not) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            long a = currentRelease(nodes.get(0));
            long b = currentRelease(nodes.get(1));
            if (a == b && a > 0 && a != not) return a;
            if (System.nanoTime() > deadline) fail("the nodes serve releases " + a + " and " + b);
            Thread.sleep(50);
        }
    }

    private static long currentRelease(Observatory node) {
        Response r = RestAssured.given().baseUri(base(node)).queryParam("limit", 1).get("/v1/datasets/{id}/observations", DATASET);
        if (r.statusCode() == 404) return -1; // the node has not seen the dataset yet
        assertEquals(200, r.statusCode(), r.asString());
        return ((Number) r.path("release.id")).longValue();
    }

    private static long value(Observatory node, String code) {
        Response r = RestAssured.given().baseUri(base(node)).queryParam("geo", code).get("/v1/datasets/{id}/observations", DATASET);
        assertEquals(200, r.statusCode(), r.asString());
        return value(r);
    }

    private static long value(Response r) {
        return Math.round(Double.parseDouble(String.valueOf(r.<Object>path("observations[0].value"))));
    }

    private static long rowsOnReplica(long releaseId) throws Exception {
        return pg.replicaLong("SELECT count(*) FROM published.release_series rs JOIN published.observation o ON o.series_id = rs.series_id AND o.first_release <= rs.release_id AND (o.last_release IS NULL OR o.last_release > rs.release_id) WHERE rs.release_id = ?", releaseId);
    }

    private static Response ready(Observatory node) {
        return RestAssured.given().baseUri(base(node)).filter(Contract.filter()).get("/ready");
    }

    private static String metrics(Observatory node) {
        return RestAssured.given().baseUri(base(node)).get("/metrics").asString();
    }

    private static String base(Observatory node) {
        return "http://localhost:" + node.port();
    }

    /** Release n: the value of code i is i × n, so each release's numbers are told apart. */
    private static long publish(Database database, int n) throws Exception {
        LoadService loader = new LoadService(database.owner());
        if (n == 1) {
            loader.define(TestServer.file("TREPL.json", """
                    {"id": "TREPL", "version": "1", "title": {"en": "Replica test areas"}, "codes": [
                      {"id": "FI", "level": "country", "labels": {"en": "Finland"}},
                    """ + IntStream.rangeClosed(1, CODES).mapToObj(i -> """
                      {"id": "%s", "parent": "FI", "level": "region", "labels": {"en": "Area %d"}}""".formatted(TestCodes.code(i), i))
                    .collect(Collectors.joining(",\n")) + "]}"));
        }
        Path definition = TestServer.file(DATASET + ".json", """
                {"id": "%s", "title": {"en": "Replica test"}, "theme": "labour-market", "frequency": "A",
                 "unit": {"id": "NR", "label": {"en": "number"}, "decimals": 0}, "source": "replica tests",
                 "dimensions": [{"id": "geo", "codelist": "TREPL", "role": "geo", "label": {"en": "Area"}}]}
                """.formatted(DATASET));
        Path data = TestServer.file(DATASET + ".csv", "geo,time,value\n" + IntStream.rangeClosed(1, CODES)
                .mapToObj(i -> TestCodes.code(i) + ",2024," + (i * n)).collect(Collectors.joining("\n")) + "\n");
        LoadReport report = loader.load(DATASET, data, Optional.of(definition));
        if (report.status() != LoadReport.Status.VALID) throw new IllegalStateException(report.message() + " " + report.errors());
        return new Publisher(database.owner()).publish(DATASET, report.loadId(), "replica test " + n).releaseId();
    }

    private static final class TestCodes {
        static String code(int i) {
            return "C%04d".formatted(i);
        }
    }
}
