package org.lmobservatory.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The attacker's linear-programming audit (as tau-ARGUS's audit or sdcTable's attack()): for every target, how
 * narrowly the attacker's knowledge pins it down, and whether that is narrower than its protection levels.
 * Independent parts of the model are solved separately and in parallel; results do not depend on the scheduling.
 */
public final class IntervalAuditor {
    private IntervalAuditor() {
    }

    /**
     * The targets whose integer feasible interval does not reach their protection levels.
     *
     * @throws IllegalStateException if the model has no solution: the true values always are one, so the caller built
     *                               a constraint or bound they violate
     */
    public static AuditResult audit(AttackerModel model, List<Target> targets) {
        return audit(model, targets, true);
    }

    /**
     * As {@link #audit(AttackerModel, List)}; with exactFailures false (the fast mode of the suppression loop) a failure
     * carries only the bound that failed (the other side shows its requirement), and no integer program is solved: the
     * LP relaxation decides, as in tau-ARGUS's audit (an integral point still certifies as usual).
     */
    public static AuditResult audit(AttackerModel model, List<Target> targets, boolean exactFailures) {
        long start = System.nanoTime();
        List<ComponentAudit.Outcome> outcomes = ModelComponents.split(model, targets).parallelStream()
                .map(c -> new ComponentAudit(model, c, targets).audit(exactFailures))
                .toList();
        List<IndexedFinding> failures = new ArrayList<>();
        double margin = Double.POSITIVE_INFINITY;
        int lp = 0;
        int mip = 0;
        for (ComponentAudit.Outcome o : outcomes) {
            for (int i = 0; i < o.failures().size(); i++) failures.add(new IndexedFinding(o.failedTargets().get(i), o.failures().get(i)));
            margin = Math.min(margin, o.smallestMargin());
            lp += o.lpSolves();
            mip += o.mipSolves();
        }
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            if (t.expression().size() == 0 && !t.isProtectedBy(0, 0)) failures.add(new IndexedFinding(i, new Finding(t, 0, 0)));
        }
        failures.sort(Comparator.comparingInt(IndexedFinding::index));
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        return new AuditResult(targets.size(), failures.stream().map(IndexedFinding::finding).toList(), lp, mip, elapsed, margin);
    }

    /** The exact integer interval [min, max] of every target, in the order given (two or more solves per target). */
    public static List<Finding> intervals(AttackerModel model, List<Target> targets) {
        Finding[] out = new Finding[targets.size()];
        for (int i = 0; i < targets.size(); i++) if (targets.get(i).expression().size() == 0) out[i] = new Finding(targets.get(i), 0, 0);
        List<ModelComponent> components = ModelComponents.split(model, targets);
        List<List<Finding>> perComponent = components.parallelStream()
                .map(c -> new ComponentAudit(model, c, targets).intervals())
                .toList();
        for (int c = 0; c < components.size(); c++) {
            int[] indices = components.get(c).targets();
            for (int k = 0; k < indices.length; k++) out[indices[k]] = perComponent.get(c).get(k);
        }
        return List.of(out);
    }

    /**
     * What pins a target's maximum (or minimum): the model's variables at an active bound and its binding constraints at
     * the LP optimum. Suppression loops use it to hide exactly the published values that narrow a range.
     */
    public static Pins pins(AttackerModel model, Target target, boolean maximum) {
        for (ModelComponent c : ModelComponents.split(model, java.util.List.of(target))) {
            if (c.targets().length == 0) continue;
            ComponentSolver solver = new ComponentSolver(model, c);
            try {
                return solver.pins(solver.objective(target.expression()), maximum);
            } finally {
                solver.close();
            }
        }
        return new Pins(new int[0], new int[0]);
    }

    private record IndexedFinding(int index, Finding finding) {
    }
}
