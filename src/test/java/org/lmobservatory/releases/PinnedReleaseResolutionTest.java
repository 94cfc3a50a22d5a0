package org.lmobservatory.releases;

import org.junit.jupiter.api.Test;
import org.lmobservatory.db.QueryAdmission;
import org.lmobservatory.errors.ObservatoryException;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cited link (release=&lt;id&gt;) resolved once keeps resolving while every query permit is taken, as a current
 * release does: a release never changes once readable. A pin never resolved still waits its turn and is refused.
 */
class PinnedReleaseResolutionTest {

    @Test
    void aResolvedPinNeedsNoQueryPermitAgain() throws Exception {
        TestServer.get();
        ReleaseDao dao = TestDatabase.get().lookups().onDemand(ReleaseDao.class);
        List<Long> ids = dao.ids("unemployment-rate");
        assertTrue(!ids.isEmpty(), "the seed publishes unemployment-rate");
        QueryAdmission gate = new QueryAdmission(1, 20, 0, () -> { });
        ReleaseResolver resolver = new ReleaseResolver(new CurrentReleases(dao, gate), TestDatabase.get().lookups(), gate);
        long pinned = ids.get(0);
        assertEquals(pinned, resolver.resolve("unemployment-rate", new ReleaseSelector(pinned, null)).id());

        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread occupant = new Thread(() -> gate.get(() -> {
            holding.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        occupant.start();
        try {
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            assertEquals(pinned, resolver.resolve("unemployment-rate", new ReleaseSelector(pinned, null)).id(),
                    "served from what was resolved before, with the only permit taken");
            ObservatoryException refused = assertThrows(ObservatoryException.class,
                    () -> resolver.resolve("unemployment-rate", new ReleaseSelector(Long.MAX_VALUE, null)));
            assertEquals(503, refused.status(), "an unresolved pin still needs a permit");
        } finally {
            release.countDown();
            occupant.join(10_000);
        }
    }
}
