package org.lmobservatory.disclosure;

import io.javalin.openapi.OpenApiDescription;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The disclosure control of a dataset's current release as GET /v1/datasets/{id} shows it: why a cell can be empty. */
public record DisclosureView(
        @OpenApiDescription("A cell whose population (denominator) is below this is published without a value (flag c, confStatus C)")
        int minPopulation,
        @OpenApiDescription("A rate whose numerator or complement is below this is published without a value (flag c, confStatus C)")
        int minCount,
        @OpenApiDescription("Published counts are rounded to a multiple of this (3 or 5); rates are computed from the rounded counts. Null: exact counts")
        Integer roundingBase,
        @OpenApiDescription("Whether secondary suppression (confStatus D) protects the suppressed cells from subtraction")
        boolean secondarySuppression,
        String method,
        @OpenApiDescription("Meaning of the confStatus of each observation (SDMX CONF_STATUS)")
        Map<String, String> confStatus,
        @OpenApiDescription("The audit of the current release: cells affected per rule")
        List<AuditEntry> audit) {

    public static final Map<String, String> CONF_STATUS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("F", "free: published");
        m.put("C", "confidential, primary suppression: the cell's own population or count is below the threshold");
        m.put("D", "confidential, secondary suppression: hidden so that another suppressed cell cannot be recomputed by subtraction");
        CONF_STATUS = java.util.Collections.unmodifiableMap(m);
    }

    public static DisclosureView of(List<AuditEntry> audit) {
        DisclosureSettings s = AuditEntry.settings(audit);
        return new DisclosureView(s.minPopulation(), s.minCount(), s.roundingBase(), s.secondary(), method(s), CONF_STATUS, List.copyOf(audit));
    }

    /** The method in words, with the thresholds in force. */
    public static String method(DisclosureSettings s) {
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
