package org.lmobservatory.web;

import org.junit.jupiter.api.Test;
import org.lmobservatory.support.LeanHttpClient;
import org.lmobservatory.support.OwnObservatory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A flood of concurrent uncached observation queries (every request a different query string, so none is answered
 * from the response cache) against the real server with its default admission settings, while two other clients
 * measure /health and an already cached query. The flood gets answers or fast 503 overloaded problems (nothing else,
 * no reset connection); health and the cached answer stay fast, because neither waits at the admission gate and the
 * gate bounds how many server threads, connections and CPUs the flood can take.
 *
 * <p>Uses {@link OwnObservatory} (the real composition root over its own embedded PostgreSQL) rather than the shared
 * TestServer, so the flood neither slows other test classes' database nor fills their response cache, and the
 * server starts with exactly the configuration the environment gives it. The clients are {@link LeanHttpClient}s, so
 * that the load generator, which shares the JVM and CPUs with the server here, costs as little as it can.
 */
class AdmissionTest {
    private static final String OBSERVATIONS = "/v1/datasets/" + OwnObservatory.DATASET + "/observations";
    private static final int FLOOD_CLIENTS = 300;
    /** Latency samples per probe during the flood: the p99 is then the 4th-slowest, not a single outlier. */
    private static final int SAMPLES = 400;
    private static final long PROBE_PAUSE_MILLIS = 5;
    private static final long MAX_FLOOD_SECONDS = 90;
    /**
     * The target: /health and a cached answer within 100 ms at p99 under the flood. It is measured and printed here (met
     * or not), but a speed target is not a unit-test assertion (it would fail on a busy machine without any fault of
     * the server): what is asserted is that they answer within {@link #ANSWER_LIMIT_MILLIS} at p99 — the server without
     * the admission gate fails that by far, its /health waited behind the flood for seconds (the probes did not collect
     * their samples within 90 s). A thread of this JVM that sleeps 5 ms is timed beside the probes (as jHiccup does), so
     * the output says how late this machine itself wakes threads.
     */
    private static final long P99_TARGET_MILLIS = 100;
    private static final long ANSWER_LIMIT_MILLIS = 2_000;

    @Test
    void aFloodOfUncachedQueriesGetsAnswersOrFast503sWhileHealthAndCachedAnswersStayFast() throws Exception {
        Map<String, String> env = new java.util.HashMap<>();
        for (String kv : System.getProperty("admission.env", "").split(",")) if (kv.contains("=")) env.put(kv.split("=")[0], kv.split("=")[1]);
        try (OwnObservatory own = OwnObservatory.start(env); LeanHttpClient setup = client(own)) {
            String cached = OBSERVATIONS + "?geo=" + OwnObservatory.code(1);
            assertEquals(200, setup.get(cached).status());
            assertEquals(200, setup.get(cached).status());
            // Threads for more than the gate can hold (8 running + 512 waiting), not Javalin's default of 250.
            var threads = (org.eclipse.jetty.util.thread.QueuedThreadPool) own.server.app().jettyServer().server().getThreadPool();
            assertEquals(8 + 512 + ServerThreads.SPARE, threads.getMaxThreads());
            String limits = setup.get(SystemRoutes.LIMITS).body();
            System.out.println("Admission limits: " + limits.replaceAll("\"notes\".*", ""));

            // Warm up: the JIT compiles the paths being measured before they are measured.
            for (int i = 0; i < 300; i++) {
                setup.get(SystemRoutes.HEALTH);
                setup.get(cached);
                setup.get(OBSERVATIONS + "?geo=" + OwnObservatory.code(2 + i % 4_000) + "&lang=fi");
            }
            // The same probes without the flood first: what this machine gives when nothing else of ours runs.
            List<Long> quietHealth = probe(own, SystemRoutes.HEALTH, () -> true, SAMPLES / 2);
            List<Long> quietCached = probe(own, cached, () -> true, SAMPLES / 2);
            List<Long> quietUncached = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                long start = System.nanoTime();
                assertEquals(200, setup.get(OBSERVATIONS + "?geo=" + OwnObservatory.code(2 + i) + "&lang=sv").status());
                quietUncached.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }

            Flood flood = new Flood(own);
            flood.start();
            Thread.sleep(3_000); // every flood client is in its loop, and the refusal path compiled, before measuring
            ExecutorService probes = Executors.newFixedThreadPool(3);
            Future<List<Long>> health = probes.submit(() -> probe(own, SystemRoutes.HEALTH, flood::running, SAMPLES));
            Future<List<Long>> cachedAnswer = probes.submit(() -> probe(own, cached, flood::running, SAMPLES));
            AtomicBoolean measuring = new AtomicBoolean(true);
            Future<List<Long>> hiccups = probes.submit(() -> hiccups(measuring::get));
            List<Long> healthMillis;
            List<Long> cachedMillis;
            List<Long> hiccupMillis;
            try {
                healthMillis = health.get(MAX_FLOOD_SECONDS, TimeUnit.SECONDS);
                cachedMillis = cachedAnswer.get(MAX_FLOOD_SECONDS, TimeUnit.SECONDS);
                measuring.set(false);
                hiccupMillis = hiccups.get(10, TimeUnit.SECONDS);
            } finally {
                flood.stop();
                probes.shutdownNow();
            }

            double rejected;
            try (LeanHttpClient fresh = client(own)) { // the setup connection sat idle past Jetty's idle timeout
                rejected = counter(fresh.get(Observability.METRICS).body(), "lmo_db_admission_rejected_total");
            }
            long seconds = Math.max(1, flood.seconds());
            System.out.printf("Admission flood: %d clients for %d s: %d requests (%d/s), %d × 200, %d × 503 (%s), other: %s, failed: %d%n",
                    FLOOD_CLIENTS, seconds, flood.total(), flood.total() / seconds, flood.count(200), flood.count(503),
                    summary(new ArrayList<>(flood.refusalMillis)), flood.otherStatuses(), flood.failures.size());
            System.out.println("  /health without the flood:      " + summary(quietHealth));
            System.out.println("  cached query without the flood: " + summary(quietCached));
            System.out.println("  uncached query without flood:   " + summary(quietUncached));
            System.out.println("  /health during the flood:       " + summary(healthMillis));
            System.out.println("  cached query during the flood:  " + summary(cachedMillis));
            System.out.println("  scheduling hiccups (5 ms sleep, oversleep): " + summary(hiccupMillis));
            System.out.println("  lmo_db_admission_rejected_total " + rejected);
            boolean met = percentile(healthMillis, 99) < P99_TARGET_MILLIS && percentile(cachedMillis, 99) < P99_TARGET_MILLIS;
            System.out.println("  target p99 < " + P99_TARGET_MILLIS + " ms for /health and the cached query: " + (met ? "met" : "NOT MET")
                    + " (this machine wakes a sleeping thread up to " + percentile(hiccupMillis, 99) + " ms late at p99); asserted: p99 < "
                    + ANSWER_LIMIT_MILLIS + " ms");

            assertTrue(flood.failures.isEmpty(), "no reset or failed connection: " + flood.failures.stream().limit(5).toList());
            assertTrue(flood.otherStatuses().isEmpty(), "only 200 and 503: " + flood.otherStatuses());
            assertTrue(flood.count(200) > 0, "the flood got answers");
            assertTrue(flood.count(503) > 0, "the gate refused part of the flood");
            assertTrue(flood.badRefusals.isEmpty(), "every 503 is an overloaded problem with Retry-After: 1: "
                    + flood.badRefusals.stream().limit(3).toList());
            assertTrue(rejected >= flood.count(503), "each 503 was counted: " + rejected);
            assertTrue(percentile(healthMillis, 99) < ANSWER_LIMIT_MILLIS, "/health p99: " + summary(healthMillis) + "; limit " + ANSWER_LIMIT_MILLIS + " ms");
            assertTrue(percentile(cachedMillis, 99) < ANSWER_LIMIT_MILLIS, "cached query p99: " + summary(cachedMillis) + "; limit " + ANSWER_LIMIT_MILLIS + " ms");
        }
    }

    /** Closed-loop clients, each on its own connection, sending the next uncached query as soon as the last is answered. */
    private static final class Flood {
        private final OwnObservatory own;
        private final ExecutorService clients = Executors.newFixedThreadPool(FLOOD_CLIENTS);
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger next = new AtomicInteger();
        private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<String> badRefusals = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Long> refusalMillis = new ConcurrentLinkedQueue<>();
        private final List<Future<?>> loops = new ArrayList<>();
        private long started;
        private long stopped;

        Flood(OwnObservatory own) {
            this.own = own;
        }

        void start() {
            started = System.nanoTime();
            for (int c = 0; c < FLOOD_CLIENTS; c++) loops.add(clients.submit(this::loop));
        }

        boolean running() {
            return running.get();
        }

        void stop() throws Exception {
            running.set(false);
            stopped = System.nanoTime();
            for (Future<?> loop : loops) loop.get(60, TimeUnit.SECONDS);
            clients.shutdown();
        }

        long seconds() {
            return TimeUnit.NANOSECONDS.toSeconds(stopped - started);
        }

        private void loop() {
            try (LeanHttpClient http = client(own)) {
                while (running.get()) {
                    int i = next.getAndIncrement();
                    long start = System.nanoTime();
                    try {
                        LeanHttpClient.Response r = http.get(OBSERVATIONS + "?geo=" + distinctPair(i));
                        statuses.computeIfAbsent(r.status(), s -> new LongAdder()).increment();
                        if (r.status() == 503) {
                            refusalMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                            if (!(String.valueOf(r.header("Content-Type")).startsWith("application/problem+json")
                                    && "1".equals(r.header("Retry-After")) && r.body().contains("/problems/overloaded"))) {
                                badRefusals.add(r.headers() + " " + r.body());
                            }
                        }
                    } catch (IOException e) {
                        failures.add(e.toString());
                        http.close();
                    }
                }
            }
        }

        /** Two different codes; no two requests of a run ask for the same set. */
        private static String distinctPair(int i) {
            int a = i % OwnObservatory.CODES;
            int b = (a + 1 + i / OwnObservatory.CODES) % OwnObservatory.CODES;
            return OwnObservatory.code(1 + a) + "," + OwnObservatory.code(1 + b);
        }

        long count(int status) {
            LongAdder n = statuses.get(status);
            return n == null ? 0 : n.sum();
        }

        long total() {
            return statuses.values().stream().mapToLong(LongAdder::sum).sum() + failures.size();
        }

        Map<Integer, Long> otherStatuses() {
            Map<Integer, Long> other = new TreeMap<>();
            statuses.forEach((status, n) -> {
                if (status != 200 && status != 503) other.put(status, n.sum());
            });
            return other;
        }
    }

    /** One request at a time on one connection, a few milliseconds apart, until it has its samples; latencies in ms. */
    private static List<Long> probe(OwnObservatory own, String path, BooleanSupplier go, int samples) throws Exception {
        List<Long> millis = new ArrayList<>();
        try (LeanHttpClient http = client(own)) {
            while (go.getAsBoolean() && millis.size() < samples) {
                long start = System.nanoTime();
                LeanHttpClient.Response r = http.get(path);
                long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertEquals(200, r.status(), path + ": " + r.body());
                millis.add(elapsed);
                Thread.sleep(PROBE_PAUSE_MILLIS);
            }
        }
        return millis;
    }

    /**
     * How late a thread of this JVM wakes from a 5 ms sleep while the flood runs (as jHiccup measures it): the delay the
     * platform adds to any request, which no server design can remove.
     */
    private static List<Long> hiccups(BooleanSupplier go) throws InterruptedException {
        List<Long> late = new ArrayList<>();
        while (go.getAsBoolean()) {
            long start = System.nanoTime();
            Thread.sleep(5);
            late.add(Math.max(0, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) - 5));
        }
        return late;
    }

    private static LeanHttpClient client(OwnObservatory own) {
        return new LeanHttpClient("localhost", own.server.port(), 30_000);
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String summary(List<Long> millis) {
        if (millis.isEmpty()) return "no samples";
        return millis.size() + " samples, p50 " + percentile(millis, 50) + " ms, p90 " + percentile(millis, 90) + " ms, p99 "
                + percentile(millis, 99) + " ms, max " + Collections.max(millis) + " ms";
    }

    private static double counter(String prometheus, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? ([0-9.eE+-]+)$").matcher(prometheus);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
