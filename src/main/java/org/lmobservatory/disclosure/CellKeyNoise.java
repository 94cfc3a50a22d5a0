package org.lmobservatory.disclosure;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Cell-key perturbation, as the ABS TableBuilder and the German 2022 census use it. Every record has a secret key, a
 * cell's key is the sum of its records' keys (mod 2^32), and the noise added to the cell's count is read from the cell
 * key. The same records always give the same noise, so a count cannot be averaged out by asking again, and a total is
 * never exactly the sum of its published parts, so subtraction stops being exact.
 *
 * <p>The noise is an integer in [-{@link #MAX_NOISE}, +{@link #MAX_NOISE}], weights 1:2:4:2:1 (unbiased for counts of 3
 * and more). A zero stays zero and a positive count stays positive: the noise can neither invent nor erase people.
 */
public final class CellKeyNoise {
    public static final int MAX_NOISE = 2;
    /** The most a median band moves ({@link #perturbBand}). */
    public static final int MAX_BAND_NOISE = 1;
    public static final long KEY_SPACE = 1L << 32;
    private static final int[] WEIGHTS = {1, 2, 4, 2, 1};
    private static final int[] MEDIAN_WEIGHTS = {1, 2, 1};

    private final byte[] secret;

    public CellKeyNoise(byte[] secret) {
        if (secret.length < 32) throw new IllegalArgumentException("a cell-key secret needs at least 32 bytes");
        this.secret = secret.clone();
    }

    /** The record's key in [0, 2^32): a keyed hash of its stable id, so a record keeps its key across loads. */
    public long recordKey(String recordId) {
        return unsigned32(hmac("record\u0000" + recordId));
    }

    /** A keyed 64-bit hash of a whole record (every field), for noticing that a group of records changed. */
    public long contentHash(String recordContent) {
        byte[] h = hmac("content\u0000" + recordContent);
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (h[i] & 0xff);
        return v;
    }

    /** A key in [0, 2^32) derived from any text, e.g. a cohort's content digest. */
    public long derivedKey(String text) {
        return unsigned32(hmac("derived\u0000" + text));
    }

    /** count + noise read from the cell key (the sum of the record keys and any salt, reduced mod 2^32 here). */
    public static long perturb(long count, long cellKey) {
        if (count < 0) throw new IllegalArgumentException("negative count " + count);
        if (count == 0) return 0;
        int lowest = (int) -Math.min(MAX_NOISE, count - 1);
        return count + pick(lowest, WEIGHTS, -MAX_NOISE, cellKey);
    }

    /** A band (1..10) moved by -1, 0 or +1 (weights 1:2:1), read from a key independent of the count's noise. */
    public static int perturbBand(int band, long cellKey) {
        long key = Math.floorMod(cellKey * 0x9E3779B1L + 0x7F4A7C15L, KEY_SPACE);
        int moved = band + pick(-1, MEDIAN_WEIGHTS, -1, key);
        return Math.max(1, Math.min(10, moved));
    }

    /** Inverse CDF over the weights from `lowest` up, with the key as a uniform number in [0, 1). */
    private static int pick(int lowest, int[] weights, int firstNoise, long cellKey) {
        long key = Math.floorMod(cellKey, KEY_SPACE);
        int total = 0;
        for (int i = lowest - firstNoise; i < weights.length; i++) total += weights[i];
        double u = (double) key / KEY_SPACE * total;
        double acc = 0;
        for (int i = lowest - firstNoise; i < weights.length; i++) {
            acc += weights[i];
            if (u < acc) return firstNoise + i;
        }
        return firstNoise + weights.length - 1;
    }

    private byte[] hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static long unsigned32(byte[] h) {
        return ((long) (h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
    }
}
