package org.lmobservatory.disclosure;

import java.util.List;

/**
 * Keeps a republished value close to what was published before: within ⌈m/2⌉ (1 for the noise bound m = 2) of every
 * earlier published value, whether the truth behind it changed or not, and within ±m of the new truth.
 *
 * <p>Why so close (issue 9). Fresh noise of ±m in two releases moves an unchanged count by up to 2m and a count that
 * lost one person by −2m − 1 … 2m − 1, so a move of +2m rules out "this count lost the person", and a school whose
 * counts moved so could not be the removed person's (1 school left in a measured case). Bounding moves to ±m removes
 * every such single-count exclusion, but clamping piles the moves up at ±m, where a hypothesis leaves only two values
 * for the count, and a few of them through the sums still ruled schools out (2 left, once in 15 revisions). At ±1 a
 * hypothesis leaves at least three of the five values the noise allows, and the truth and every one-record hypothesis
 * overlap almost entirely. Every count of a republished cohort is bounded the same way, so which counts were held
 * back says nothing about which changed; and a republished value adds little to what the earlier one said.
 *
 * <p>The rule: of the values allowed by the truth ({@code [lo, hi]}: count ± m, zero stays zero, positive stays
 * positive), take those whose largest distance beyond the move from an earlier published value is smallest, and of
 * those the one nearest the fresh noisy value. When the windows meet (always, if the truth moved by at most one since
 * every earlier release: each earlier value is then within m + 1 of the truth) this is the fresh noisy value clamped
 * into their intersection; otherwise (several records of this cell changed) the value allowed by the truth that
 * overshoots least, which still stays within ±m of the truth.
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
     * @return a value within ±maxNoise of truth, zero if truth is zero and positive otherwise, within
     *         {@link #move}(maxNoise) of every earlier value whenever such a value exists
     */
    public static long count(long truth, long noisy, int maxNoise, List<long[]> earlier) {
        if (truth < 0) throw new IllegalArgumentException("negative count " + truth);
        if (Math.abs(noisy - truth) > maxNoise || (truth == 0) != (noisy == 0)) {
            throw new IllegalArgumentException("noisy " + noisy + " is not a perturbation of " + truth);
        }
        if (truth == 0) return 0;
        return choose(Math.max(1, truth - maxNoise), truth + maxNoise, noisy, move(maxNoise), earlier);
    }

    /** How far a republished count may move from an earlier value: half the noise bound, rounded up (1 for m = 2). */
    public static int move(int maxNoise) {
        return (maxNoise + 1) / 2;
    }

    /**
     * A perturbed band (a median band moved by at most maxMove within [lowest, highest]), bounded the same way: within
     * maxMove of every earlier published band where possible.
     */
    public static int band(int band, int noisy, int maxMove, int lowest, int highest, List<long[]> earlier) {
        if (Math.abs(noisy - band) > maxMove || noisy < lowest || noisy > highest) {
            throw new IllegalArgumentException("noisy band " + noisy + " is not a perturbation of " + band);
        }
        return (int) choose(Math.max(lowest, band - maxMove), Math.min(highest, band + maxMove), noisy, maxMove, earlier);
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
