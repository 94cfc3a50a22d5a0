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
 * release does: a release never changes once readable. So does asOf=&lt;a moment settled in the past&gt; (no
 * activation can still land before it); a recent moment is asked again every time. A pin never resolved still waits
 * its turn and is refused.
 */
class PinnedReleaseResolutionTest {

    @Test
    void aResolvedPinNeedsNoQueryPermitAgain() throws Exception {
        TestServer.get();
        ReleaseDao dao = TestDatabase.get().lookups().onDemand(ReleaseDao.class);
        List<Long> ids = dao.ids("unemployment-rate");
        assertTrue(!ids.isEmpty(), "the seed publishes unemployment-rate");
        QueryAdmission gate = new QueryAdmission(1, 20, 0, () -> { });
        // Moments settle after 2 s here (10 minutes in the server): room for the seed's releases to be in the past.
        ReleaseResolver resolver = new ReleaseResolver(new CurrentReleases(dao, gate), TestDatabase.get().lookups(), gate, java.time.Duration.ofSeconds(2));
        long pinned = ids.get(0);
        assertEquals(pinned, resolver.resolve("unemployment-rate", new ReleaseSelector(pinned, null)).id());
        // A settled moment (now − 3 s: the seed's current release), one in the future (asked every time), and one
        // before the dataset had any release (a 404, not kept).
        ReleaseSelector settled = new ReleaseSelector(null, java.time.Instant.now().minusSeconds(3));
        ReleaseSelector recent = new ReleaseSelector(null, java.time.Instant.now().plusSeconds(365L * 24 * 3600));
        ReleaseSelector longAgo = new ReleaseSelector(null, java.time.Instant.parse("2001-01-01T00:00:00Z"));
        long settledId = resolver.resolve("unemployment-rate", settled).id();
        resolver.resolve("unemployment-rate", recent);
        assertEquals(404, assertThrows(ObservatoryException.class, () -> resolver.resolve("unemployment-rate", longAgo)).status());

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
            assertEquals(settledId, resolver.resolve("unemployment-rate", settled).id(), "a settled moment resolved before needs no permit");
            assertEquals(503, assertThrows(ObservatoryException.class, () -> resolver.resolve("unemployment-rate", recent)).status(),
                    "a moment that is not settled yet is asked again, and needs a permit");
            assertEquals(503, assertThrows(ObservatoryException.class, () -> resolver.resolve("unemployment-rate", longAgo)).status(),
                    "a moment with no release (a 404 before) was not kept either");
        } finally {
            release.countDown();
            occupant.join(10_000);
        }
    }
}
