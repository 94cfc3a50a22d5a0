package org.lmobservatory.graduates;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The attack tests' own linear program, written apart from the production auditor (which has its own model classes):
 * variables with bounds, labelled constraints lo ≤ Σ a·x + c ≤ hi, a check of any point against every constraint (so
 * the truth, or a solver's answer, is verified without trusting the solver), and OR-Tools GLOP to optimise. One
 * {@link Session} keeps one native solver for many objectives, so GLOP re-solves from the last basis.
 */
final class LinearProgram {
    static final double INF = Double.POSITIVE_INFINITY;
    static final double TOLERANCE = 1e-6;

    static {
        Loader.loadNativeLibraries();
    }

    /** A sparse linear expression Σ coef·x + constant. */
    static final class Lin {
        private final Map<Integer, Double> terms = new HashMap<>();
        private double constant;

        static Lin of(int variable) {
            return new Lin().add(variable, 1);
        }

        static Lin constant(double c) {
            Lin l = new Lin();
            l.constant = c;
            return l;
        }

        Lin add(int variable, double coef) {
            terms.merge(variable, coef, Double::sum);
            return this;
        }

        Lin plus(Lin other, double factor) {
            other.terms.forEach((v, c) -> add(v, c * factor));
            constant += other.constant * factor;
            return this;
        }

        Lin plus(double c) {
            constant += c;
            return this;
        }

        Lin copy() {
            return new Lin().plus(this, 1);
        }

        Lin times(double factor) {
            return new Lin().plus(this, factor);
        }

        double constant() {
            return constant;
        }

        boolean isConstant() {
            return terms.values().stream().allMatch(c -> c == 0);
        }

        double at(double[] x) {
            double s = constant;
            for (Map.Entry<Integer, Double> t : terms.entrySet()) s += t.getValue() * x[t.getKey()];
            return s;
        }
    }

    private record Row(Lin lin, double lo, double hi, String label) {
    }

    /** OPTIMAL: value and point; UNBOUNDED: value ±∞; UNDECIDED: the solver gave no proven optimum (time limit, numerics). */
    enum Status { OPTIMAL, INFEASIBLE, UNBOUNDED, UNDECIDED }

    record Solution(Status status, double value, double[] x, String solverStatus) {
        Solution(Status status, double value, double[] x) {
            this(status, value, x, status.name());
        }

        boolean feasible() {
            return status == Status.OPTIMAL || status == Status.UNBOUNDED;
        }
    }

    private final List<double[]> bounds = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private String contradiction;

    int variable(double lo, double hi) {
        bounds.add(new double[]{lo, hi});
        return bounds.size() - 1;
    }

    int variables() {
        return bounds.size();
    }

    int constraints() {
        return rows.size();
    }

    /** lo ≤ lin ≤ hi. A constraint without variables is checked at once; if it fails, the program is infeasible. */
    void constrain(Lin lin, double lo, double hi, String label) {
        if (lin.isConstant()) {
            if (lin.constant() < lo - TOLERANCE || lin.constant() > hi + TOLERANCE) {
                if (contradiction == null) contradiction = label + ": " + lin.constant() + " not in [" + lo + ", " + hi + "]";
            }
            return;
        }
        rows.add(new Row(lin.copy(), lo, hi, label));
    }

    /** Why the program is infeasible without solving anything, or null. */
    String contradiction() {
        return contradiction;
    }

    /** The constraints (and bounds) that a point breaks, by label. */
    List<String> violations(double[] x, double tolerance) {
        List<String> out = new ArrayList<>();
        if (contradiction != null) out.add(contradiction);
        for (int i = 0; i < bounds.size(); i++) {
            if (x[i] < bounds.get(i)[0] - tolerance || x[i] > bounds.get(i)[1] + tolerance) {
                out.add("bound of x" + i + ": " + x[i] + " not in [" + bounds.get(i)[0] + ", " + bounds.get(i)[1] + "]");
            }
        }
        for (Row r : rows) {
            double v = r.lin().at(x);
            if (v < r.lo() - tolerance || v > r.hi() + tolerance) out.add(r.label() + ": " + v + " not in [" + r.lo() + ", " + r.hi() + "]");
        }
        return out;
    }

    /** One GLOP instance of the program as it is now; later constraints are not seen. Close it when done. */
    Session session(double secondsPerSolve) {
        return new Session(secondsPerSolve);
    }

    final class Session implements AutoCloseable {
        private final MPSolver solver = MPSolver.createSolver("GLOP");
        private final MPVariable[] x;
        long solves;

        private Session(double secondsPerSolve) {
            solver.setTimeLimit((long) (secondsPerSolve * 1000));
            x = new MPVariable[bounds.size()];
            for (int i = 0; i < x.length; i++) x[i] = solver.makeNumVar(finite(bounds.get(i)[0]), finite(bounds.get(i)[1]), "x" + i);
            for (Row r : rows) {
                double c = r.lin().constant();
                MPConstraint row = solver.makeConstraint(finite(r.lo() - c), finite(r.hi() - c));
                r.lin().terms.forEach((v, a) -> { if (a != 0) row.setCoefficient(x[v], a); });
            }
        }

        private static double finite(double v) {
            return v == INF ? MPSolver.infinity() : v == -INF ? -MPSolver.infinity() : v;
        }

        /** Maximises the objective (maximise false: minimises). */
        Solution optimise(Lin objective, boolean maximise) {
            solves++;
            if (contradiction != null) return new Solution(Status.INFEASIBLE, Double.NaN, null);
            MPObjective o = solver.objective();
            o.clear();
            objective.terms.forEach((v, a) -> { if (a != 0) o.setCoefficient(x[v], a); });
            o.setOffset(objective.constant());
            o.setOptimizationDirection(maximise);
            MPSolver.ResultStatus status = solver.solve();
            return switch (status) {
                case OPTIMAL -> {
                    double[] point = new double[x.length];
                    for (int i = 0; i < point.length; i++) point[i] = x[i].solutionValue();
                    yield new Solution(Status.OPTIMAL, objective.at(point), point);
                }
                case INFEASIBLE -> new Solution(Status.INFEASIBLE, Double.NaN, null);
                case UNBOUNDED -> new Solution(Status.UNBOUNDED, maximise ? INF : -INF, null);
                default -> new Solution(Status.UNDECIDED, Double.NaN, null, "GLOP " + status);
            };
        }

        @Override
        public void close() {
            solver.delete();
        }
    }
}
