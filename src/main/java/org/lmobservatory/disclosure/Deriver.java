package org.lmobservatory.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The attacker: from the published cells of a table alone, derives every hidden value that subtraction across totals
 * and breakdowns gives away, and keeps going with what it derived. Two moves, per group:
 * <ul>
 *   <li>one unknown member: parent minus the known children, or the sum of the children;</li>
 *   <li>parent known, the unknown children add up to exactly their least possible total (each count cell holds at
 *       least lowerBound): each of them is at that bound.</li>
 * </ul>
 * Publishing code runs it on every table as a last check; tests run it on what the API serves.
 */
public final class Deriver {
    public record Derivation(List<String> key, long value, String how) {
    }

    private Deriver() {
    }

    /**
     * @param table      structure, and the values of the known cells (numerators; unknown cells' values are not read)
     * @param known      which cells a reader sees
     * @param lowerBound the least value a present unknown cell can hold (1 for counts of people, 0 for numerators)
     */
    public static List<Derivation> derive(Table table, Predicate<List<String>> known, long lowerBound) {
        Map<List<String>, Long> values = new HashMap<>();
        for (Cell c : table.cells()) if (known.test(c.key())) values.put(c.key(), c.numerator());
        List<Derivation> out = new ArrayList<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Group g : table.groups()) {
                List<List<String>> unknown = new ArrayList<>();
                for (List<String> m : g.members()) if (!values.containsKey(m)) unknown.add(m);
                if (unknown.isEmpty()) continue;
                if (unknown.size() == 1) {
                    List<String> u = unknown.get(0);
                    long v = u.equals(g.parent()) ? sumChildren(g, values) : values.get(g.parent()) - sumChildren(g, values);
                    values.put(u, v);
                    out.add(new Derivation(u, v, "single subtraction along " + table.dimensions().get(g.dimension())));
                    progress = true;
                } else if (values.containsKey(g.parent())) {
                    long residual = values.get(g.parent()) - sumChildren(g, values);
                    if (residual == lowerBound * unknown.size()) {
                        for (List<String> u : unknown) {
                            values.put(u, lowerBound);
                            out.add(new Derivation(u, lowerBound, "hidden cells at their minimum along " + table.dimensions().get(g.dimension())));
                        }
                        progress = true;
                    }
                }
            }
        }
        return out;
    }

    /**
     * Everything a reader can derive about the hidden cells of a protected table: for counts the people (at least 1
     * per published cell), for rates the numerators and the complements (at least 0).
     */
    public static List<Derivation> attack(Table table, Predicate<List<String>> known) {
        if (table.kind() == Kind.COUNT) return derive(table, known, 1);
        List<Derivation> out = new ArrayList<>(derive(table, known, 0));
        for (Derivation d : derive(table.map(c -> new Cell(c.key(), c.complement(), c.denominator())), known, 0)) {
            out.add(new Derivation(d.key(), d.value(), "complement: " + d.how()));
        }
        return out;
    }

    private static long sumChildren(Group g, Map<List<String>, Long> values) {
        long sum = 0;
        for (List<String> c : g.children()) {
            Long v = values.get(c);
            if (v != null) sum += v;
        }
        return sum;
    }
}
