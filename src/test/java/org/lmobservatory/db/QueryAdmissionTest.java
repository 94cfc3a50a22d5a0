package org.lmobservatory.db;

import org.junit.jupiter.api.Test;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.errors.ObservatoryException;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gate's arithmetic, without a server: how many run, how long the next one waits, who is refused at once. */
class QueryAdmissionTest {

    @Test
    void beyondThePermitsARequestWaitsTheBoundedTimeThenIsRefusedAsOverloaded() throws Exception {
        AtomicInteger refusals = new AtomicInteger();
        QueryAdmission gate = new QueryAdmission(2, 150, 10, refusals::incrementAndGet);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        try {
            for (int i = 0; i < 2; i++) {
                pool.submit(() -> gate.call(() -> {
                    running.countDown();
                    return release.await(10, TimeUnit.SECONDS);
                }));
            }
            assertTrue(running.await(5, TimeUnit.SECONDS));
            assertEquals(2, gate.inUse());

            long start = System.nanoTime();
            ObservatoryException refused = assertThrows(ObservatoryException.class, () -> gate.call(() -> "never"));
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(ErrorKind.OVERLOADED, refused.kind());
            assertEquals(503, refused.status());
            assertEquals(1, ErrorKind.OVERLOADED.retryAfterSeconds());
            assertEquals(2, refused.extensions().get("maxConcurrentQueries"));
            assertTrue(waited >= 140 && waited < 1_000, "waited the bounded time, not forever: " + waited + " ms");
            assertEquals(1, refusals.get(), "each refusal is counted");
        } finally {
            release.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
        }
        assertEquals(0, gate.inUse(), "permits come back when the work ends");
        assertEquals("ok", gate.call(() -> "ok"));
    }

    @Test
    void aPermitFreedWithinTheWaitAdmitsTheWaitingRequest() throws Exception {
        QueryAdmission gate = new QueryAdmission(1, 2_000, 10, () -> { });
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch running = new CountDownLatch(1);
        try {
            pool.submit(() -> gate.call(() -> {
                running.countDown();
                Thread.sleep(100);
                return null;
            }));
            assertTrue(running.await(5, TimeUnit.SECONDS));
            assertEquals("admitted", gate.call(() -> "admitted"));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void moreWaitersThanTheQueueHoldsAreRefusedWithoutWaiting() throws Exception {
        QueryAdmission gate = new QueryAdmission(1, 5_000, 1, () -> { });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            pool.submit(() -> gate.call(() -> {
                running.countDown();
                return release.await(10, TimeUnit.SECONDS);
            }));
            assertTrue(running.await(5, TimeUnit.SECONDS));
            Future<String> waiter = pool.submit(() -> gate.call(() -> "second"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (gate.waiting() < 1 && System.nanoTime() < deadline) Thread.sleep(5);
            assertEquals(1, gate.waiting());

            long start = System.nanoTime();
            assertThrows(ObservatoryException.class, () -> gate.call(() -> "third"));
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 1_000, "refused at once, not after the 5 s wait");

            release.countDown();
            assertEquals("second", waiter.get(5, TimeUnit.SECONDS), "the one in line still gets its turn");
        } finally {
            release.countDown();
            pool.shutdown();
        }
    }

    @Test
    void workThatAlreadyHoldsAPermitIsNotMadeToWaitForASecond() throws Exception {
        QueryAdmission gate = new QueryAdmission(1, 0, 0, () -> { });
        assertEquals("nested", gate.call(() -> gate.call(() -> "nested")));
        assertEquals(0, gate.inUse());
    }
}
