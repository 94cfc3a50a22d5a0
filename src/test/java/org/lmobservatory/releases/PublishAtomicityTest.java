package org.lmobservatory.releases;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.db.Json;
import org.lmobservatory.loader.LoadReport;
import org.lmobservatory.support.TestServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A publish switches readers from the old release to the new one at once: while it runs, every API response is
 * entirely the old release or entirely the new one, never a mix, and always complete.
 */
class PublishAtomicityTest {
    /** How long a publish by another process may take to reach the server (NOTIFY, then the listener): typically ms. */
    private static final long PROPAGATION_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final String DATASET = "t-publish-atomic";
    private static final int CODES = 2_000;
    private static final int FIRST_YEAR = 2005;
    private static final int YEARS = 20;
    private static final int ROWS = CODES * YEARS; // 40,000 cells, under the default JSON limit of 100,000

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void catalogue() throws Exception {
        TestServer.get();
        StringBuilder codes = new StringBuilder("{\"id\": \"TATOM\", \"title\": {\"en\": \"Atomicity test items\"}, \"codes\": [");
        for (int i = 0; i < CODES; i++) {
            if (i > 0) codes.append(',');
            codes.append("{\"id\": \"").append(code(i)).append("\", \"labels\": {\"en\": \"Item ").append(i).append("\"}}");
        }
        codes.append("]}");
        TestServer.loader().define(TestServer.file("TATOM.json", codes.toString()));
        TestServer.loader().define(TestServer.file(DATASET + ".json", """
                {"id": "t-publish-atomic", "title": {"en": "Publish atomicity test"}, "theme": "labour-market",
                 "frequency": "A", "unit": {"id": "NR"}, "source": "tests",
                 "dimensions": [{"id": "item", "codelist": "TATOM"}]}
                """));
    }

    private static String code(int i) {
        return String.format("C%04d", i);
    }

    private static Path allValues(String name, int value) throws Exception {
        StringBuilder csv = new StringBuilder(ROWS * 20).append("item,time,value\n");
        for (int i = 0; i < CODES; i++) {
            for (int y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++) csv.append(code(i)).append(',').append(y).append(',').append(value).append('\n');
        }
        return TestServer.file(name, csv.toString());
    }

    /** What one complete response held: its release, and "1", "2" or "mixed". */
    private record Seen(long startedNanos, long endedNanos, long releaseId, int count, int observations, String values) {
    }

    private static Seen fetch() throws Exception {
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + "/v1/datasets/" + DATASET + "/observations?labels=code&limit=" + ROWS))
                .timeout(Duration.ofSeconds(20)).GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) throw new AssertionError("HTTP " + response.statusCode() + ": " + new String(response.body()));
        JsonNode doc = Json.MAPPER.readTree(response.body());
        String values = null;
        for (JsonNode o : doc.path("observations")) {
            String v = o.path("value").asText();
            if (values == null) values = v;
            else if (!values.equals(v)) {
                values = "mixed";
                break;
            }
        }
        return new Seen(started, System.nanoTime(), doc.path("release").path("id").asLong(), doc.path("count").asInt(), doc.path("observations").size(), values);
    }

    @Test
    void readersSeeTheOldReleaseOrTheNewOneWholeNeverAMixWhilePublishing() throws Exception {
        LoadReport ones = TestServer.loader().load(DATASET, allValues("ones.csv", 1), Optional.empty());
        assertEquals(LoadReport.Status.VALID, ones.status(), ones.errors().toString());
        long firstRelease = TestServer.publisher().publish(DATASET, ones.loadId(), "all ones").releaseId();
        LoadReport twos = TestServer.loader().load(DATASET, allValues("twos.csv", 2), Optional.empty());
        assertEquals(LoadReport.Status.VALID, twos.status(), twos.errors().toString());

        List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch firstResponse = new CountDownLatch(2);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            Thread reader = new Thread(() -> {
                try {
                    while (!stop.get() && System.nanoTime() < deadline) {
                        seen.add(fetch());
                        firstResponse.countDown();
                    }
                } catch (Throwable t) {
                    failures.add(t);
                } finally {
                    firstResponse.countDown();
                }
            }, "observation-reader-" + r);
            reader.start();
            readers.add(reader);
        }

        assertTrue(firstResponse.await(15, TimeUnit.SECONDS), "readers got no response");
        long publishStarted = System.nanoTime();
        Publisher.Published second = TestServer.publisher().publish(DATASET, twos.loadId(), "all twos");
        long publishedAt = System.nanoTime();
        // The server learns of a publish by another process through PostgreSQL's NOTIFY (releases/ReleaseListener), so it
        // may start a request on the old release for a moment after the commit; the answer is still one whole release.
        long settled = publishedAt + PROPAGATION_NANOS;
        // Let the readers see the new release a few times, bounded in time.
        while (System.nanoTime() < deadline && seen.stream().filter(s -> s.startedNanos() > settled).count() < 4 && failures.isEmpty()) {
            Thread.sleep(20);
        }
        stop.set(true);
        for (Thread reader : readers) reader.join(TimeUnit.SECONDS.toMillis(20));

        assertEquals(List.of(), failures, "reader failures");
        List<Seen> all = List.copyOf(seen);
        for (Seen s : all) {
            assertEquals(ROWS, s.count(), "count of a response: " + s);
            assertEquals(ROWS, s.observations(), "observations in a response: " + s);
            assertTrue(s.releaseId() == firstRelease && "1".equals(s.values()) || s.releaseId() == second.releaseId() && "2".equals(s.values()),
                    "a response mixes releases or values: " + s);
        }
        assertTrue(all.stream().anyMatch(s -> s.releaseId() == firstRelease), "no response of the first release");
        long inFlight = all.stream().filter(s -> s.startedNanos() < publishedAt && s.endedNanos() > publishStarted).count();
        assertTrue(inFlight > 0, "no response was in flight while publishing, so the test proved nothing");
        List<Seen> after = all.stream().filter(s -> s.startedNanos() > settled).toList();
        assertTrue(!after.isEmpty(), "no response started after the publish had reached the server");
        assertTrue(after.stream().allMatch(s -> s.releaseId() == second.releaseId()),
                "old release served more than " + TimeUnit.NANOSECONDS.toMillis(PROPAGATION_NANOS) + " ms after the publish: " + after);
        long lastOldStart = all.stream().filter(s -> s.releaseId() == firstRelease && s.startedNanos() > publishedAt)
                .mapToLong(Seen::startedNanos).max().orElse(publishedAt);
        System.out.printf("PublishAtomicityTest: the last request started on the old release %.1f ms after the publish committed%n",
                (lastOldStart - publishedAt) / 1e6);
        assertEquals(ROWS, second.rows());
        System.out.printf("PublishAtomicityTest: %d responses (%d in flight during the publish; %d of release %d, %d of release %d), publish of %d rows took %.2f s%n",
                all.size(), inFlight, all.stream().filter(s -> s.releaseId() == firstRelease).count(), firstRelease,
                all.stream().filter(s -> s.releaseId() == second.releaseId()).count(), second.releaseId(), second.rows(), second.seconds());
    }
}
