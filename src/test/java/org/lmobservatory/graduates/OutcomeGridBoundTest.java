package org.lmobservatory.graduates;

import org.junit.jupiter.api.Test;
import org.lmobservatory.disclosure.CellKeyNoise;
import org.lmobservatory.disclosure.DisclosureSettings;
import org.lmobservatory.disclosure.ProtectionLevel;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The grid applies the bound of issue 9 to a republished cohort's counts (no server: the earlier release is given directly). */
class OutcomeGridBoundTest {
    private static final List<AreaCodelist.AreaCode> AREAS = List.of(
            new AreaCodelist.AreaCode("FI", null, "country", Map.of()),
            new AreaCodelist.AreaCode("S1", "FI", "school", Map.of()));

    /** A cell key whose noise moves `count` by exactly `noise`. */
    private static long keyFor(long count, int noise) {
        for (long k = 0; ; k += 1_000_003) if (CellKeyNoise.perturb(count, k) == count + noise) return k;
    }

    private static OutcomeGrid.OutcomeCell cell(OutcomeGrid grid, String geo) {
        return grid.blocks().stream().flatMap(b -> b.cells().stream())
                .filter(c -> c.months().equals("M06") && c.geo().equals(geo) && c.field().equals("TOTAL") && c.sex().equals("T"))
                .findFirst().orElseThrow();
    }

    @Test
    void aCountThatWouldMoveByFiveMovesByTheNoiseBoundAndStaysWithinTheNoise() {
        // Truth 10 → 11 since the earlier release, which showed 8 (noise −2); the fresh noise is +2: 13, five away.
        long[] counts = {11, 6, 3, 2, 0, 3, 5, 5};
        long[] keys = new long[Measure.COUNT];
        keys[Measure.TRACKED.ordinal()] = keyFor(11, 2);
        keys[Measure.EMPLOYED.ordinal()] = keyFor(6, 2);
        // Everyone is a woman in field F02 of school S1: every cell of M06 that holds them has the same counts.
        List<OutcomeCounts.Row> rows = new java.util.ArrayList<>();
        for (String geo : List.of("FI", "S1")) {
            for (String field : List.of("TOTAL", "F02")) {
                for (String sex : List.of("T", "F")) rows.add(new OutcomeCounts.Row(2023, "M06", geo, field, sex, counts, keys, null));
            }
        }
        Map<Integer, Long> salts = Map.of(2023, 0L);

        OutcomeGrid fresh = OutcomeGrid.of(rows, AREAS, List.of("F02"), salts, EarlierReleases.none());
        assertEquals(13, cell(fresh, "S1").noisy()[Measure.TRACKED.ordinal()]);
        assertEquals(8, cell(fresh, "S1").noisy()[Measure.EMPLOYED.ordinal()]);
        assertEquals(0, fresh.bounded());

        // The earlier release: S1 showed TRACKED 8 and EMP_RATE 3/8 = 37.5 %; FI nothing (suppressed).
        BigDecimal[] shown = new BigDecimal[Indicator.ALL.size()];
        shown[Indicator.TRACKED.ordinal()] = BigDecimal.valueOf(8);
        shown[Indicator.EMP_RATE.ordinal()] = Indicator.percent(3, 8);
        EarlierReleases earlier = EarlierReleases.of(2023, 1, Map.of(List.of("2023", "M06", "S1", "TOTAL", "T"), shown),
                DisclosureSettings.defaults(), CellKeyNoise.MAX_NOISE, 1);
        OutcomeGrid bounded = OutcomeGrid.of(rows, AREAS, List.of("F02"), salts, earlier);
        OutcomeGrid.OutcomeCell s1 = cell(bounded, "S1");
        assertEquals(9, s1.noisy()[Measure.TRACKED.ordinal()], "within 1 of 8 and within 2 of 11");
        assertEquals(4, s1.noisy()[Measure.EMPLOYED.ordinal()], "backed out of 37.5 % of 8: 3; within 1 of it and 2 of 6");
        assertEquals(cell(fresh, "S1").noisy()[Measure.EDUCATION.ordinal()], s1.noisy()[Measure.EDUCATION.ordinal()], "no earlier value: fresh noise kept");
        assertEquals(cell(fresh, "FI").noisy()[Measure.TRACKED.ordinal()], cell(bounded, "FI").noisy()[Measure.TRACKED.ordinal()], "suppressed earlier: fresh noise kept");
        assertEquals(2, bounded.bounded());

        // The auditor's model (every published value within the noise of the truth, the earlier ones widened by the
        // changed records) still holds the truth: the loader would stop otherwise.
        OutcomeProtection protection = new OutcomeProtection(DisclosureSettings.defaults(), ProtectionLevel.DEFAULT, CellKeyNoise.MAX_NOISE, earlier);
        for (OutcomeGrid.Block block : bounded.blocks()) {
            assertEquals(List.of(), protection.attackModel(block, protection.primary(block)).violatedByTruth(5), OutcomeProtection.name(block));
        }
    }
}
