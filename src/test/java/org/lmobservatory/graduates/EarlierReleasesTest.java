package org.lmobservatory.graduates;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Backing an earlier noisy numerator out of its published rate and population (what a reader can do, and what the bound uses). */
class EarlierReleasesTest {
    @Test
    void aRateOverAPublishedPopulationGivesTheNumeratorsThatRoundToIt() {
        for (long total = 8; total < 3000; total += 7) {
            for (long n = 3; n <= total - 3; n += Math.max(1, total / 50)) {
                long[] range = EarlierReleases.numerators(Indicator.percent(n, total), total, 3);
                String what = n + "/" + total;
                if (range == null || range[0] > n || range[1] < n) throw new AssertionError(what + " not in range");
                for (long m = range[0]; m <= range[1]; m++) {
                    if (Indicator.percent(m, total).compareTo(Indicator.percent(n, total)) != 0) throw new AssertionError(what + ": " + m);
                }
                if (total < 1000 && range[0] != range[1]) throw new AssertionError(what + ": below 1,000 people the numerator is unique");
            }
        }
        assertArrayEquals(new long[]{1001, 1002}, EarlierReleases.numerators(new BigDecimal("50.0"), 2003, 3));
        assertNull(EarlierReleases.numerators(new BigDecimal("1.0"), 100, 3), "below the minimum count: not publishable");
    }
}
