package org.lmobservatory.disclosure;

import java.util.EnumMap;
import java.util.Map;

/**
 * The audit of one protected release: cells published, cells suppressed per rule, cells computed from rounded counts,
 * and, for perturbed releases, the noise bound, the protection level and how many hidden quantities the
 * linear-programming auditor checked (all of them passed, or the release would not exist).
 */
public record DisclosureReport(DisclosureSettings settings, long cells, Map<Rule, Long> suppressed, long rounded,
                               Integer maxNoise, ProtectionLevel protection, long audited, long auditFailures) {
    public DisclosureReport {
        Map<Rule, Long> copy = new EnumMap<>(Rule.class);
        for (Rule r : Rule.values()) copy.put(r, suppressed.getOrDefault(r, 0L));
        suppressed = Map.copyOf(copy);
    }

    public static DisclosureReport empty(DisclosureSettings settings) {
        return new DisclosureReport(settings, 0, Map.of(), 0, null, null, 0, 0);
    }

    /**
     * A perturbed release: counts carry noise up to maxNoise, and every hidden quantity was audited against protection.
     * auditFailures: hidden quantities left below protection, which only a release without secondary suppression has
     * (tests that show what the auditor finds then).
     */
    public static DisclosureReport perturbed(DisclosureSettings settings, long cells, Map<Rule, Long> suppressed, int maxNoise,
                                             ProtectionLevel protection, long audited, long auditFailures) {
        return new DisclosureReport(settings, cells, suppressed, 0, maxNoise, protection, audited, auditFailures);
    }

    public long suppressedTotal() {
        return suppressed.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String toString() {
        return cells + " cells: " + suppressed.get(Rule.POPULATION) + " suppressed for population < " + settings.minPopulation()
                + ", " + suppressed.get(Rule.COUNT) + " for a count < " + settings.minCount()
                + ", " + suppressed.get(Rule.SECONDARY) + " secondary"
                + (settings.roundingBase() == null ? "" : ", " + rounded + " from counts rounded to base " + settings.roundingBase())
                + (maxNoise == null ? "" : "; counts perturbed by at most ±" + maxNoise + "; " + audited
                + " hidden quantities audited by linear programming, each left a range at least " + protection.width() + " wide"
                + (auditFailures == 0 ? "" : "; " + auditFailures + " of them FAIL (secondary suppression off)"));
    }
}
