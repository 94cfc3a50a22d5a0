package org.lmobservatory.disclosure;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a release's disclosure audit: a rule (population, count, secondary, rounding), the threshold it used
 * (the rounding base for rounding) and how many published cells it affected.
 */
public record AuditEntry(String rule, Integer threshold, long cells) {
    public static final String ROUNDING = "rounding";
    public static final String NOISE = "noise";
    public static final String PROTECTION = "protection";
    public static final String AUDITED = "audited";
    public static final String AUDIT_FAILURES = "audit-failures";

    /** The audit lines of a report, as stored with the release. */
    public static List<AuditEntry> of(DisclosureReport r) {
        DisclosureSettings s = r.settings();
        List<AuditEntry> out = new ArrayList<>();
        out.add(new AuditEntry(Rule.POPULATION.id(), s.minPopulation(), r.suppressed().get(Rule.POPULATION)));
        out.add(new AuditEntry(Rule.COUNT.id(), s.minCount(), r.suppressed().get(Rule.COUNT)));
        if (s.secondary()) out.add(new AuditEntry(Rule.SECONDARY.id(), null, r.suppressed().get(Rule.SECONDARY)));
        if (s.roundingBase() != null) out.add(new AuditEntry(ROUNDING, s.roundingBase(), r.rounded()));
        if (r.maxNoise() != null) {
            out.add(new AuditEntry(NOISE, r.maxNoise(), r.cells() - r.suppressedTotal()));
            out.add(new AuditEntry(PROTECTION, r.protection().width(), r.audited()));
            out.add(new AuditEntry(AUDITED, null, r.audited()));
            if (r.auditFailures() > 0) out.add(new AuditEntry(AUDIT_FAILURES, null, r.auditFailures()));
        }
        return out;
    }

    /** The threshold of one audit line, or null when the release has no such line. */
    public static Integer threshold(List<AuditEntry> audit, String rule) {
        return audit.stream().filter(e -> e.rule().equals(rule)).findFirst().map(AuditEntry::threshold).orElse(null);
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
