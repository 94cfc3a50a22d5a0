package org.lmobservatory.disclosure;

import java.util.List;

/**
 * Protects one table: primary suppression (inheriting from the table of its denominators), then secondary
 * suppression to a fixed point, then the attacker as a final check. A table that the attacker can still open is
 * never returned: publishing stops instead.
 */
public final class TableProtector {
    /** The attacker recovered a suppressed value: a bug in the protection, never something to publish. */
    public static final class DisclosureRisk extends IllegalStateException {
        public DisclosureRisk(String message) {
            super(message);
        }
    }

    private TableProtector() {
    }

    /**
     * @param inherited protection of the table this one's denominators come from, or null
     * @param additive  false for values that do not add up (medians): no subtraction is possible, so no secondary step
     */
    public static Protection protect(Table table, DisclosureSettings settings, Protection inherited, boolean additive) {
        Protection p = PrimarySuppression.apply(table, settings, inherited);
        if (!additive || !settings.secondary()) return p;
        SecondarySuppression.apply(table, settings, p);
        List<Deriver.Derivation> leaks = Deriver.attack(table, k -> !p.isSuppressed(k));
        if (!leaks.isEmpty()) {
            throw new DisclosureRisk(leaks.size() + " suppressed value(s) could be recomputed, e.g. " + leaks.get(0)
                    + "; nothing was published");
        }
        return p;
    }
}
