package org.lmobservatory.widgets;

import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Grouping;
import org.lmobservatory.errors.ErrorKind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An indicator widget of a group (geo=FI_TEA_DEMO_1B, a group of a grouping over the territorial codelist), as the
 * observations API answers it: the group's value aggregated from its members. A group has no parent in the codelist,
 * so it compares only with other groups of its grouping, named by code; codes and groups are never mixed in one query
 * (the API refuses that too: a group's value is computed from codes like them).
 */
final class GroupAreas {
    private GroupAreas() {
    }

    /** The grouping over the codelist that has the code as a group; empty for a code of the codelist or an unknown one. */
    static Optional<Grouping> groupingOf(List<Grouping> groupings, Codelist codes, String area) {
        if (codes.contains(area)) return Optional.empty();
        return groupings.stream().filter(g -> g.group(area).isPresent()).findFirst();
    }

    /** The groups to compare with: codes of other groups of the same grouping, at most max. */
    static List<String> comparisons(Grouping grouping, String area, List<String> asked, int max) {
        Set<String> out = new LinkedHashSet<>();
        List<String> wrong = new ArrayList<>();
        for (String item : asked) {
            if (grouping.group(item).isEmpty()) wrong.add(item);
            else if (!item.equals(area)) out.add(item);
        }
        if (!wrong.isEmpty()) {
            throw ErrorKind.INVALID_PARAMETER.error("geo=" + area + " is a group of grouping " + grouping.id() + "; it compares with other "
                    + "groups of it (" + grouping.groups().stream().map(Grouping.Group::code).distinct().collect(Collectors.joining(", "))
                    + "), not with " + String.join(", ", wrong) + ": groups have no region or country above them, and a group "
                    + "beside codes would be compared with its own parts.", Map.of("parameter", "compare"));
        }
        if (out.size() > max) {
            throw ErrorKind.INVALID_PARAMETER.error("A widget compares with at most " + max + " areas.", Map.of("parameter", "compare"));
        }
        return new ArrayList<>(out);
    }
}
