package org.lmobservatory.disclosure;

import java.util.List;

/**
 * Keeps a republished value close to what was published before. Fresh cell-key noise of ±m in two releases moves an
 * unchanged count by at most 2m, so a count that moves by 2m + 1 must have changed — and after a one-record revision
 * that points at the changed person's cells. Here the new value is chosen within ±m of the new truth (as the noise
 * would) and within 2m of every earlier published value, so the move between two releases is never larger than two
 * noise draws could make it.
 *
 * <p>The rule: of the values allowed by the truth ({@code [lo, hi]}: count ± m, zero stays zero, positive stays
 * positive), take those whose largest distance beyond 2m from an earlier published value is smallest, and of those the
 * one nearest the fresh noisy value. When the windows meet (always, if the truth moved by at most m since every
 * earlier release: each earlier value is then within 2m of the truth, and the truth itself is allowed) this is the
 * fresh noisy value clamped into their intersection; otherwise (the truth moved by more than m, i.e. several records of
 * this cell changed) the value allowed by the truth that overshoots least, which still stays within ±m of the truth.
 *
 * <p>An earlier value may be known only as a range (a rate published to one decimal over a large population fits
 * several numerators): the distance is then to the nearest value of the range, i.e. what a reader could assume.
 */
public final class BoundedNoise {
    private BoundedNoise() {
    }

    /**
     * A perturbed count, bounded by earlier published values.
     *
     * @param truth    the true count (non-negative)
     * @param noisy    the fresh perturbed count, within ±maxNoise of truth
     * @param maxNoise the noise bound m
     * @param earlier  earlier published values of this count, each {lo, hi} (lo = hi when known exactly)
     * @return a value within ±maxNoise of truth, zero if truth is zero and positive otherwise, within 2·maxNoise of
     *         every earlier value whenever such a value exists
     */
    public static long count(long truth, long noisy, int maxNoise, List<long[]> earlier) {
        if (truth < 0) throw new IllegalArgumentException("negative count " + truth);
        if (Math.abs(noisy - truth) > maxNoise || (truth == 0) != (noisy == 0)) {
            throw new IllegalArgumentException("noisy " + noisy + " is not a perturbation of " + truth);
        }
        if (truth == 0) return 0;
        return choose(Math.max(1, truth - maxNoise), truth + maxNoise, noisy, 2L * maxNoise, earlier);
    }

    /**
     * A perturbed band (a median band moved by at most maxMove within [lowest, highest]), bounded the same way: within
     * 2·maxMove of every earlier published band where possible.
     */
    public static int band(int band, int noisy, int maxMove, int lowest, int highest, List<long[]> earlier) {
        if (Math.abs(noisy - band) > maxMove || noisy < lowest || noisy > highest) {
            throw new IllegalArgumentException("noisy band " + noisy + " is not a perturbation of " + band);
        }
        return (int) choose(Math.max(lowest, band - maxMove), Math.min(highest, band + maxMove), noisy, 2L * maxMove, earlier);
    }

    /** Of [lo, hi]: least overshoot beyond `move` from the earlier ranges, then nearest `preferred` (lower on a tie). */
    static long choose(long lo, long hi, long preferred, long move, List<long[]> earlier) {
        if (earlier == null || earlier.isEmpty()) return preferred;
        long best = preferred;
        long bestExcess = Long.MAX_VALUE;
        long bestDistance = Long.MAX_VALUE;
        for (long v = lo; v <= hi; v++) {
            long excess = 0;
            for (long[] e : earlier) {
                long distance = v < e[0] ? e[0] - v : v > e[1] ? v - e[1] : 0;
                excess = Math.max(excess, distance - move);
            }
            long fromPreferred = Math.abs(v - preferred);
            if (excess < bestExcess || (excess == bestExcess && fromPreferred < bestDistance)) {
                best = v;
                bestExcess = excess;
                bestDistance = fromPreferred;
            }
        }
        return best;
    }
}
