package org.lmobservatory.observations;

import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.catalogue.Grouping;
import org.lmobservatory.catalogue.Measure;
import org.lmobservatory.catalogue.MeasureKind;
import org.lmobservatory.errors.ErrorKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans the values of groups from their members' series: counts are summed, a ratio is recomputed as scale × Σnumerator
 * / Σdenominator of the members (never a mean of the members' ratios), and measures whose value cannot be rebuilt
 * from its parts' values are refused. The database does the arithmetic (ObservationDao.aggregatedCells); this class
 * says which member series count towards which group series, and in what role.
 */
final class GroupAggregation {
    /** Why each kind that does not aggregate does not: the detail of the 400. */
    private static final Map<MeasureKind, String> WHY_NOT = Map.of(
            MeasureKind.MEDIAN, "a median of a group is not a function of its members' medians (it needs the members' distributions)",
            MeasureKind.QUANTILE, "a quantile of a group is not a function of its members' quantiles (it needs the members' distributions)",
            MeasureKind.MEAN, "a mean of a group needs each member's total and count, which the dataset does not publish as measures",
            MeasureKind.CATEGORY, "a category is a code, not a quantity: codes of members cannot be added up");

    /**
     * One group series and the member series it is computed from; periods: for each part, the group's period of
     * validity it counts in (a member of the group in 2025 only feeds the group's cells of 2025).
     */
    private record Target(List<String> key, Measure ratio, List<Long> parts, List<String> roles, List<Grouping.Group> periods) {
    }

    /** The group series in output order, and the arrays the statement reads (bound as bigint[] and text[], cast there). */
    record Plan(List<SeriesKey> series, long[] partSeries, long[] partOrds, String[] partRoles, long[] partMembers, String[] partFrom,
                String[] partTo, long[] targetOrds, String[] targetRatio, String[] targetScale, long[] targetDecimals) {
    }

    private GroupAggregation() {
    }

    /**
     * The filters to find member series with: the query's, plus the numerator and denominator of every ratio asked for,
     * after refusing any measure that does not aggregate.
     */
    static List<List<String>> memberFilters(ObservationQuery q) {
        Dataset d = q.dataset();
        Optional<Dimension> measureDim = d.measureDimension();
        if (measureDim.isEmpty()) {
            if (d.unit().decimals() > 0 || "PC".equalsIgnoreCase(d.unit().id())) {
                throw ErrorKind.NOT_AGGREGATABLE.error("Dataset '" + d.id() + "' has one unit (" + d.unit().id() + ", " + d.unit().decimals()
                        + " decimals) and no measure dimension that says what its values are. Only counts are summed over groups, "
                        + "and a rate or mean cannot be rebuilt from its members' values without their numerators and denominators.",
                        Map.of("parameter", q.dataset().dimensions().get(q.aggregation().dimension()).id()));
            }
            return q.codeFilters();
        }
        int m = measureDim.get().position();
        List<String> asked = asked(q, m);
        List<String> refused = new ArrayList<>();
        Set<String> needed = new LinkedHashSet<>(asked);
        for (String code : asked) {
            Measure measure = d.measures().get(code);
            if (measure == null) continue;
            switch (measure.kind()) {
                case COUNT -> { }
                case RATIO -> {
                    if (measure.numerator() == null || measure.denominator() == null) {
                        refused.add(code + " (a ratio whose numerator and denominator the dataset does not publish, so it cannot be recomputed)");
                    } else {
                        needed.add(measure.numerator());
                        needed.add(measure.denominator());
                    }
                }
                default -> refused.add(code + " (" + measure.kind().id() + ": " + WHY_NOT.get(measure.kind()) + ")");
            }
        }
        if (!refused.isEmpty()) {
            List<String> fine = asked.stream().filter(c -> d.measures().get(c) == null
                    || d.measures().get(c).kind() == MeasureKind.COUNT || d.measures().get(c).kind() == MeasureKind.RATIO).toList();
            throw ErrorKind.NOT_AGGREGATABLE.error("Groups of " + q.aggregation().grouping().id() + " get counts summed and ratios recomputed "
                            + "from summed numerators and denominators; these measures do not aggregate: " + String.join("; ", refused) + "."
                            + (fine.isEmpty() ? "" : " Ask for " + measureDim.get().id() + "=" + String.join(",", fine) + ", or for the members' own values."),
                    Map.of("parameter", measureDim.get().id(), "notAggregatable", refused));
        }
        List<List<String>> filters = new ArrayList<>(q.codeFilters());
        filters.set(m, List.copyOf(needed));
        return filters;
    }

    /** Which group series exist (those with a member series behind them) and which member series feed each. */
    static Plan plan(ObservationQuery q, List<SeriesKey> members, Comparator<SeriesKey> outputOrder) {
        Dataset d = q.dataset();
        int g = q.aggregation().dimension();
        int m = d.measureDimension().map(Dimension::position).orElse(-1);
        Set<String> asked = m < 0 ? Set.of() : new LinkedHashSet<>(asked(q, m));
        Map<String, List<Grouping.Group>> groupsOf = new HashMap<>();
        for (Grouping.Group group : q.aggregation().groups()) {
            for (String member : group.members()) groupsOf.computeIfAbsent(member, k -> new ArrayList<>()).add(group);
        }
        Map<List<String>, Target> targets = new LinkedHashMap<>();
        for (SeriesKey s : members) {
            String measure = m < 0 ? null : s.codes().get(m);
            for (Grouping.Group group : groupsOf.getOrDefault(s.codes().get(g), List.of())) {
                Measure own = measure == null ? null : d.measures().get(measure);
                if (m < 0 || (asked.contains(measure) && own != null && own.kind() == MeasureKind.COUNT)) {
                    add(targets, s, g, group, -1, null, "v");
                }
                if (m < 0) continue;
                for (String code : asked) {
                    Measure ratio = d.measures().get(code);
                    if (ratio.kind() != MeasureKind.RATIO) continue;
                    if (measure.equals(ratio.numerator())) add(targets, s, g, group, m, ratio, "n");
                    if (measure.equals(ratio.denominator())) add(targets, s, g, group, m, ratio, "d");
                }
            }
        }
        List<Target> ordered = new ArrayList<>(targets.values());
        ordered.sort(Comparator.comparing(t -> new SeriesKey(0, t.key()), outputOrder));
        return arrays(ordered);
    }

    private static void add(Map<List<String>, Target> targets, SeriesKey member, int g, Grouping.Group group, int m, Measure ratio, String role) {
        List<String> key = new ArrayList<>(member.codes());
        key.set(g, group.code());
        if (ratio != null) key.set(m, ratio.code());
        Target t = targets.computeIfAbsent(List.copyOf(key), k -> new Target(k, ratio, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
        t.parts().add(member.id());
        t.roles().add(role);
        t.periods().add(group);
    }

    private static Plan arrays(List<Target> targets) {
        int parts = targets.stream().mapToInt(t -> t.parts().size()).sum();
        long[] partSeries = new long[parts];
        long[] partOrds = new long[parts];
        String[] partRoles = new String[parts];
        long[] memberCounts = new long[parts];
        String[] from = new String[parts];
        String[] to = new String[parts];
        int n = targets.size();
        long[] ords = new long[n];
        String[] ratio = new String[n];
        String[] scale = new String[n];
        long[] decimals = new long[n];
        List<SeriesKey> series = new ArrayList<>();
        int p = 0;
        for (int i = 0; i < n; i++) {
            Target t = targets.get(i);
            // Synthetic negative ids: a group series is not stored, and no writer may mistake it for one that is.
            series.add(new SeriesKey(-1L - i, t.key()));
            for (int j = 0; j < t.parts().size(); j++) {
                Grouping.Group period = t.periods().get(j);
                partSeries[p] = t.parts().get(j);
                partOrds[p] = i;
                partRoles[p] = t.roles().get(j);
                memberCounts[p] = period.members().size();
                from[p] = period.validFrom() == null ? "0001-01-01" : period.validFrom().toString();
                to[p++] = period.validTo() == null ? "9999-12-31" : period.validTo().toString();
            }
            ords[i] = i;
            ratio[i] = String.valueOf(t.ratio() != null);
            scale[i] = t.ratio() == null ? "1" : (t.ratio().scale() == null ? BigDecimal.ONE : t.ratio().scale()).toPlainString();
            decimals[i] = t.ratio() == null ? 0 : t.ratio().unit().decimals();
        }
        return new Plan(series, partSeries, partOrds, partRoles, memberCounts, from, to, ords, ratio, scale, decimals);
    }

    /** The measure codes asked for: the filter, or every measure of the dataset. */
    private static List<String> asked(ObservationQuery q, int measurePosition) {
        List<String> filter = q.codeFilters().get(measurePosition);
        return filter != null ? filter : List.copyOf(q.dataset().measures().keySet());
    }
}
