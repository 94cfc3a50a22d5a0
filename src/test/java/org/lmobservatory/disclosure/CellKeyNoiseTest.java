package org.lmobservatory.disclosure;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellKeyNoiseTest {
    private static final byte[] SECRET = "a test secret of thirty-two bytes!".getBytes();

    @Test
    void zeroStaysZeroPositiveStaysPositiveAndTheNoiseIsBounded() {
        Random rnd = new Random(1);
        for (int i = 0; i < 100_000; i++) {
            long key = rnd.nextLong() & 0xffffffffL;
            long count = rnd.nextInt(40);
            long shown = CellKeyNoise.perturb(count, key);
            if (count == 0) assertEquals(0, shown);
            else assertTrue(shown >= 1, count + " → " + shown);
            assertTrue(Math.abs(shown - count) <= CellKeyNoise.MAX_NOISE, count + " → " + shown);
        }
    }

    @Test
    void theNoiseOfLargerCountsFollowsTheWeightsAndAveragesZero() {
        int[] seen = new int[5];
        Random rnd = new Random(2);
        long sum = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            long e = CellKeyNoise.perturb(50, rnd.nextLong()) - 50;
            seen[(int) e + 2]++;
            sum += e;
        }
        double[] expected = {0.1, 0.2, 0.4, 0.2, 0.1};
        for (int i = 0; i < 5; i++) assertEquals(expected[i], seen[i] / (double) n, 0.01, Arrays.toString(seen));
        assertEquals(0, sum / (double) n, 0.01);
    }

    @Test
    void theSameRecordsGiveTheSameNoiseAndKeysDependOnTheSecret() {
        CellKeyNoise a = new CellKeyNoise(SECRET);
        CellKeyNoise b = new CellKeyNoise("another secret, also thirty-two bytes".getBytes());
        assertEquals(a.recordKey("G1"), new CellKeyNoise(SECRET).recordKey("G1"));
        assertNotEquals(a.recordKey("G1"), b.recordKey("G1"));
        assertNotEquals(a.recordKey("G1"), a.recordKey("G2"));
        long key = a.recordKey("G1") + a.recordKey("G2");
        assertEquals(CellKeyNoise.perturb(17, key), CellKeyNoise.perturb(17, key + CellKeyNoise.KEY_SPACE), "keys add up modulo 2^32");
    }

    @Test
    void bandsMoveByAtMostOneAndStayDeciles() {
        Random rnd = new Random(3);
        int moved = 0;
        for (int i = 0; i < 10_000; i++) {
            int band = 1 + rnd.nextInt(10);
            int shown = CellKeyNoise.perturbBand(band, rnd.nextLong());
            assertTrue(shown >= 1 && shown <= 10 && Math.abs(shown - band) <= 1, band + " → " + shown);
            if (shown != band) moved++;
        }
        assertTrue(moved > 3000 && moved < 6000, "about half the medians move: " + moved);
    }
}
