package org.lmobservatory.disclosure;

import java.util.ArrayList;
import java.util.List;

/**
 * Audits the targets of one {@link ModelComponent}. Each target has two sides to certify (the attacker's maximum
 * reaches truth + upperProtection, the minimum reaches truth − lowerProtection); a side is certified only by an
 * integer point that satisfies the whole model, so a certified target is protected for integer quantities.
 * <ol>
 *   <li>Witness rounds: an LP pushing all pending targets up together (then down) usually lands on a point that
 *       certifies most of them at once; repeat with those left.</li>
 *   <li>The rest one by one: the LP optimum bounds the integer optimum, so an LP that falls short (after rounding
 *       down to an integer) proves failure; an integral LP optimum certifies; otherwise a MIP decides.</li>
 * </ol>
 */
final class ComponentAudit {
    /** Failures carry their index in the caller's target list so results can be merged in a fixed order. */
    record Outcome(List<Integer> failedTargets, List<Finding> failures, double smallestMargin, int lpSolves, int mipSolves) {
    }

    private static final int WITNESS_ROUNDS = 4;
    private static final double EPSILON = 1e-6;

    private final ComponentSolver solver;
    private final List<Target> targets;
    private final int[] targetIndices;
    private final boolean[][] pending; // [side: 0 max, 1 min][component target]
    private final boolean[] failed;
    /** For a failed target, what the failing side reached (the other side unknown: its requirement is shown instead). */
    private final Finding[] bounds;
    /** Without them (the fast mode of suppression loops) the LP relaxation decides every side, as tau-ARGUS's audit does. */
    private boolean integerPrograms = true;
    private double smallestMargin = Double.POSITIVE_INFINITY;

    ComponentAudit(AttackerModel model, ModelComponent component, List<Target> allTargets) {
        this.solver = new ComponentSolver(model, component);
        this.targetIndices = component.targets();
        this.targets = new ArrayList<>(targetIndices.length);
        for (int i : targetIndices) targets.add(allTargets.get(i));
        this.pending = new boolean[2][targets.size()];
        this.failed = new boolean[targets.size()];
        this.bounds = new Finding[targets.size()];
        for (int k = 0; k < targets.size(); k++) {
            // A side with no protection is met by the true values themselves.
            pending[0][k] = targets.get(k).upperProtection() > 0;
            pending[1][k] = targets.get(k).lowerProtection() > 0;
        }
    }

    Outcome audit(boolean exactFailures) {
        this.integerPrograms = exactFailures;
        try {
            return audited(exactFailures);
        } finally {
            solver.close();
        }
    }

    private Outcome audited(boolean exactFailures) {
        for (int side = 0; side < 2; side++) witnessRounds(side);
        for (int k = 0; k < targets.size(); k++) {
            for (int side = 0; side < 2; side++) if (pending[side][k]) decide(k, side);
        }
        List<Integer> failedTargets = new ArrayList<>();
        List<Finding> failures = new ArrayList<>();
        for (int k = 0; k < targets.size(); k++) {
            if (!failed[k]) continue;
            failedTargets.add(targetIndices[k]);
            failures.add(exactFailures ? interval(k) : bounds[k]);
        }
        return new Outcome(failedTargets, failures, smallestMargin, solver.lpSolves(), solver.mipSolves());
    }

    /** The attacker's integer interval of every target (two exact optimisations each), for reports and tests. */
    List<Finding> intervals() {
        try {
            List<Finding> out = new ArrayList<>(targets.size());
            for (int k = 0; k < targets.size(); k++) out.add(interval(k));
            return out;
        } finally {
            solver.close();
        }
    }

    int lpSolves() {
        return solver.lpSolves();
    }

    int mipSolves() {
        return solver.mipSolves();
    }

    private void witnessRounds(int side) {
        for (int round = 0; round < WITNESS_ROUNDS; round++) {
            double[] weights = new double[solver.size()];
            boolean any = false;
            for (int k = 0; k < targets.size(); k++) {
                if (!pending[side][k]) continue;
                solver.addTo(weights, targets.get(k).expression(), 1);
                any = true;
            }
            if (!any) return;
            ComponentSolver.Solution s = solver.solve(weights, side == 0, false);
            if (certifyWith(s.point()) + certifyClearly(s.point()) == 0) return;
        }
    }

    private void decide(int k, int side) {
        Target t = targets.get(k);
        double[] objective = solver.objective(t.expression());
        ComponentSolver.Solution lp = solver.solve(objective, side == 0, false);
        if (lp.optimal()) {
            // The expression is integral at integer points, so the integer optimum is the LP optimum rounded inwards.
            double bound = integerBound(solver.valueAt(t.expression(), lp.point()), side);
            if (slack(t, side, bound) < 0) {
                fail(k, slack(t, side, bound));
                bounds[k] = side == 0 ? new Finding(t, t.lowerRequirement(), bound) : new Finding(t, bound, t.upperRequirement());
                return;
            }
        }
        certifyWith(lp.point());
        if (!pending[side][k]) return;
        double lpSlack = solver.valueAt(t.expression(), lp.point());
        if (!integerPrograms && lp.optimal() && slack(t, side, lpSlack) >= -EPSILON) {
            // The fast mode of the suppression loop: the LP relaxation decides, as tau-ARGUS's audit does.
            pending[side][k] = false;
            smallestMargin = Math.min(smallestMargin, slack(t, side, solver.valueAt(t.expression(), lp.point())));
            return;
        }
        ComponentSolver.Solution mip = integerPrograms ? solver.solve(objective, side == 0, true) : null;
        double[] point = mip == null ? null : solver.integerPoint(mip.point());
        if (point != null && slack(t, side, solver.valueAt(t.expression(), point)) >= -EPSILON) {
            certifyWith(point);
            return;
        }
        // No integer point reaches the requirement (or the MIP could not show one): never certify on hope.
        fail(k, point == null ? Double.NEGATIVE_INFINITY : slack(t, side, solver.valueAt(t.expression(), point)));
        double reached = point == null ? (side == 0 ? t.truth() : t.truth()) : solver.valueAt(t.expression(), point);
        bounds[k] = side == 0 ? new Finding(t, t.lowerRequirement(), reached) : new Finding(t, reached, t.upperRequirement());
    }

    /** Certifies every pending side that the point reaches, if it is a genuine integer point. */
    private int certifyWith(double[] point) {
        double[] integral = solver.integerPoint(point);
        return integral == null ? 0 : certifyAt(integral);
    }

    /** In the fast mode only: certifies every pending side that a (possibly fractional) LP point reaches. */
    private int certifyClearly(double[] point) {
        return integerPrograms ? 0 : certifyAt(point);
    }

    private int certifyAt(double[] point) {
        int certified = 0;
        for (int k = 0; k < targets.size(); k++) {
            for (int side = 0; side < 2; side++) {
                if (!pending[side][k]) continue;
                double slack = slack(targets.get(k), side, solver.valueAt(targets.get(k).expression(), point));
                if (slack >= -EPSILON) {
                    pending[side][k] = false;
                    smallestMargin = Math.min(smallestMargin, slack);
                    certified++;
                }
            }
        }
        return certified;
    }

    private void fail(int k, double slack) {
        failed[k] = true;
        pending[0][k] = false;
        pending[1][k] = false;
        smallestMargin = Math.min(smallestMargin, slack);
    }

    private Finding interval(int k) {
        return new Finding(targets.get(k), optimum(k, 1), optimum(k, 0));
    }

    /** The integer optimum of one target on one side: an integral LP optimum is one, otherwise a MIP finds it. */
    private double optimum(int k, int side) {
        LinearExpression e = targets.get(k).expression();
        double[] objective = solver.objective(e);
        ComponentSolver.Solution lp = solver.solve(objective, side == 0, false);
        double lpValue = solver.valueAt(e, lp.point());
        double[] integral = solver.integerPoint(lp.point());
        if (lp.optimal() && integral != null) return solver.valueAt(e, integral);
        ComponentSolver.Solution mip = solver.solve(objective, side == 0, true);
        double[] point = mip == null ? null : solver.integerPoint(mip.point());
        if (mip != null && mip.optimal() && point != null) return solver.valueAt(e, point);
        // The MIP gave no proven optimum: report the LP bound, which can only overstate the attacker's interval.
        return integerBound(lpValue, side);
    }

    private static double integerBound(double lpValue, int side) {
        return side == 0 ? Math.floor(lpValue + EPSILON) : Math.ceil(lpValue - EPSILON);
    }

    /** How far a value of the expression goes beyond what the side requires (negative: short of it). */
    private static double slack(Target t, int side, double value) {
        return side == 0 ? value - t.upperRequirement() : t.lowerRequirement() - value;
    }
}
