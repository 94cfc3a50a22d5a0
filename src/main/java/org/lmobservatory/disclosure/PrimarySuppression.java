package org.lmobservatory.disclosure;

/**
 * Suppresses cells that are too small in themselves: a population below the minimum, and for rates a numerator or
 * complement below the minimum count (so "100 % of 4 graduates are NEET" cannot appear). A cell may also inherit
 * suppression from the table its denominator comes from: a rate over a hidden population is hidden for the same reason.
 */
public final class PrimarySuppression {
    private PrimarySuppression() {
    }

    public static Protection apply(Table table, DisclosureSettings settings) {
        return apply(table, settings, null);
    }

    /** inherited: the protection of the table that publishes this table's denominators (null: none). */
    public static Protection apply(Table table, DisclosureSettings settings, Protection inherited) {
        Protection p = new Protection();
        for (Cell c : table.cells()) {
            Rule from = inherited == null ? null : inherited.rule(c.key());
            if (from != null) p.suppress(c.key(), from);
            else if (c.denominator() < settings.minPopulation()) p.suppress(c.key(), Rule.POPULATION);
            else if (table.kind() == Kind.RATE && (c.numerator() < settings.minCount() || c.complement() < settings.minCount())) {
                p.suppress(c.key(), Rule.COUNT);
            }
        }
        return p;
    }
}
