package org.lmobservatory.loader;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.releases.DatasetLock;
import org.lmobservatory.releases.Publisher;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lmobservatory.loader.LoaderFixtures.defineDataset;

/** Loads and publishes of one dataset are serialised by its advisory lock; other datasets are not held up. */
class DatasetLockTest {
    private static final Jdbi owner = TestDatabase.get().owner();

    @BeforeAll
    static void catalogue() throws Exception {
        LoaderFixtures.defineCodelist();
    }

    private static long waitingAdvisoryLocks() {
        return owner.withHandle(h -> h.createQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                .mapTo(Long.class).one());
    }

    private static void awaitWaiter() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (waitingAdvisoryLocks() == 0 && System.nanoTime() < until) Thread.sleep(20);
        assertEquals(1, waitingAdvisoryLocks(), "one session waits for the dataset lock");
    }

    private static long loadsOf(String datasetId) {
        return owner.withHandle(h -> h.createQuery("SELECT count(*) FROM staging.load WHERE dataset_id = :ds")
                .bind("ds", datasetId).mapTo(Long.class).one());
    }

    @Test
    void aLoadWaitsWhileAnotherLoadOrPublishHoldsTheDataset() throws Exception {
        String id = "t-lock-load-waits";
        defineDataset(id, "A");
        Path csv = TestServer.file("lock.csv", "geo,time,value\nFI,2024,1\n");
        LoadService loader = TestServer.loader();

        CompletableFuture<LoadReport> second;
        try (Handle holder = owner.open(); DatasetLock held = DatasetLock.acquire(holder, id)) {
            second = CompletableFuture.supplyAsync(() -> {
                try {
                    return loader.load(id, csv, Optional.empty());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitWaiter();

            assertFalse(second.isDone(), "the second load ran while the dataset was locked");
            assertEquals(0, loadsOf(id), "the waiting load has not started staging");
        }

        LoadReport report = second.get(20, TimeUnit.SECONDS);
        assertEquals(LoadReport.Status.VALID, report.status(), report.errors().toString());
        assertEquals(1, loadsOf(id));
        assertEquals(0, waitingAdvisoryLocks());
    }

    @Test
    void aPublishWaitsWhileALoadHoldsTheDataset() throws Exception {
        String id = "t-lock-publish-waits";
        defineDataset(id, "A");
        LoadReport staged = TestServer.loader().load(id, TestServer.file("lock-publish.csv", "geo,time,value\nFI,2024,1\n"), Optional.empty());
        assertEquals(LoadReport.Status.VALID, staged.status(), staged.errors().toString());
        Publisher publisher = TestServer.publisher();

        CompletableFuture<Publisher.Published> publish;
        try (Handle holder = owner.open(); DatasetLock held = DatasetLock.acquire(holder, id)) {
            publish = CompletableFuture.supplyAsync(() -> publisher.publish(id, staged.loadId(), null));
            awaitWaiter();

            assertFalse(publish.isDone(), "the publish ran while the dataset was locked");
            assertEquals(0, LoaderFixtures.releaseCount(id));
        }

        assertEquals(1, publish.get(20, TimeUnit.SECONDS).rows());
        assertEquals(1, LoaderFixtures.releaseCount(id));
    }

    @Test
    void aLockedDatasetDoesNotHoldUpAnother() throws Exception {
        String locked = "t-lock-other-locked";
        String free = "t-lock-other-free";
        defineDataset(locked, "A");
        defineDataset(free, "A");

        try (Handle holder = owner.open(); DatasetLock held = DatasetLock.acquire(holder, locked)) {
            LoadReport report = CompletableFuture.supplyAsync(() -> {
                try {
                    return TestServer.loader().load(free, TestServer.file("free.csv", "geo,time,value\nFI,2024,1\n"), Optional.empty());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).get(20, TimeUnit.SECONDS);

            assertEquals(LoadReport.Status.VALID, report.status(), report.errors().toString());
            assertTrue(waitingAdvisoryLocks() == 0);
        }
    }
}
