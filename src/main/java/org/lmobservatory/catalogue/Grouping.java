package org.lmobservatory.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user-defined grouping of the codes of one codelist (e.g. municipalities into employment areas), as its newest
 * version says; queries aggregate over its groups. version counts the loads that changed it; the earlier versions are
 * kept for the record (listed, never used for values). Within a version a group code may occur several times, one
 * period of validity each with its own members, so a period P aggregates the members valid for P.
 */
public record Grouping(String id, int version, String codelistId, Map<String, String> labels, Map<String, String> description,
                       Instant loadedAt, List<Group> groups, List<Version> earlier) {

    /**
     * A group in one period of validity with its members; validFrom and validTo (inclusive) bound the periods it
     * applies to, null = open. Periods of the same code do not overlap (the loader checks).
     */
    public record Group(String code, Map<String, String> labels, LocalDate validFrom, LocalDate validTo, List<String> members) {

        /** True when a period starting on periodStart falls within the validity. */
        public boolean appliesTo(LocalDate periodStart) {
            return (validFrom == null || !periodStart.isBefore(validFrom)) && (validTo == null || !periodStart.isAfter(validTo));
        }
    }

    /** An earlier version of the grouping, as it was loaded. */
    public record Version(int version, Instant loadedAt, List<Group> groups) {
    }

    /** The group's first period in the file (its label is the group's); empty when the newest version has no such code. */
    public Optional<Group> group(String code) {
        return groups.stream().filter(g -> g.code().equals(code)).findFirst();
    }

    /** Every period of the code, in file order. */
    public List<Group> periods(String code) {
        return groups.stream().filter(g -> g.code().equals(code)).toList();
    }
}
