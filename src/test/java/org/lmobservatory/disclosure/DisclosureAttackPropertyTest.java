package org.lmobservatory.disclosure;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property-style attack on the protection: 500 random tables from random people, each protected as the loader does it
 * (counts first, the rate table inheriting), then attacked by subtraction over every total and breakdown.
 * Run with -Dlmo.attack.secondary=off to see the same attack against primary suppression alone: it then fails.
 */
class DisclosureAttackPropertyTest {
    private static final int TABLES = 500;

    static DisclosureSettings settingsUnderTest() {
        DisclosureSettings s = DisclosureSettings.defaults();
        return "off".equals(System.getProperty("lmo.attack.secondary")) ? s.withoutSecondary() : s;
    }

    record Outcome(int tables, int suppressed, List<String> recovered) {
    }

    static Outcome attackRandomTables(DisclosureSettings settings, long seed, int tables) {
        Random rnd = new Random(seed);
        int suppressed = 0;
        List<String> recovered = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            RandomTables.Pair pair = RandomTables.generate(rnd);
            Protection counts = protect(pair.counts(), settings, null);
            Protection rates = protect(pair.rates(), settings, counts);
            suppressed += counts.keys().size() + rates.keys().size();
            recovered.addAll(recoveredTrueValues(t, pair.counts(), counts));
            recovered.addAll(recoveredTrueValues(t, pair.rates(), rates));
        }
        return new Outcome(tables, suppressed, recovered);
    }

    /** Like TableProtector.protect, without its final self-check, so the attack here is the only judge. */
    private static Protection protect(Table table, DisclosureSettings settings, Protection inherited) {
        Protection p = PrimarySuppression.apply(table, settings, inherited);
        if (settings.secondary()) SecondarySuppression.apply(table, settings, p);
        return p;
    }

    /** Derivations that hit a suppressed cell's true numerator (or complement, for rates). */
    static List<String> recoveredTrueValues(int tableNo, Table table, Protection p) {
        List<String> hits = new ArrayList<>();
        for (Deriver.Derivation d : Deriver.attack(table, k -> !p.isSuppressed(k))) {
            Cell truth = table.cell(d.key());
            long expected = d.how().startsWith("complement") ? truth.complement() : truth.numerator();
            if (p.isSuppressed(d.key()) && d.value() == expected) {
                hits.add("table " + tableNo + " " + table.kind() + " " + d.key() + " = " + d.value() + " (" + p.rule(d.key()) + ", " + d.how() + ")");
            }
        }
        return hits;
    }

    @Test
    void noSuppressedValueOf500RandomTablesCanBeRecomputed() {
        Outcome o = attackRandomTables(settingsUnderTest(), 20240604L, TABLES);
        assertTrue(o.suppressed() > 1000, "the random tables must exercise suppression; suppressed " + o.suppressed());
        assertEquals(List.of(), o.recovered().subList(0, Math.min(20, o.recovered().size())),
                o.recovered().size() + " suppressed true values recovered by subtraction in " + o.tables() + " tables");
    }

    @Test
    void withoutSecondarySuppressionTheSameAttackRecoversValues() {
        Outcome o = attackRandomTables(DisclosureSettings.defaults().withoutSecondary(), 20240604L, 100);
        assertTrue(o.recovered().size() > 100, "primary suppression alone should leak; recovered " + o.recovered().size());
    }
}
