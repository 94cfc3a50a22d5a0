package org.lmobservatory.observations;

import org.lmobservatory.catalogue.Code;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.catalogue.Grouping;
import org.lmobservatory.errors.ErrorKind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds the groups a query asks for: codes of a dimension that are groups of a grouping over its codelist
 * (geo=FI_TEA_UUSIMAA), or geoLevel naming a grouping (geoLevel=FI_EMPLOYMENT_AREA, every group). One grouping of one
 * dimension per query: a group and a plain code side by side would mix an aggregate with one of its own parts.
 */
final class GroupSelection {
    private GroupSelection() {
    }

    /** The aggregation asked for, or null when the query asks for codes only (or names codes no grouping knows). */
    static Aggregation resolve(Dataset dataset, List<Codelist> lists, List<List<String>> asked, String level, String parent,
                               Function<String, List<Grouping>> groupings) {
        Aggregation found = null;
        for (Dimension d : dataset.dimensions()) {
            List<String> codes = asked.get(d.position());
            Codelist codelist = lists.get(d.position());
            List<String> groupCodes = codes.stream().filter(c -> !codelist.contains(c)).toList();
            if (groupCodes.isEmpty()) continue;
            List<Grouping> over = groupings.apply(codelist.id());
            // Codes that are no group either are plain mistakes: the parser reports them with its suggestions.
            if (groupCodes.stream().noneMatch(c -> over.stream().anyMatch(g -> g.group(c).isPresent()))) continue;
            Set<Grouping> owners = new LinkedHashSet<>();
            for (String code : groupCodes) {
                Optional<Grouping> owner = over.stream().filter(g -> g.group(code).isPresent()).findFirst();
                if (owner.isEmpty()) {
                    throw ErrorKind.UNKNOWN_CODE.error("Code '" + code + "' of dimension '" + d.id() + "' is neither a code of codelist "
                            + codelist.id() + " nor a group of its groupings (" + ids(over) + "). Codes and groups are at /v1/codelists/"
                            + codelist.id() + ".", Map.of("parameter", d.id()));
                }
                owners.add(owner.get());
            }
            if (groupCodes.size() < codes.size()) {
                throw ErrorKind.CONFLICTING_PARAMETERS.error(d.id() + " mixes groups (" + String.join(", ", groupCodes) + ") with codes of "
                        + codelist.id() + " (" + codes.stream().filter(codelist::contains).collect(Collectors.joining(", "))
                        + "): a group's value is computed from codes like these, so ask for groups and codes in separate requests.",
                        Map.of("parameter", d.id()));
            }
            if (owners.size() > 1 || found != null) {
                throw ErrorKind.CONFLICTING_PARAMETERS.error("A query may ask for groups of one grouping of one dimension; "
                        + "this one names groups of " + (found == null ? ids(List.copyOf(owners)) : found.grouping().id() + " and " + ids(List.copyOf(owners)))
                        + ". Ask for each grouping in its own request.", Map.of("parameter", d.id()));
            }
            Grouping g = owners.iterator().next();
            found = new Aggregation(d.position(), g, g.groups().stream().filter(x -> codes.contains(x.code())).toList());
        }
        Optional<Dimension> geo = dataset.geoDimension();
        if (level != null && geo.isPresent() && !lists.get(geo.get().position()).levels().contains(level)) {
            Optional<Grouping> byLevel = groupings.apply(lists.get(geo.get().position()).id()).stream()
                    .filter(g -> g.id().equals(level)).findFirst();
            if (byLevel.isPresent()) {
                int pos = geo.get().position();
                if (found != null && !(found.dimension() == pos && found.grouping().id().equals(level))) {
                    throw ErrorKind.CONFLICTING_PARAMETERS.error("geoLevel=" + level + " and the groups of " + found.grouping().id()
                            + " asked for do not go together; ask for one grouping per request.", Map.of("parameter", "geoLevel"));
                }
                if (found == null && !asked.get(pos).isEmpty()) {
                    throw ErrorKind.CONFLICTING_PARAMETERS.error("geoLevel=" + level + " gives every group of that grouping; " + geo.get().id()
                            + "=" + String.join(",", asked.get(pos)) + " asks for codes. Use one or the other, or name groups in "
                            + geo.get().id() + ".", Map.of("parameter", "geoLevel"));
                }
                if (parent != null) {
                    throw ErrorKind.CONFLICTING_PARAMETERS.error("geoParent selects codes below a code; it does not combine with groups (geoLevel="
                            + level + ").", Map.of("parameter", "geoParent"));
                }
                return found != null ? found : new Aggregation(pos, byLevel.get(), byLevel.get().groups());
            }
        }
        if (found != null && (level != null || parent != null)) {
            throw ErrorKind.CONFLICTING_PARAMETERS.error("geoLevel and geoParent select codes; they do not combine with groups ("
                    + found.grouping().id() + "). To get every group, use geoLevel=" + found.grouping().id() + " alone.",
                    Map.of("parameter", level != null ? "geoLevel" : "geoParent"));
        }
        return found;
    }

    /** Every member of the groups asked for, once: the codes whose series the aggregates are computed from. */
    static List<String> members(Aggregation aggregation) {
        Set<String> out = new LinkedHashSet<>();
        aggregation.groups().forEach(g -> out.addAll(g.members()));
        return List.copyOf(out);
    }

    /** The codelist with the grouping's groups as codes after its own (level: the grouping id), so writers can label them. */
    static Codelist withGroups(Codelist codelist, Grouping grouping) {
        List<Code> codes = new ArrayList<>(codelist.codes());
        int next = codes.stream().mapToInt(Code::sortOrder).max().orElse(0) + 1;
        Set<String> added = new java.util.HashSet<>();
        // A group with several periods of validity is one code; its first period's labels name it.
        for (Grouping.Group g : grouping.groups()) {
            if (added.add(g.code())) codes.add(new Code(g.code(), null, grouping.id(), g.labels(), next++));
        }
        return Codelist.of(codelist.id(), codelist.version(), codelist.title(), codelist.note(), codes);
    }

    private static String ids(List<Grouping> groupings) {
        return groupings.stream().map(Grouping::id).collect(Collectors.joining(", "));
    }
}
