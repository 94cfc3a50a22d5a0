package org.lmobservatory.disclosure;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a release's disclosure audit: a rule (population, count, secondary, rounding), the threshold it used
 * (the rounding base for rounding) and how many published cells it affected.
 */
public record AuditEntry(String rule, Integer threshold, long cells) {
    public static final String ROUNDING = "rounding";

    /** The audit lines of a report, as stored with the release. */
    public static List<AuditEntry> of(DisclosureReport r) {
        DisclosureSettings s = r.settings();
        List<AuditEntry> out = new ArrayList<>();
        out.add(new AuditEntry(Rule.POPULATION.id(), s.minPopulation(), r.suppressed().get(Rule.POPULATION)));
        out.add(new AuditEntry(Rule.COUNT.id(), s.minCount(), r.suppressed().get(Rule.COUNT)));
        if (s.secondary()) out.add(new AuditEntry(Rule.SECONDARY.id(), null, r.suppressed().get(Rule.SECONDARY)));
        if (s.roundingBase() != null) out.add(new AuditEntry(ROUNDING, s.roundingBase(), r.rounded()));
        return out;
    }

    /** The settings a release was protected with, read back from its audit lines. */
    public static DisclosureSettings settings(List<AuditEntry> audit) {
        int minPopulation = DisclosureSettings.DEFAULT_MIN_POPULATION;
        int minCount = DisclosureSettings.DEFAULT_MIN_COUNT;
        Integer base = null;
        boolean secondary = false;
        for (AuditEntry e : audit) {
            if (e.rule().equals(Rule.POPULATION.id())) minPopulation = e.threshold();
            else if (e.rule().equals(Rule.COUNT.id())) minCount = e.threshold();
            else if (e.rule().equals(Rule.SECONDARY.id())) secondary = true;
            else if (e.rule().equals(ROUNDING)) base = e.threshold();
        }
        return new DisclosureSettings(minPopulation, minCount, base, secondary);
    }
}
