package org.lmobservatory.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Hides further cells until no suppressed cell can be recomputed from published totals and siblings.
 *
 * <p>A group (a parent and its children along one dimension, everything else fixed) is unsafe when
 * <ol>
 *   <li>exactly one of its members is suppressed: parent minus the known children gives it away; or</li>
 *   <li>its parent is published and the suppressed children together hide fewer than minCount people beyond what a
 *       reader knows anyway (a published count cell has at least 1 person, a numerator at least 0): otherwise two
 *       suppressed cells that add up to 0, or to 2 people in two cells, are disclosed exactly or nearly so. For rates
 *       the same holds for the complements.</li>
 * </ol>
 * An unsafe group gets one more suppressed member: the smallest (by population) published child that is itself safe
 * to hide (its numerator and complement reach minCount), else the smallest child, else the parent. Groups are
 * revisited across all dimensions until none is unsafe; suppression only grows, so this reaches a fixed point.
 */
public final class SecondarySuppression {
    private SecondarySuppression() {
    }

    /** Adds secondary suppressions to p; returns how many cells were added. */
    public static int apply(Table table, DisclosureSettings settings, Protection p) {
        // A worklist instead of repeated sweeps: only groups that contain a newly suppressed cell can turn unsafe.
        java.util.ArrayDeque<Group> todo = new java.util.ArrayDeque<>(table.groups());
        java.util.Set<Group> queued = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        queued.addAll(todo);
        int added = 0;
        while (!todo.isEmpty()) {
            Group g = todo.poll();
            queued.remove(g);
            while (unsafe(table, settings, p, g)) {
                List<String> next = candidate(table, settings, p, g);
                if (next == null) break;
                p.suppress(next, Rule.SECONDARY);
                added++;
                for (Group other : table.groupsOf(next)) if (other != g && queued.add(other)) todo.add(other);
            }
        }
        return added;
    }

    static boolean unsafe(Table table, DisclosureSettings settings, Protection p, Group g) {
        int suppressed = 0;
        for (List<String> m : g.members()) if (p.isSuppressed(m)) suppressed++;
        if (suppressed == 0) return false;
        if (suppressed == 1) return true;
        if (p.isSuppressed(g.parent())) return false;
        long hidden = 0;
        long hiddenComplement = 0;
        long knownMinimum = 0;
        for (List<String> child : g.children()) {
            if (!p.isSuppressed(child)) continue;
            Cell c = table.cell(child);
            hidden += c.numerator();
            hiddenComplement += c.complement();
            if (table.kind() == Kind.COUNT) knownMinimum++;
        }
        if (hidden - knownMinimum < settings.minCount()) return true;
        return table.kind() == Kind.RATE && hiddenComplement < settings.minCount();
    }

    private static List<String> candidate(Table table, DisclosureSettings settings, Protection p, Group g) {
        List<Cell> open = new ArrayList<>();
        for (List<String> child : g.children()) if (!p.isSuppressed(child)) open.add(table.cell(child));
        if (open.isEmpty()) return p.isSuppressed(g.parent()) ? null : g.parent();
        open.sort(Comparator.comparing((Cell c) -> !safeToHide(table, settings, c))
                .thenComparingLong(Cell::denominator)
                .thenComparingLong(Cell::numerator)
                .thenComparing(c -> String.join("\u0000", c.key())));
        return open.get(0).key();
    }

    /** A partner that adds at least minCount hidden people on both sides of a rate. */
    private static boolean safeToHide(Table table, DisclosureSettings settings, Cell c) {
        if (table.kind() == Kind.COUNT) return c.numerator() - 1 >= settings.minCount();
        return c.numerator() >= settings.minCount() && c.complement() >= settings.minCount();
    }
}
