package org.lmobservatory.releases;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lmobservatory.Observatory;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A release scheduled for an announced instant is invisible on every read path until then, and at the instant every
 * server instance (three here, over one database) serves it within a second, the activation recorded exactly once.
 */
class ScheduledReleaseTest {
    private static final String V1 = "geo,time,value\nFI1B,2024,111\n";
    private static final String V2 = "geo,time,value\nFI1B,2024,111\nFI1B,2025,777\n";

    @Test
    void aScheduledReleaseIsInvisibleEverywhereUntilItsInstantThenServedByEveryInstanceWithinASecond() throws Exception {
        String id = Embargoes.uniqueId("t-embargo");
        String title = "Embargo " + id.substring(id.lastIndexOf('-') + 1) + " check";
        long r1 = Embargoes.publishNow(id, title, V1);
        long r2 = Embargoes.schedule(id, V2, Instant.now().plus(Duration.ofHours(1)));
        String base = "/v1/datasets/" + id;

        // Before the instant: the current release is still r1 on every route, and r2 does not exist for the public.
        assertEquals(r1, TestServer.given().get(base + "/observations").then().statusCode(200).extract().jsonPath().getLong("release.id"));
        TestServer.given().queryParam("release", r2).get(base + "/observations").then().statusCode(404)
                .header("Cache-Control", "no-store");
        TestServer.given().queryParam("asOf", "2099-01-01").get(base + "/observations").then().statusCode(200);
        assertEquals(r1, TestServer.given().queryParam("asOf", "2099-01-01").get(base + "/observations").jsonPath().getLong("release.id"));
        List<Long> listed = TestServer.given().get(base + "/releases").then().statusCode(200).extract().jsonPath().getList("releases.id", Long.class);
        assertEquals(List.of(r1), listed, "the releases list names only the published one");
        TestServer.given().queryParam("since", r1).queryParam("release", r2).get(base + "/revisions").then().statusCode(404);
        TestServer.given().queryParam("since", r2).get(base + "/revisions").then().statusCode(404);
        String bulk = download(base);
        assertFalse(bulk.contains("777"), "the bulk download is still r1's: " + bulk);
        RestAssured.given().baseUri(TestServer.baseUrl()).queryParam("release", r2).get(base + "/download").then().statusCode(404);
        RestAssured.given().baseUri(TestServer.baseUrl()).queryParam("release", r2).get(base + "/chart.svg").then().statusCode(404);
        String widget = RestAssured.given().baseUri(TestServer.baseUrl()).get("/widgets/indicator?dataset=" + id + "&geo=FI1B").then().statusCode(200).extract().asString();
        assertFalse(widget.contains("777"), "the widget shows r1's latest value");
        String portal = RestAssured.given().baseUri(TestServer.baseUrl()).queryParam("q", title).get("/en/datasets").then().statusCode(200).extract().asString();
        assertTrue(portal.contains(id), "the portal lists the dataset");
        assertFalse(portal.contains("2024–2025"), "the portal's coverage is still r1's");
        // Enforced by the database, not only by the routes: the API's own role cannot read r2's release row or rows.
        // Versions are stored once per change (V19): r2 wrote its own versions, which the API role cannot see.
        assertEquals(0L, (long) TestDatabase.get().api().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM published.observation WHERE first_release = :r").bind("r", r2).mapTo(Long.class).one()));
        assertTrue(TestDatabase.get().owner().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM published.observation WHERE first_release = :r").bind("r", r2).mapTo(Long.class).one()) > 0,
                "r2 wrote versions of its own");
        assertEquals(0L, (long) TestDatabase.get().api().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM published.release WHERE id = :r").bind("r", r2).mapTo(Long.class).one()));
        assertEquals(0L, (long) TestDatabase.get().api().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM published.release_series WHERE release_id = :r").bind("r", r2).mapTo(Long.class).one()));
        assertEquals(2L, (long) TestDatabase.get().owner().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM published.release_series rs JOIN published.observation o ON o.series_id = rs.series_id AND o.first_release <= rs.release_id AND (o.last_release IS NULL OR o.last_release > rs.release_id) WHERE rs.release_id = :r").bind("r", r2).mapTo(Long.class).one()),
                "the rows are written already, for the owner");

        try (Observatory a = TestServer.start(TestDatabase.config()); Observatory b = TestServer.start(TestDatabase.config())) {
            List<Integer> ports = List.of(TestServer.get().port(), a.port(), b.port());
            for (int port : ports) assertEquals(r1, servedRelease(port, base));
            Instant instant = Instant.now().plusSeconds(3);
            new Schedule(TestDatabase.get().owner()).reschedule(r2, instant, "brought forward for the test");
            // Freshness ends at the instant: no browser or CDN may keep r1's answer past it (the activators see the new
            // instant within their poll).
            String capped = null;
            for (Instant until = Instant.now().plusMillis(1_500); Instant.now().isBefore(until) && capped == null; Thread.sleep(20)) {
                String cc = RestAssured.given().baseUri("http://localhost:" + ports.get(0)).queryParam("limit", 1).get(base + "/observations").header("Cache-Control");
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("max-age=(\\d+)").matcher(cc);
                if (m.find() && Long.parseLong(m.group(1)) <= 3) capped = cc;
            }
            assertNotNull(capped, "max-age capped at the 3 s left until the announced instant");
            assertFalse(capped.contains("stale-while-revalidate"), "no serving stale past the instant: " + capped);

            ExecutorService pool = Executors.newFixedThreadPool(ports.size());
            List<Future<Instant>> seen = new ArrayList<>();
            for (int port : ports) seen.add(pool.submit(() -> firstServed(port, base, r2, instant.plusSeconds(20))));
            List<Long> delays = new ArrayList<>();
            for (int i = 0; i < ports.size(); i++) {
                Instant at = seen.get(i).get();
                assertNotNull(at, "instance on port " + ports.get(i) + " never served release " + r2);
                assertFalse(at.plusMillis(50).isBefore(instant), "instance on port " + ports.get(i) + " served it before the instant");
                delays.add(Duration.between(instant, at).toMillis());
            }
            pool.shutdown();
            System.out.println("ScheduledReleaseTest: release " + r2 + " served by the 3 instances " + delays + " ms after its instant");
            for (long d : delays) assertTrue(d <= 1_000, "served " + d + " ms after the instant: " + delays);

            assertEquals(1L, (long) TestDatabase.get().owner().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM published.release_activation WHERE release_id = :r").bind("r", r2).mapTo(Long.class).one()),
                    "the activation is recorded exactly once");
            assertEquals(1L, (long) TestDatabase.get().owner().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM published.release_schedule_change WHERE release_id = :r AND action = 'published'")
                    .bind("r", r2).mapTo(Long.class).one()));
        }

        // After the instant: r2 on every route.
        TestServer.given().queryParam("release", r2).get(base + "/observations").then().statusCode(200);
        assertEquals(List.of(r2, r1), TestServer.given().get(base + "/releases").jsonPath().getList("releases.id", Long.class));
        assertEquals(1, TestServer.given().queryParam("since", r1).get(base + "/revisions").jsonPath().getInt("count"));
        assertTrue(download(base).contains("777"), "the bulk download is r2's");
        assertTrue(RestAssured.given().baseUri(TestServer.baseUrl()).get("/widgets/indicator?dataset=" + id + "&geo=FI1B").asString().contains("777"));
        assertTrue(RestAssured.given().baseUri(TestServer.baseUrl()).queryParam("q", title).get("/en/datasets").asString().contains("2024–2025"));
    }

    /** The bulk download, unpacked (it is a .csv.gz file). */
    private static String download(String base) throws java.io.IOException {
        byte[] gz = RestAssured.given().baseUri(TestServer.baseUrl()).get(base + "/download").then().statusCode(200).extract().asByteArray();
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static long servedRelease(int port, String base) {
        return RestAssured.given().baseUri("http://localhost:" + port).queryParam("limit", 1).get(base + "/observations")
                .then().statusCode(200).extract().jsonPath().getLong("release.id");
    }

    /**
     * Polls one instance until it serves the release; the moment the first request that got it was sent (a request
     * made from then on sees the release), or null past the deadline. The answer's own latency on this shared machine is
     * printed apart.
     */
    private static Instant firstServed(int port, String base, long release, Instant deadline) throws InterruptedException {
        while (Instant.now().isBefore(deadline)) {
            Instant sent = Instant.now();
            Response r = RestAssured.given().baseUri("http://localhost:" + port).queryParam("limit", 1).get(base + "/observations");
            if (r.statusCode() == 200 && r.jsonPath().getLong("release.id") == release) {
                System.out.println("ScheduledReleaseTest: port " + port + " answered with release " + release + " "
                        + Duration.between(sent, Instant.now()).toMillis() + " ms after the request was sent");
                // And from then on only this release: the switch is whole, never back.
                for (int i = 0; i < 3; i++) assertEquals(release, servedRelease(port, base));
                return sent;
            }
            Thread.sleep(10);
        }
        return null;
    }
}
