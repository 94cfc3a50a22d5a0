package org.lmobservatory.webhooks;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.errors.ObservatoryException;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;
import org.lmobservatory.webhooks.WebhookRecords.SubscriptionCreated;
import org.lmobservatory.webhooks.WebhookRecords.SubscriptionRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client may hold at most maxPerClient webhook subscriptions, stated in /v1/limits; one more is a 409 problem until it
 * deletes one. Against the real database with a limit of its own (the shared server's clients all come from 127.0.0.1,
 * so filling its quota would refuse other tests' subscriptions); /v1/limits through the server.
 */
class SubscriptionLimitTest {
    private static final List<SubscriptionCreated> made = Collections.synchronizedList(new ArrayList<>());
    private static Subscriptions subscriptions;

    private static Subscriptions subscriptions() {
        if (subscriptions == null) {
            subscriptions = new Subscriptions(TestDatabase.get().owner(), new CatalogueService(TestDatabase.get().owner()),
                    new WebhookSettings(true, 30_000, 10, 10_000, 1_000, 3), "http://localhost:7070");
        }
        return subscriptions;
    }

    private static SubscriptionCreated subscribe(String client) {
        // Rollbacks of a dataset nobody rolls back: these subscriptions never receive a delivery.
        SubscriptionCreated s = subscriptions().subscribe(new SubscriptionRequest("http://127.0.0.1:9/hook", null, List.of("release.rolled_back")), client);
        made.add(s);
        return s;
    }

    private static String client(String name) {
        return "198.51.100." + name + "-" + System.nanoTime();
    }

    @AfterAll
    static void unsubscribeEverythingMadeHere() {
        for (SubscriptionCreated s : made) {
            try {
                subscriptions().unsubscribe(s.id().toString(), s.secret());
            } catch (ObservatoryException alreadyGone) {
                // deleted by the test itself
            }
        }
    }

    @Test
    void aClientHoldsAtMostTheLimitAndGetsOneBackByDeletingOne() {
        String client = client("1");
        SubscriptionCreated first = subscribe(client);
        subscribe(client);
        subscribe(client);

        ObservatoryException refused = assertThrows(ObservatoryException.class, () -> subscribe(client));

        assertEquals(ErrorKind.SUBSCRIPTION_LIMIT, refused.kind());
        assertEquals(409, refused.status());
        assertEquals(3, refused.extensions().get("limit"));
        assertTrue(refused.detail().contains("/v1/limits"), refused.detail());
        subscribe(client("2")); // another client is not affected
        subscriptions().unsubscribe(first.id().toString(), first.secret());
        subscribe(client);
    }

    @Test
    void parallelSubscribesOfOneClientCannotPassTheLimitTogether() throws Exception {
        String client = client("3");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(() -> {
                    try {
                        subscribe(client);
                        return true;
                    } catch (ObservatoryException e) {
                        assertEquals(ErrorKind.SUBSCRIPTION_LIMIT, e.kind());
                        return false;
                    }
                });
            }
            int accepted = 0;
            for (Future<Boolean> f : pool.invokeAll(attempts)) if (f.get()) accepted++;
            assertEquals(3, accepted);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLimitIsStatedInV1Limits() {
        TestServer.given().get("/v1/limits").then().statusCode(200)
                .body("webhookSubscriptionsPerClient", org.hamcrest.Matchers.equalTo(WebhookSettings.fromEnvironment().maxPerClient()))
                .body("notes.webhooks", org.hamcrest.Matchers.containsString("409"));
    }
}
