package org.lmobservatory.disclosure;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Optimises linear objectives over one {@link ModelComponent} with ojAlgo, as an LP (relaxation) or a MIP, and checks
 * which solutions are genuine integer points. Points and objectives are indexed by the component's own variable
 * positions ("local" indices), so a component's arrays are as small as the component.
 */
final class ComponentSolver {
    /** A solver point within this distance of an integer is taken as that integer (then checked exactly). */
    private static final double INTEGRALITY = 1e-6;

    /** A solution: {@code optimal} says whether the objective value is proven best (else it is only feasible). */
    record Solution(boolean optimal, double[] point) {
    }

    static {
        // ojAlgo 55.2's presolve turns a constraint like 2x ∈ [0, 1] into the fractional bound x ≤ 0.5 and its integer
        // solver then calls feasible models (x = 0) infeasible. Without presolve MIPs are right and LPs no slower.
        // The presolver list is global to ojAlgo; nothing else in this application uses ojAlgo.
        ExpressionsBasedModel.clearPresolvers();
    }

    private final AttackerModel model;
    private final ModelComponent component;
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
        ExpressionsBasedModel m = build(weights, integer);
        Optimisation.Result result = maximise ? m.maximise() : m.minimise();
        if (integer) mipSolves++;
        else lpSolves++;
        Optimisation.State state = result.getState();
        if (state == Optimisation.State.INFEASIBLE) {
            throw new IllegalStateException("attacker model is infeasible in the component of " + describe()
                    + ": the true values must satisfy every constraint, so a constraint or bound was built wrong");
        }
        if (!state.isFeasible()) {
            if (integer) return null;
            throw new IllegalStateException("LP solver failed (" + state + ") in the component of " + describe());
        }
        double[] point = new double[size()];
        for (int i = 0; i < point.length; i++) point[i] = result.doubleValue(i);
        return new Solution(state.isOptimal(), point);
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

    private ExpressionsBasedModel build(double[] weights, boolean integer) {
        // A fresh model per solve: ojAlgo's presolve edits the model it runs on, so a reused one would carry over
        // fixings from a previous objective. Building is well under a millisecond next to the solve.
        ExpressionsBasedModel m = new ExpressionsBasedModel();
        int[] vars = component.variables();
        Variable[] x = new Variable[vars.length];
        for (int i = 0; i < vars.length; i++) {
            x[i] = m.addVariable(model.name(vars[i]))
                    .lower(BigDecimal.valueOf(model.lower(vars[i])))
                    .upper(BigDecimal.valueOf(model.upper(vars[i])));
            if (integer) x[i].integer(true);
            if (weights[i] != 0) x[i].weight(weights[i]);
        }
        for (int r : component.constraints()) {
            Expression e = m.addExpression("c" + r);
            for (int p = model.rowStart(r); p < model.rowEnd(r); p++) e.set(x[local(model.term(p))], model.coefficient(p));
            if (model.rowLower(r) != Double.NEGATIVE_INFINITY) e.lower(model.rowLower(r));
            if (model.rowUpper(r) != Double.POSITIVE_INFINITY) e.upper(model.rowUpper(r));
        }
        return m;
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
