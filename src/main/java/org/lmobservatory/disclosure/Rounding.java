package org.lmobservatory.disclosure;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding of published counts to a base (3 as Finland's Vipunen, 5 as UK LEO) so that small differences between
 * published figures stop being exact. Rates are computed from the rounded numbers, never from the true ones.
 */
public final class Rounding {
    private Rounding() {
    }

    /** Nearest multiple of base (halves up); base null leaves the count as it is. */
    public static long round(long count, Integer base) {
        if (base == null) return count;
        return Math.floorDiv(count + base / 2, base) * base;
    }

    /** 100 × numerator / denominator after rounding both, with the given decimals; null when the denominator rounds to 0. */
    public static BigDecimal percent(long numerator, long denominator, Integer base, int decimals) {
        long n = round(numerator, base);
        long d = round(denominator, base);
        if (d == 0) return null;
        return BigDecimal.valueOf(100L * n).divide(BigDecimal.valueOf(d), decimals, RoundingMode.HALF_UP);
    }
}
