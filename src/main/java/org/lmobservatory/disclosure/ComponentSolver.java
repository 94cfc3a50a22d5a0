package org.lmobservatory.disclosure;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import java.util.Arrays;

/**
 * Optimises linear objectives over one {@link ModelComponent} with OR-Tools: GLOP for the LP relaxation (one solver
 * per component, kept between objectives so each solve starts from the last basis) and SCIP for the integer programs.
 * Points and objectives are indexed by the component's own variable positions ("local" indices), so a component's
 * arrays are as small as the component.
 *
 * <p>Why OR-Tools and not a pure-Java solver: ojAlgo 55.2 took 150–250 ms per LP of a release block (~1,000
 * variables), about 45 minutes per release; GLOP re-solves the same block in ~15 ms. Its native library ships inside
 * the Maven artifact for linux-x86-64 (the platform of the Dockerfile; see README to add others).
 */
final class ComponentSolver {
    /** A solver point within this distance of an integer is taken as that integer (then checked exactly). */
    private static final double INTEGRALITY = 1e-6;

    /** A solution: {@code optimal} says whether the objective value is proven best (else it is only feasible). */
    record Solution(boolean optimal, double[] point) {
    }

    static {
        Loader.loadNativeLibraries();
    }

    private final AttackerModel model;
    private final ModelComponent component;
    private MPSolver lp;
    private MPVariable[] lpVariables;
    private MPConstraint[] lpConstraints;
    private int lpSolves;
    private int mipSolves;

    ComponentSolver(AttackerModel model, ModelComponent component) {
        this.model = model;
        this.component = component;
    }

    int size() {
        return component.variables().length;
    }

    /** The target's expression over local indices, as a dense objective. */
    double[] objective(LinearExpression e) {
        double[] weights = new double[size()];
        addTo(weights, e, 1);
        return weights;
    }

    void addTo(double[] weights, LinearExpression e, double factor) {
        for (int i = 0; i < e.size(); i++) weights[local(e.variableAt(i))] += factor * e.coefficientAt(i);
    }

    double valueAt(LinearExpression e, double[] localPoint) {
        double sum = 0;
        for (int i = 0; i < e.size(); i++) sum += e.coefficientAt(i) * localPoint[local(e.variableAt(i))];
        return sum;
    }

    /**
     * Maximises (or minimises) Σ weights·x. As an LP a non-optimal answer is an error; as a MIP it yields null when no
     * integer point was found (the caller then cannot certify anything with it).
     */
    Solution solve(double[] weights, boolean maximise, boolean integer) {
        MPSolver solver;
        MPVariable[] x;
        if (integer) {
            solver = MPSolver.createSolver("SCIP");
            x = build(solver, true);
            mipSolves++;
        } else {
            if (lp == null) {
                lp = MPSolver.createSolver("GLOP");
                lpVariables = build(lp, false);
                lpConstraints = lp.constraints();
            }
            solver = lp;
            x = lpVariables;
            lpSolves++;
        }
        try {
            MPObjective objective = solver.objective();
            objective.clear();
            for (int i = 0; i < weights.length; i++) if (weights[i] != 0) objective.setCoefficient(x[i], weights[i]);
            objective.setOptimizationDirection(maximise);
            MPSolver.ResultStatus status = solver.solve();
            if (status == MPSolver.ResultStatus.INFEASIBLE) {
                throw new IllegalStateException("attacker model is infeasible in the component of " + describe()
                        + ": the true values must satisfy every constraint, so a constraint or bound was built wrong");
            }
            boolean optimal = status == MPSolver.ResultStatus.OPTIMAL;
            if (!optimal && status != MPSolver.ResultStatus.FEASIBLE) {
                if (integer) return null;
                throw new IllegalStateException("LP solver failed (" + status + ") in the component of " + describe());
            }
            double[] point = new double[size()];
            for (int i = 0; i < point.length; i++) point[i] = x[i].solutionValue();
            return new Solution(optimal, point);
        } finally {
            if (integer) solver.delete();
        }
    }

    /**
     * What holds a target at its LP optimum: the variables whose bound is active and the constraints that bind (non-zero
     * reduced cost or dual value), as global indices. Loosening any of them — hiding the value behind it — widens the
     * target's range.
     */
    Pins pins(double[] weights, boolean maximise) {
        solve(weights, maximise, false);
        int[] vars = component.variables();
        java.util.List<Integer> pinnedVariables = new java.util.ArrayList<>();
        for (int i = 0; i < vars.length; i++) if (Math.abs(lpVariables[i].reducedCost()) > 1e-9) pinnedVariables.add(vars[i]);
        java.util.List<Integer> pinnedRows = new java.util.ArrayList<>();
        for (int k = 0; k < lpConstraints.length; k++) if (Math.abs(lpConstraints[k].dualValue()) > 1e-9) pinnedRows.add(component.constraints()[k]);
        return new Pins(pinnedVariables.stream().mapToInt(Integer::intValue).toArray(), pinnedRows.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Frees the native solver; the component is done. */
    void close() {
        if (lp != null) lp.delete();
        lp = null;
    }

    /**
     * The point rounded to integers if it is (numerically) integral and then satisfies every bound and constraint,
     * else null. Only such points may certify protection: the attacker's quantities are integers.
     */
    double[] integerPoint(double[] point) {
        double[] rounded = new double[point.length];
        int[] vars = component.variables();
        for (int i = 0; i < point.length; i++) {
            rounded[i] = Math.rint(point[i]);
            if (Math.abs(rounded[i] - point[i]) > INTEGRALITY) return null;
            if (rounded[i] < model.lower(vars[i]) || rounded[i] > model.upper(vars[i])) return null;
        }
        for (int r : component.constraints()) {
            double sum = 0;
            double scale = 1;
            for (int p = model.rowStart(r); p < model.rowEnd(r); p++) {
                double term = model.coefficient(p) * rounded[local(model.term(p))];
                sum += term;
                scale += Math.abs(term);
            }
            // Only floating-point error of the exact sum is forgiven, nothing a solver tolerance would allow.
            double tolerance = 1e-12 * scale;
            if (sum < model.rowLower(r) - tolerance || sum > model.rowUpper(r) + tolerance) return null;
        }
        return rounded;
    }

    int lpSolves() {
        return lpSolves;
    }

    int mipSolves() {
        return mipSolves;
    }

    private MPVariable[] build(MPSolver solver, boolean integer) {
        int[] vars = component.variables();
        MPVariable[] x = new MPVariable[vars.length];
        for (int i = 0; i < vars.length; i++) x[i] = solver.makeVar(model.lower(vars[i]), model.upper(vars[i]), integer, "x" + i);
        for (int r : component.constraints()) {
            double lo = model.rowLower(r) == Double.NEGATIVE_INFINITY ? -MPSolver.infinity() : model.rowLower(r);
            double hi = model.rowUpper(r) == Double.POSITIVE_INFINITY ? MPSolver.infinity() : model.rowUpper(r);
            MPConstraint c = solver.makeConstraint(lo, hi);
            for (int p = model.rowStart(r); p < model.rowEnd(r); p++) c.setCoefficient(x[local(model.term(p))], model.coefficient(p));
        }
        return x;
    }

    private int local(int variable) {
        return Arrays.binarySearch(component.variables(), variable);
    }

    private String describe() {
        int[] vars = component.variables();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(3, vars.length); i++) s.append(i == 0 ? "" : ", ").append(model.name(vars[i]));
        return s + (vars.length > 3 ? " and " + (vars.length - 3) + " more" : "");
    }
}
