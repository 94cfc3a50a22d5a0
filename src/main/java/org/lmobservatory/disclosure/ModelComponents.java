package org.lmobservatory.disclosure;

import java.util.ArrayList;
import java.util.List;

/** Splits a model into {@link ModelComponent}s with union–find over variables that share a constraint or a target. */
final class ModelComponents {
    private final int[] parent;

    private ModelComponents(int n) {
        parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
    }

    /** The components holding at least one target, in order of their smallest variable. */
    static List<ModelComponent> split(AttackerModel model, List<Target> targets) {
        ModelComponents uf = new ModelComponents(model.variableCount());
        for (int r = 0; r < model.constraintCount(); r++) {
            for (int p = model.rowStart(r) + 1; p < model.rowEnd(r); p++) uf.union(model.term(model.rowStart(r)), model.term(p));
        }
        for (Target t : targets) {
            LinearExpression e = t.expression();
            for (int i = 0; i < e.size(); i++) {
                if (e.variableAt(i) >= model.variableCount()) throw new IllegalArgumentException(t.name() + ": no variable " + e.variableAt(i));
                if (i > 0) uf.union(e.variableAt(0), e.variableAt(i));
            }
        }
        int[] componentOfRoot = new int[model.variableCount()];
        java.util.Arrays.fill(componentOfRoot, -1);
        List<Builder> builders = new ArrayList<>();
        for (int v = 0; v < model.variableCount(); v++) {
            int root = uf.find(v);
            if (componentOfRoot[root] < 0) {
                componentOfRoot[root] = builders.size();
                builders.add(new Builder());
            }
            builders.get(componentOfRoot[root]).variables.add(v);
        }
        for (int r = 0; r < model.constraintCount(); r++) {
            if (model.rowEnd(r) > model.rowStart(r)) builders.get(componentOfRoot[uf.find(model.term(model.rowStart(r)))]).constraints.add(r);
        }
        for (int i = 0; i < targets.size(); i++) {
            LinearExpression e = targets.get(i).expression();
            // A constant target (no variables) has nothing to solve; it goes to no component and is judged on its own.
            if (e.size() > 0) builders.get(componentOfRoot[uf.find(e.variableAt(0))]).targets.add(i);
        }
        List<ModelComponent> out = new ArrayList<>();
        for (Builder b : builders) if (!b.targets.isEmpty()) out.add(b.build());
        return out;
    }

    private int find(int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    private void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        // The smaller root wins, so the partition does not depend on the order of unions.
        if (ra < rb) parent[rb] = ra;
        else if (rb < ra) parent[ra] = rb;
    }

    private static final class Builder {
        final IntList variables = new IntList();
        final IntList constraints = new IntList();
        final IntList targets = new IntList();

        ModelComponent build() {
            return new ModelComponent(variables.toArray(), constraints.toArray(), targets.toArray());
        }
    }

    private static final class IntList {
        private int[] values = new int[8];
        private int size;

        void add(int v) {
            if (size == values.length) values = java.util.Arrays.copyOf(values, 2 * size);
            values[size++] = v;
        }

        boolean isEmpty() {
            return size == 0;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
