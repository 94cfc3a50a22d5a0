package org.lmobservatory.disclosure;

import io.javalin.openapi.OpenApiDescription;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The disclosure control of a dataset's current release as GET /v1/datasets/{id} shows it: why a cell can be empty. */
public record DisclosureView(
        @OpenApiDescription("A cell whose (perturbed) population is below this is published without a value (flag c, confStatus C)")
        int minPopulation,
        @OpenApiDescription("A rate whose (perturbed) numerator or complement is below this is published without a value (flag c, confStatus C)")
        int minCount,
        @OpenApiDescription("Published counts are rounded to a multiple of this (3 or 5); rates are computed from the rounded counts. Null: not rounded")
        Integer roundingBase,
        @OpenApiDescription("Whether secondary suppression protects the suppressed cells from being recomputed")
        boolean secondarySuppression,
        @OpenApiDescription("Every count behind a published value differs from the true count by at most this many people (cell-key "
                + "perturbation; a zero stays zero). Null: exact counts")
        Integer maxNoise,
        @OpenApiDescription("Protection level: whatever a reader computes from everything published, each hidden count stays "
                + "uncertain over a range at least this wide around it (half of it below the count, down to zero, the rest above)")
        Integer protectionWidth,
        String method,
        @OpenApiDescription("Meaning of the confStatus of each observation (SDMX CONF_STATUS)")
        Map<String, String> confStatus,
        @OpenApiDescription("The audit of the current release: cells affected per rule")
        List<AuditEntry> audit) {

    public static final Map<String, String> CONF_STATUS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("F", "free: published");
        m.put("C", "confidential: not published, because the cell is too small or because it would let a smaller one be worked out");
        m.put("D", "confidential, secondary suppression (releases before perturbation only): hidden so that another suppressed cell "
                + "cannot be recomputed by subtraction");
        CONF_STATUS = java.util.Collections.unmodifiableMap(m);
    }

    public static DisclosureView of(List<AuditEntry> audit) {
        DisclosureSettings s = AuditEntry.settings(audit);
        Integer noise = AuditEntry.threshold(audit, AuditEntry.NOISE);
        Integer protection = AuditEntry.threshold(audit, AuditEntry.PROTECTION);
        return new DisclosureView(s.minPopulation(), s.minCount(), s.roundingBase(), s.secondary(), noise, protection,
                method(s, noise, protection == null ? null : new ProtectionLevel(protection)), CONF_STATUS, List.copyOf(audit));
    }

    /** The method in words, with the thresholds in force. */
    public static String method(DisclosureSettings s) {
        return method(s, null, null);
    }

    static String method(DisclosureSettings s, Integer maxNoise, ProtectionLevel protection) {
        if (maxNoise != null) {
            String text = "Cell-key perturbation: every count behind a published value (people tracked, employed, in education, NEET, "
                    + "working in their field, with known earnings) is the true count plus a noise of at most " + maxNoise
                    + " people, fixed by the records in the cell, so the same people always give the same number; any change "
                    + "to a cohort redraws the noise of all its cells. Rates are computed from the perturbed counts and "
                    + "earnings-band medians move by at most one band. Primary suppression: a cell whose perturbed population is below "
                    + s.minPopulation() + ", or a rate whose perturbed numerator or complement is below " + s.minCount()
                    + ", is published without a value (flag c, confStatus C). ";
            if (s.secondary() && protection != null) {
                text += "Secondary suppression: a linear-programming auditor computes, from everything published in the release "
                        + "(all totals and breakdowns, the relations between the indicators, the noise bound and these thresholds), "
                        + "the range each hidden count could take; further cells are suppressed (also confStatus C) until every "
                        + "hidden count stays uncertain over a range at least " + protection.width() + " wide around its true value "
                        + "(a hidden 0 could as well be " + protection.width() + ", a hidden 40 anything from 39 to 42).";
            }
            return text.trim();
        }
        String text = "Primary suppression: a cell describing fewer than " + s.minPopulation() + " people is published without a value "
                + "(flag c, confStatus C), together with every rate over it; a rate whose numerator or complement is below "
                + s.minCount() + " is suppressed too (confStatus C). ";
        if (s.secondary()) {
            text += "Secondary suppression: for every total and its breakdown (area into sub-areas and schools, all fields into "
                    + "each field, total into sexes), with everything else fixed, either no cell is suppressed or at least two are, "
                    + "and the suppressed ones together hide at least " + s.minCount() + " people beyond what a reader knows; "
                    + "further cells (confStatus D) are suppressed, smallest first, until that holds everywhere. ";
        }
        if (s.roundingBase() != null) {
            text += "Published counts are rounded to the nearest multiple of " + s.roundingBase() + " and rates are computed from the "
                    + "rounded counts, so totals need not equal the sum of their parts.";
        }
        return text.trim();
    }
}
