package org.lmobservatory.disclosure;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuppressionRulesTest {
    private static final DisclosureSettings DEFAULTS = DisclosureSettings.defaults();
    private static final Hierarchy SEX = new Hierarchy(Map.of("F", "T", "M", "T"));

    /** One dimension, sex: T = F + M. */
    private static Table bySex(Kind kind, long[] num, long[] den) {
        Table t = new Table(kind, List.of("sex"), List.of(SEX));
        String[] codes = {"T", "F", "M"};
        for (int i = 0; i < 3; i++) t.add(new Cell(List.of(codes[i]), num[i], den[i]));
        return t;
    }

    @Test
    void populationBelowTheThresholdIsPrimaryAndItsSiblingSecondary() {
        Table t = bySex(Kind.COUNT, new long[]{40, 4, 36}, new long[]{40, 4, 36});
        Protection p = TableProtector.protect(t, DEFAULTS, null, true);
        assertEquals(Rule.POPULATION, p.rule(List.of("F")));
        assertEquals(Rule.SECONDARY, p.rule(List.of("M")), "40 - 36 would give the 4 away");
        assertFalse(p.isSuppressed(List.of("T")));
        assertEquals("C", Rule.POPULATION.confStatus());
        assertEquals("D", Rule.SECONDARY.confStatus());
    }

    @Test
    void aRateWhoseNumeratorOrComplementIsSmallIsSuppressed() {
        Table t = bySex(Kind.RATE, new long[]{14, 2, 12}, new long[]{60, 30, 30});
        Protection p = PrimarySuppression.apply(t, DEFAULTS);
        assertEquals(Rule.COUNT, p.rule(List.of("F")), "2 of 30");
        Table all = bySex(Kind.RATE, new long[]{56, 28, 28}, new long[]{58, 30, 28});
        Protection q = PrimarySuppression.apply(all, DEFAULTS);
        assertEquals(Rule.COUNT, q.rule(List.of("M")), "100 % of 28: the complement is 0");
        assertEquals(Rule.COUNT, q.rule(List.of("F")), "complement 2");
        assertEquals(Rule.COUNT, q.rule(List.of("T")), "complement 2 overall");
    }

    @Test
    void aRateOverASuppressedPopulationInheritsItsReason() {
        Table counts = bySex(Kind.COUNT, new long[]{40, 4, 36}, new long[]{40, 4, 36});
        Protection c = TableProtector.protect(counts, DEFAULTS, null, true);
        Table rates = bySex(Kind.RATE, new long[]{20, 2, 18}, new long[]{40, 4, 36});
        Protection r = TableProtector.protect(rates, DEFAULTS, c, true);
        assertEquals(Rule.POPULATION, r.rule(List.of("F")));
        assertEquals(Rule.SECONDARY, r.rule(List.of("M")));
    }

    @Test
    void twoSuppressedCellsThatAddUpToNothingAreNotEnough() {
        // Schools A (NEET 0 of 20) and B (NEET 0 of 25) both fail the count rule; with the total published,
        // "both hidden" would still say 0 + 0. A third school with enough NEETs has to be hidden too.
        Hierarchy area = new Hierarchy(Map.of("A", "M", "B", "M", "C", "M", "D", "M"));
        Table t = new Table(Kind.RATE, List.of("geo"), List.of(area));
        t.add(new Cell(List.of("M"), 12, 145)).add(new Cell(List.of("A"), 0, 20)).add(new Cell(List.of("B"), 0, 25))
                .add(new Cell(List.of("C"), 5, 40)).add(new Cell(List.of("D"), 7, 60));
        Protection p = TableProtector.protect(t, DEFAULTS, null, true);
        assertEquals(Rule.COUNT, p.rule(List.of("A")));
        assertEquals(Rule.COUNT, p.rule(List.of("B")));
        assertEquals(Rule.SECONDARY, p.rule(List.of("C")), "the smallest school that is safe to hide");
        assertFalse(p.isSuppressed(List.of("D")));
        assertTrue(Deriver.attack(t, k -> !p.isSuppressed(k)).isEmpty());
    }

    @Test
    void aTinySchoolAloneInItsMunicipalityHidesTheMunicipalityAndASiblingAboveIt() {
        // Region R = municipalities M1 (one tiny school S1) + M2 (school S2); sexes T = F + M everywhere.
        Hierarchy area = new Hierarchy(Map.of("S1", "M1", "S2", "M2", "M1", "R", "M2", "R"));
        Table t = new Table(Kind.COUNT, List.of("geo", "sex"), List.of(area, SEX));
        long[][] people = {{3, 4}, {30, 35}}; // S1: F 3, M 4; S2: F 30, M 35
        String[][] geo = {{"S1", "M1", "R"}, {"S2", "M2", "R"}};
        Map<List<String>, Long> sums = new java.util.LinkedHashMap<>();
        for (int s = 0; s < 2; s++) {
            for (String g : geo[s]) {
                sums.merge(List.of(g, "F"), people[s][0], Long::sum);
                sums.merge(List.of(g, "M"), people[s][1], Long::sum);
                sums.merge(List.of(g, "T"), people[s][0] + people[s][1], Long::sum);
            }
        }
        sums.forEach((k, v) -> t.add(Cell.count(k, v)));
        Protection p = TableProtector.protect(t, DEFAULTS, null, true);
        for (String g : List.of("S1", "M1")) for (String sex : List.of("T", "F", "M")) assertTrue(p.isSuppressed(List.of(g, sex)), g + sex);
        assertEquals(Rule.POPULATION, p.rule(List.of("S1", "F")));
        assertEquals(Rule.POPULATION, p.rule(List.of("M1", "T")), "M1 is as small as its only school");
        assertTrue(p.isSuppressed(List.of("M2", "T")), "R - M2 would give M1 away");
        assertFalse(p.isSuppressed(List.of("R", "T")));
        assertTrue(Deriver.attack(t, k -> !p.isSuppressed(k)).isEmpty(), "nothing recoverable along either dimension");
    }

    @Test
    void theDeriverFindsWhatPrimarySuppressionAloneLeaves() {
        Table t = bySex(Kind.COUNT, new long[]{40, 4, 36}, new long[]{40, 4, 36});
        Protection p = PrimarySuppression.apply(t, DEFAULTS);
        List<Deriver.Derivation> found = Deriver.attack(t, k -> !p.isSuppressed(k));
        assertEquals(1, found.size());
        assertEquals(List.of("F"), found.get(0).key());
        assertEquals(4, found.get(0).value());
    }

    @Test
    void roundingGoesToTheNearestMultipleAndRatesUseTheRoundedCounts() {
        assertEquals(0, Rounding.round(1, 3));
        assertEquals(3, Rounding.round(2, 3));
        assertEquals(12, Rounding.round(13, 3));
        assertEquals(15, Rounding.round(13, 5));
        assertEquals(10, Rounding.round(12, 5));
        assertEquals(13, Rounding.round(13, null));
        assertEquals(new BigDecimal("25.0"), Rounding.percent(4, 11, 3, 1), "3 of 12 after rounding to base 3, not 4 of 11 (36.4)");
        assertEquals(new BigDecimal("36.4"), Rounding.percent(4, 11, null, 1));
        assertNull(Rounding.percent(0, 1, 3, 1));
    }

    @Test
    void settingsAreValidatedAndSurviveTheAudit() {
        assertThrows(IllegalArgumentException.class, () -> new DisclosureSettings(10, 3, 4, true));
        assertThrows(IllegalArgumentException.class, () -> new DisclosureSettings(2, 3, null, true));
        DisclosureSettings s = new DisclosureSettings(20, 5, 5, true);
        DisclosureReport r = DisclosureReport.empty(s);
        assertEquals(s, AuditEntry.settings(AuditEntry.of(r)));
        DisclosureView view = DisclosureView.of(AuditEntry.of(r));
        assertTrue(view.method().contains("fewer than 20 people"), view.method());
        assertTrue(view.method().contains("multiple of 5"), view.method());
    }
}
