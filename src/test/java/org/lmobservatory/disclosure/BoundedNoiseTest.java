package org.lmobservatory.disclosure;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bound on a republished count (issue 9): never further than half the noise bound from an earlier value, always within the noise of the truth. */
class BoundedNoiseTest {
    private static final int M = CellKeyNoise.MAX_NOISE;
    /** How far a republished count may move: 1 for M = 2. */
    private static final int C = BoundedNoise.move(M);

    private static List<long[]> exactly(long... values) {
        List<long[]> out = new ArrayList<>();
        for (long v : values) out.add(new long[]{v, v});
        return out;
    }

    @Test
    void withoutAnEarlierReleaseTheNoisyValueIsKept() {
        for (long t = 0; t < 20; t++) {
            for (long e = -M; e <= M; e++) {
                long noisy = t == 0 ? 0 : Math.max(1, t + e);
                assertEquals(noisy, BoundedNoise.count(t, noisy, M, List.of()));
                assertEquals(noisy, BoundedNoise.count(t, noisy, M, null));
            }
        }
    }

    @Test
    void anUnchangedCountIsBoundedLikeAChangedOne() {
        // Both values within ±2 of the same truth can be 4 apart: the bound holds the new one within 1 of the old,
        // so that a held-back count does not tell an unchanged cell from a changed one.
        boolean moved = false;
        for (long t = 0; t < 30; t++) {
            for (long before = Math.max(t == 0 ? 0 : 1, t - M); before <= (t == 0 ? 0 : t + M); before++) {
                for (long noisy = Math.max(t == 0 ? 0 : 1, t - M); noisy <= (t == 0 ? 0 : t + M); noisy++) {
                    long shown = BoundedNoise.count(t, noisy, M, exactly(before));
                    assertEquals(Math.max(before - C, Math.min(before + C, noisy)), shown, t + " " + before + " " + noisy);
                    moved |= shown != noisy;
                }
            }
        }
        assertTrue(moved, "a fresh value 2 or more away from the earlier one is held back");
    }

    @Test
    void aCountWhoseTruthMovedByOneMovesByAtMostTheBoundAndStaysWithinTheNoise() {
        boolean clamped = false;
        for (long was = 0; was < 30; was++) {
            for (int change = -1; change <= 1; change++) {
                long now = was + change;
                if (now < 0) continue;
                for (long before = was == 0 ? 0 : Math.max(1, was - M); before <= (was == 0 ? 0 : was + M); before++) {
                    for (long noisy = now == 0 ? 0 : Math.max(1, now - M); noisy <= (now == 0 ? 0 : now + M); noisy++) {
                        long shown = BoundedNoise.count(now, noisy, M, exactly(before));
                        String what = was + "→" + now + ", shown " + before + " then fresh " + noisy + " → " + shown;
                        assertTrue(Math.abs(shown - now) <= M, what);
                        assertEquals(now == 0, shown == 0, what);
                        if (was > 0 && now > 0) {
                            assertTrue(Math.abs(shown - before) <= C, what);
                            // Clamping: the fresh value when it is allowed, else the nearest allowed value.
                            assertEquals(Math.max(before - C, Math.min(before + C, noisy)), shown, what);
                        }
                        clamped |= shown != noisy;
                    }
                }
            }
        }
        assertTrue(clamped, "the extreme cases are exercised");
        // The case of issue 9: truth 10 → 11, shown 8 (noise −2), fresh noise +2 gives 13, five away: published 9.
        assertEquals(9, BoundedNoise.count(11, 13, M, exactly(8)));
        assertEquals(11, BoundedNoise.count(9, 7, M, exactly(12)));
    }

    /**
     * The property the bound exists for: whatever was published before and after, a one-count move allows the truth
     * to have changed by −1, 0 or +1 (a record removed, none, one added), so no single count rules out where a changed
     * person can be.
     */
    @Test
    void everyMoveFitsATruthThatChangedByMinusOneZeroOrPlusOne() {
        for (long was = 3; was < 30; was++) {
            for (int change = -1; change <= 1; change++) {
                long now = was + change;
                for (long before = was - M; before <= was + M; before++) {
                    for (long noisy = Math.max(1, now - M); noisy <= now + M; noisy++) {
                        long shown = BoundedNoise.count(now, noisy, M, exactly(before));
                        for (int hypothesis = -1; hypothesis <= 1; hypothesis++) {
                            boolean fits = false;
                            for (long t = before - M; t <= before + M; t++) fits |= Math.abs(shown - (t + hypothesis)) <= M;
                            assertTrue(fits, was + "→" + now + ": " + before + " then " + shown + " rules out a change of " + hypothesis);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aRangeOfEarlierValuesBoundsByItsNearestValue() {
        // A rate over a large population fits numerators 100..102: anything within 1 of that range is allowed.
        List<long[]> range = List.of(new long[]{100, 102});
        assertEquals(103, BoundedNoise.count(105, 107, M, range));
        assertEquals(103, BoundedNoise.count(104, 104, M, range));
        assertEquals(99, BoundedNoise.count(97, 95, M, range));
    }

    @Test
    void whenTheWindowsDoNotMeetTheValueOvershootsLeastAndStaysWithinTheNoise() {
        // Seven records left the cell: truth 20 → 13, shown 22 before. Allowed 11..15; 15 is 7 away, the least.
        assertEquals(15, BoundedNoise.count(13, 12, M, exactly(22)));
        // A zero stays zero, however far the earlier value.
        assertEquals(0, BoundedNoise.count(0, 0, M, exactly(9)));
        // A positive count stays positive.
        assertEquals(1, BoundedNoise.count(1, 3, M, exactly(-10)));
        // Two earlier releases 10 apart (the truth moved between them): the middle overshoots each by 4 at most.
        long shown = BoundedNoise.count(15, 17, M, exactly(10, 20));
        assertEquals(15, shown);
    }

    @Test
    void matchesBruteForceOnRandomHistories() {
        Random rnd = new Random(9);
        for (int i = 0; i < 50_000; i++) {
            long t = rnd.nextInt(4) == 0 ? rnd.nextInt(3) : rnd.nextInt(60);
            long noisy = t == 0 ? 0 : Math.max(1, t - M + rnd.nextInt(2 * M + 1));
            List<long[]> earlier = new ArrayList<>();
            for (int k = rnd.nextInt(4); k > 0; k--) {
                long lo = Math.max(0, t - 8 + rnd.nextInt(17));
                earlier.add(new long[]{lo, lo + (rnd.nextInt(3) == 0 ? rnd.nextInt(3) : 0)});
            }
            long shown = BoundedNoise.count(t, noisy, M, earlier);
            assertTrue(Math.abs(shown - t) <= M && (t == 0) == (shown == 0), t + " → " + shown);
            // Brute force: the allowed values within 1 of every earlier range; if any, the one nearest the fresh value.
            long best = Long.MIN_VALUE;
            for (long v = t == 0 ? 0 : Math.max(1, t - M); v <= (t == 0 ? 0 : t + M); v++) {
                boolean near = true;
                for (long[] e : earlier) near &= v >= e[0] - C && v <= e[1] + C;
                if (near && (best == Long.MIN_VALUE || Math.abs(v - noisy) < Math.abs(best - noisy))) best = v;
            }
            if (best != Long.MIN_VALUE) assertEquals(best, shown, t + " fresh " + noisy);
        }
    }

    @Test
    void aMedianBandMovesByAtMostOneBand() {
        assertEquals(4, BoundedNoise.band(4, 5, 1, 1, 10, exactly(3)));
        assertEquals(4, BoundedNoise.band(5, 6, 1, 1, 10, exactly(3)));
        assertEquals(6, BoundedNoise.band(5, 6, 1, 1, 10, List.of()));
        assertEquals(10, BoundedNoise.band(10, 10, 1, 1, 10, exactly(9)));
    }

    @Test
    void refusesAValueThatIsNotAPerturbationOfTheTruth() {
        assertThrows(IllegalArgumentException.class, () -> BoundedNoise.count(5, 8, M, List.of()));
        assertThrows(IllegalArgumentException.class, () -> BoundedNoise.count(0, 1, M, List.of()));
        assertThrows(IllegalArgumentException.class, () -> BoundedNoise.count(2, 0, M, List.of()));
    }
}
