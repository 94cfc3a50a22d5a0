package org.lmobservatory.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.Observatory;
import org.lmobservatory.db.Json;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhooks end to end: a real receiver that fails once, a retry, a signature that verifies, the delivery log. */
class WebhookDeliveryTest {
    private static final String DATASET = "webhook-test";
    private static HttpServer receiver;
    private static final List<Received> received = new CopyOnWriteArrayList<>();
    private static final CountDownLatch twoRequests = new CountDownLatch(2);
    private static final AtomicInteger calls = new AtomicInteger();
    private static Path definition;

    record Received(Map<String, List<String>> headers, byte[] body, int answered) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    @BeforeAll
    static void startReceiverAndDataset() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = calls.incrementAndGet() == 1 ? 500 : 200;
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            twoRequests.countDown();
        });
        receiver.start();
        definition = TestServer.file(DATASET + ".json", """
                {"id": "webhook-test", "title": {"en": "Webhook test"}, "theme": "labour-market", "frequency": "A",
                 "unit": {"id": "PERS"}, "source": "Test source", "licence": "CC-BY-4.0",
                 "dimensions": [{"id": "sex", "codelist": "SEX"}]}
                """);
        TestServer.publish(DATASET, definition, TestServer.file("w1.csv", "sex,time,value,flag\nT,2023,100,\n"));
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    private static String hook() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private static JsonPath subscribe(String body) {
        return TestServer.given().contentType("application/json").body(body).post("/v1/subscriptions")
                .then().statusCode(201).extract().jsonPath();
    }

    /** The documented signature, computed here without the server's code. */
    private static String hmac(String secret, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void aReleaseIsDeliveredSignedRetriedAfterA500ByExactlyOneOfTwoInstancesAndLogged() throws Exception {
        JsonPath created = subscribe("{\"url\": \"" + hook() + "\", \"datasets\": [\"" + DATASET + "\"], \"events\": [\"release.published\"]}");
        String id = created.getString("id");
        String secret = created.getString("secret");
        assertTrue(secret.length() >= 40, secret);

        try (Observatory second = TestServer.start(TestDatabase.config())) {
            long release = TestServer.publish(DATASET, definition, TestServer.file("w2.csv", "sex,time,value,flag\nT,2023,101,\nF,2023,50,\n"));
            assertTrue(twoRequests.await(60, TimeUnit.SECONDS), "the receiver got " + received.size() + " requests");
            Thread.sleep(2_500); // several polls of both instances: no third request may come
            assertEquals(2, received.size(), "one attempt, one retry; never the same attempt twice");

            Received failed = received.get(0);
            Received ok = received.get(1);
            assertEquals(500, failed.answered());
            assertEquals(200, ok.answered());
            assertArrayEquals(failed.body(), ok.body(), "the same payload is retried");
            assertEquals(failed.header("X-LMO-Delivery"), ok.header("X-LMO-Delivery"));
            for (Received r : received) {
                String timestamp = r.header(Signatures.TIMESTAMP_HEADER);
                assertEquals(hmac(secret, timestamp, r.body()), r.header(Signatures.SIGNATURE_HEADER));
                assertTrue(Signatures.verify(secret, timestamp, r.body(), r.header(Signatures.SIGNATURE_HEADER)));
                assertFalse(Signatures.verify(secret + "x", timestamp, r.body(), r.header(Signatures.SIGNATURE_HEADER)));
                assertTrue(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) < 120);
            }
            JsonNode payload = Json.MAPPER.readTree(ok.body());
            assertEquals("release.published", payload.get("event").asText());
            assertEquals(DATASET, payload.at("/dataset/id").asText());
            assertEquals(release, payload.at("/release/id").asLong());
            assertEquals(id, payload.get("subscriptionId").asText());
            assertTrue(payload.at("/release/url").asText().endsWith("/v1/datasets/" + DATASET + "/observations?release=" + release));

            JsonPath log = awaitDelivered(id, secret);
            assertEquals(2, log.getInt("deliveries[0].attempts"));
            assertEquals(List.of(500, 200), log.getList("deliveries[0].log.status", Integer.class));
            assertEquals("HTTP 500", log.getString("deliveries[0].log[0].error"));
            assertEquals(release, log.getLong("deliveries[0].release"));
            assertEquals(1, log.getList("deliveries").size(), "the first release was published before the subscription");
        }
        TestServer.given().header("Authorization", "Bearer " + secret).delete("/v1/subscriptions/" + id).then().statusCode(204);
    }

    private static JsonPath awaitDelivered(String id, String secret) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            JsonPath log = TestServer.given().header("Authorization", "Bearer " + secret).get("/v1/subscriptions/" + id + "/deliveries")
                    .then().statusCode(200).header("Cache-Control", "no-store").extract().jsonPath();
            if ("delivered".equals(log.getString("deliveries[0].status")) || System.nanoTime() > deadline) return log;
            Thread.sleep(100);
        }
    }

    @Test
    void theSecretIsTheProofForTheLogAndForUnsubscribing() {
        JsonPath created = subscribe("{\"url\": \"" + hook() + "\", \"events\": [\"release.rolled_back\"]}");
        String id = created.getString("id");
        String secret = created.getString("secret");
        assertNull(created.get("datasets"));
        String deliveries = "/v1/subscriptions/" + id + "/deliveries";
        TestServer.given().get(deliveries).then().statusCode(401).contentType("application/problem+json");
        TestServer.given().header("Authorization", "Bearer wrong").get(deliveries).then().statusCode(403).contentType("application/problem+json");
        TestServer.given().header("Authorization", "Bearer wrong").delete("/v1/subscriptions/" + id).then().statusCode(403);
        TestServer.given().header("Authorization", "Bearer " + secret).get(deliveries).then().statusCode(200);
        TestServer.given().header("Authorization", "Bearer " + secret).delete("/v1/subscriptions/" + id).then().statusCode(204);
        TestServer.given().header("Authorization", "Bearer " + secret).get(deliveries).then().statusCode(404).contentType("application/problem+json");
        TestServer.given().header("Authorization", "Bearer " + secret).get("/v1/subscriptions/not-a-uuid/deliveries").then().statusCode(404);
    }

    @Test
    void badSubscriptionsAreProblems() {
        String events = "\"events\": [\"release.published\"]";
        post("{\"url\": \"ftp://example.org/x\", " + events + "}", 422);
        post("{\"url\": \"http://user:pw@example.org/x\", " + events + "}", 422);
        post("{\"url\": \"" + hook() + "\", \"events\": []}", 400);
        post("{\"url\": \"" + hook() + "\", \"events\": [\"release.deleted\"]}", 400);
        post("{\"url\": \"" + hook() + "\", \"datasets\": [\"no-such-dataset\"], " + events + "}", 400);
        post("{\"url\": ", 400);
        TestServer.given().contentType("text/plain").body("x").post("/v1/subscriptions").then().statusCode(415).contentType("application/problem+json");
    }

    private static void post(String body, int status) {
        TestServer.given().contentType("application/json").body(body).post("/v1/subscriptions").then().statusCode(status)
                .contentType("application/problem+json");
    }

    @Test
    void withoutTheFlagLoopbackPrivateAndLinkLocalAddressesAreRefused() {
        for (String url : List.of("http://127.0.0.1/x", "http://localhost:8080/x", "http://10.1.2.3/x", "http://192.168.0.10/x",
                "http://169.254.169.254/latest/meta-data", "http://[::1]/x", "http://[fd00::1]/x", "http://100.64.0.1/x", "http://0.0.0.0/x")) {
            var e = assertThrows(org.lmobservatory.errors.ObservatoryException.class, () -> WebhookUrls.check(url, false), url);
            assertEquals(org.lmobservatory.errors.ErrorKind.WEBHOOK_URL_REFUSED, e.kind(), url);
        }
        assertEquals("http://93.184.216.34/hook", WebhookUrls.check("http://93.184.216.34/hook", false).toString());
        assertEquals("http://127.0.0.1/x", WebhookUrls.check("http://127.0.0.1/x", true).toString());
    }

    @Test
    void retriesBackOffExponentiallyUpToAnHour() {
        WebhookSettings s = new WebhookSettings(false, 30_000, 10, 10_000, 1_000);
        assertEquals(30_000, s.retryDelayMillis(1));
        assertEquals(60_000, s.retryDelayMillis(2));
        assertEquals(120_000, s.retryDelayMillis(3));
        assertEquals(3_600_000, s.retryDelayMillis(9));
    }
}
