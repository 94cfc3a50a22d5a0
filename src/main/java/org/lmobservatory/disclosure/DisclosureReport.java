package org.lmobservatory.disclosure;

import java.util.EnumMap;
import java.util.Map;

/** The audit of one protected release: cells published, cells suppressed per rule, cells computed from rounded counts. */
public record DisclosureReport(DisclosureSettings settings, long cells, Map<Rule, Long> suppressed, long rounded) {
    public DisclosureReport {
        Map<Rule, Long> copy = new EnumMap<>(Rule.class);
        for (Rule r : Rule.values()) copy.put(r, suppressed.getOrDefault(r, 0L));
        suppressed = Map.copyOf(copy);
    }

    public static DisclosureReport empty(DisclosureSettings settings) {
        return new DisclosureReport(settings, 0, Map.of(), 0);
    }

    /** This report plus one more table's cells. */
    public DisclosureReport plus(long moreCells, Protection p, long moreRounded) {
        Map<Rule, Long> sum = new EnumMap<>(suppressed);
        p.counts().forEach((r, n) -> sum.merge(r, n, Long::sum));
        return new DisclosureReport(settings, cells + moreCells, sum, rounded + moreRounded);
    }

    public long suppressedTotal() {
        return suppressed.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String toString() {
        return cells + " cells: " + suppressed.get(Rule.POPULATION) + " suppressed for population < " + settings.minPopulation()
                + ", " + suppressed.get(Rule.COUNT) + " for a count < " + settings.minCount()
                + ", " + suppressed.get(Rule.SECONDARY) + " secondary"
                + (settings.roundingBase() == null ? "" : ", " + rounded + " from counts rounded to base " + settings.roundingBase());
    }
}
