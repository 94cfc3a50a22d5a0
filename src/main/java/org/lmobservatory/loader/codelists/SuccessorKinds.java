package org.lmobservatory.loader.codelists;

import org.lmobservatory.loader.DefinitionFiles.SuccessorDef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kinds of successor steps: recode (same territory, new code: data can be carried over), boundary (the territory
 * changed), merge (the old territory is now part of a bigger one), split (it is now several). Only a recode is
 * one-to-one; the others are breaks in series.
 */
final class SuccessorKinds {
    static final String RECODE = "recode";
    static final String BOUNDARY = "boundary";
    static final String MERGE = "merge";
    static final String SPLIT = "split";

    private SuccessorKinds() {
    }

    static int severity(String kind) {
        return switch (kind) {
            case RECODE -> 0;
            case BOUNDARY -> 1;
            case MERGE -> 2;
            default -> 3;
        };
    }

    /** A code replaced by another in the next version; "(part)" on either side means only part of a territory moved. */
    static String ofStep(String change, boolean oldPartial, boolean newPartial) {
        if (oldPartial || change.contains("split")) return SPLIT;
        if (newPartial || change.contains("merge")) return MERGE;
        if (change.contains("boundary") || change.contains("lost") || change.contains("part")) return BOUNDARY;
        return RECODE;
    }

    /** A discontinued code whose successors the change text names. */
    static String ofDiscontinued(String change) {
        if (change.contains("split")) return SPLIT;
        if (change.contains("part of") || change.contains("merge")) return MERGE;
        if (change.contains("boundary")) return BOUNDARY;
        return RECODE;
    }

    /** A new code whose predecessors the change text names ("merge of ex-…", "equals ex-…", "made from ex-…"). */
    static String ofNew(String change, int predecessors) {
        if (predecessors > 1 || change.contains("merge")) return MERGE;
        if ((change.contains("equals") || change.contains("identical")) && !change.contains("minus") && !change.contains("plus")) {
            return RECODE;
        }
        return BOUNDARY;
    }

    /**
     * Whatever the texts say, a code with several successors in one step was split, and a code that shares its
     * successor with other codes was merged: neither is one-to-one.
     */
    static List<SuccessorDef> normalise(List<SuccessorDef> steps) {
        Map<String, Set<String>> successorsOf = new HashMap<>();
        Map<String, Set<String>> predecessorsOf = new HashMap<>();
        for (SuccessorDef s : steps) {
            successorsOf.computeIfAbsent(s.code() + "@" + s.fromVersion(), k -> new HashSet<>()).add(s.successor());
            predecessorsOf.computeIfAbsent(s.successor() + "@" + s.toVersion(), k -> new HashSet<>()).add(s.code());
        }
        List<SuccessorDef> out = new ArrayList<>(steps.size());
        for (SuccessorDef s : steps) {
            String kind = s.kind();
            if (successorsOf.get(s.code() + "@" + s.fromVersion()).size() > 1) kind = SPLIT;
            else if (predecessorsOf.get(s.successor() + "@" + s.toVersion()).size() > 1 && severity(kind) < severity(MERGE)) kind = MERGE;
            out.add(new SuccessorDef(s.code(), s.successor(), s.fromVersion(), s.toVersion(), kind));
        }
        return out;
    }
}
