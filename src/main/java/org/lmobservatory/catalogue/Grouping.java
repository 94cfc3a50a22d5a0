package org.lmobservatory.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user-defined grouping of the codes of one codelist (e.g. municipalities into employment areas), as its newest
 * version says. Queries aggregate over its groups;
 * version counts the loads that changed it (earlier versions stay stored).
 */
public record Grouping(String id, int version, String codelistId, Map<String, String> labels, Map<String, String> description,
                       Instant loadedAt, List<Group> groups) {

    /** A group with its members; validFrom and validTo (inclusive) bound the periods it applies to, null = open. */
    public record Group(String code, Map<String, String> labels, LocalDate validFrom, LocalDate validTo, List<String> members) {

        /** True when a period starting on periodStart falls within the validity. */
        public boolean appliesTo(LocalDate periodStart) {
            return (validFrom == null || !periodStart.isBefore(validFrom)) && (validTo == null || !periodStart.isAfter(validTo));
        }
    }

    public Optional<Group> group(String code) {
        return groups.stream().filter(g -> g.code().equals(code)).findFirst();
    }
}
