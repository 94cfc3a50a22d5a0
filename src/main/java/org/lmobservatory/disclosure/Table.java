package org.lmobservatory.disclosure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table of cells over named dimensions, each with its hierarchy. Only cells with people in them are present:
 * a missing cell is a known zero, exactly as a reader of the published table sees it.
 */
public final class Table {
    private final Kind kind;
    private final List<String> dimensions;
    private final List<Hierarchy> hierarchies;
    private final Map<List<String>, Cell> cells = new LinkedHashMap<>();
    private List<Group> groups;
    private Map<List<String>, List<Group>> groupsByMember;

    public Table(Kind kind, List<String> dimensions, List<Hierarchy> hierarchies) {
        if (dimensions.size() != hierarchies.size()) throw new IllegalArgumentException("one hierarchy per dimension");
        this.kind = kind;
        this.dimensions = List.copyOf(dimensions);
        this.hierarchies = List.copyOf(hierarchies);
    }

    public Table add(Cell cell) {
        if (cell.key().size() != dimensions.size()) throw new IllegalArgumentException("cell " + cell.key() + " needs " + dimensions.size() + " codes");
        if (cells.putIfAbsent(cell.key(), cell) != null) throw new IllegalArgumentException("cell " + cell.key() + " added twice");
        groups = null;
        groupsByMember = null;
        return this;
    }

    public Kind kind() {
        return kind;
    }

    public List<String> dimensions() {
        return dimensions;
    }

    public List<Hierarchy> hierarchies() {
        return hierarchies;
    }

    public Cell cell(List<String> key) {
        return cells.get(key);
    }

    public Collection<Cell> cells() {
        return cells.values();
    }

    /** A copy of this table's structure with other values per cell (the same keys), e.g. complements. */
    public Table map(java.util.function.UnaryOperator<Cell> f) {
        Table t = new Table(kind, dimensions, hierarchies);
        for (Cell c : cells.values()) t.add(f.apply(c));
        return t;
    }

    /** Every parent-with-children relation in the table, along every hierarchical dimension, in a stable order. */
    public List<Group> groups() {
        if (groups != null) return groups;
        List<Group> out = new ArrayList<>();
        for (int d = 0; d < dimensions.size(); d++) {
            Hierarchy h = hierarchies.get(d);
            if (h.parents().isEmpty()) continue;
            Map<List<String>, List<List<String>>> children = new LinkedHashMap<>();
            for (List<String> key : cells.keySet()) {
                String parentCode = h.parentOf(key.get(d));
                if (parentCode == null) continue;
                List<String> parentKey = new ArrayList<>(key);
                parentKey.set(d, parentCode);
                children.computeIfAbsent(List.copyOf(parentKey), k -> new ArrayList<>()).add(key);
            }
            for (Map.Entry<List<String>, List<List<String>>> e : children.entrySet()) {
                // A child without its parent cell is not a relation a reader can use (and cannot happen in a complete table).
                if (cells.containsKey(e.getKey())) out.add(new Group(d, e.getKey(), List.copyOf(e.getValue())));
            }
        }
        groups = List.copyOf(out);
        return groups;
    }

    /** The groups a cell is a member of (as parent or child). */
    public List<Group> groupsOf(List<String> key) {
        if (groupsByMember == null) {
            Map<List<String>, List<Group>> index = new java.util.HashMap<>();
            for (Group g : groups()) for (List<String> m : g.members()) index.computeIfAbsent(m, k -> new ArrayList<>()).add(g);
            groupsByMember = index;
        }
        return groupsByMember.getOrDefault(key, List.of());
    }
}
