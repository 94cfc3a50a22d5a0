package org.lmobservatory.disclosure;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Random small models, small enough to enumerate every integer point: the auditor's intervals must be the exact
 * integer intervals, and its verdicts must agree with them.
 */
class IntervalAuditorPropertyTest {
    private record Constraint(int[] vars, double[] coefs, Double lower, Double upper) {
    }

    private record RandomModel(AttackerModel model, List<Constraint> constraints, List<Target> targets) {
    }

    @Test
    void intervalsAreTheExactIntegerIntervalsAndTheAuditAgreesWithThem() {
        Random rnd = new Random(20240611);
        for (int trial = 0; trial < 60; trial++) {
            RandomModel r = randomModel(rnd);
            String context = "model " + trial;

            List<Finding> intervals = IntervalAuditor.intervals(r.model(), r.targets());
            AuditResult audit = IntervalAuditor.audit(r.model(), r.targets());

            List<Finding> expectedFailures = new ArrayList<>();
            for (int t = 0; t < r.targets().size(); t++) {
                double[] exact = bruteForce(r, r.targets().get(t).expression());
                assertEquals(exact[0], intervals.get(t).min(), 1e-9, context + " min of " + r.targets().get(t).name());
                assertEquals(exact[1], intervals.get(t).max(), 1e-9, context + " max of " + r.targets().get(t).name());
                if (intervals.get(t).belowProtection()) expectedFailures.add(intervals.get(t));
            }
            assertEquals(expectedFailures, audit.failures(), context);
        }
    }

    private static RandomModel randomModel(Random rnd) {
        AttackerModel m = new AttackerModel();
        int n = 2 + rnd.nextInt(4);
        long[] truth = new long[n];
        for (int v = 0; v < n; v++) {
            long lo = rnd.nextInt(2);
            long hi = lo + 1 + rnd.nextInt(5);
            m.variable("v" + v, lo, hi);
            truth[v] = lo + rnd.nextInt((int) (hi - lo + 1));
        }
        List<Constraint> constraints = new ArrayList<>();
        int count = 1 + rnd.nextInt(3);
        for (int c = 0; c < count; c++) {
            int terms = 1 + rnd.nextInt(Math.min(3, n));
            int[] vars = new int[terms];
            double[] coefs = new double[terms];
            double atTruth = 0;
            for (int i = 0; i < terms; i++) {
                vars[i] = rnd.nextInt(n);
                // Halves and odd multiples make LP vertices fractional, which is what the MIP step is for.
                coefs[i] = (rnd.nextInt(7) - 3) * (rnd.nextBoolean() ? 1 : 0.5);
                if (coefs[i] == 0) coefs[i] = 1;
                atTruth += coefs[i] * truth[vars[i]];
            }
            double slack = rnd.nextInt(3) * 0.5;
            Double lower = rnd.nextInt(3) == 0 ? null : atTruth - slack;
            Double upper = lower != null && rnd.nextBoolean() ? null : atTruth + slack;
            Constraint k = new Constraint(vars, coefs, lower, upper);
            constraints.add(k);
            m.constrain(LinearExpression.of(vars, coefs), lower, upper);
        }
        List<Target> targets = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            targets.add(new Target("v" + v, LinearExpression.variable(v), truth[v], rnd.nextInt(3), rnd.nextInt(3)));
        }
        if (n > 2) {
            LinearExpression diff = LinearExpression.difference(0, 1).plus(2, 2);
            targets.add(new Target("v0-v1+2v2", diff, truth[0] - truth[1] + 2 * truth[2], rnd.nextInt(3), rnd.nextInt(3)));
        }
        return new RandomModel(m, constraints, targets);
    }

    /** [min, max] of the expression over every integer point of the model. */
    private static double[] bruteForce(RandomModel r, LinearExpression e) {
        AttackerModel m = r.model();
        int n = m.variableCount();
        double[] x = new double[n];
        double[] best = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        enumerate(r, e, 0, x, best);
        return best;
    }

    private static void enumerate(RandomModel r, LinearExpression e, int v, double[] x, double[] best) {
        AttackerModel m = r.model();
        if (v == m.variableCount()) {
            for (Constraint c : r.constraints()) {
                double s = 0;
                for (int i = 0; i < c.vars().length; i++) s += c.coefs()[i] * x[c.vars()[i]];
                if (c.lower() != null && s < c.lower() - 1e-9 || c.upper() != null && s > c.upper() + 1e-9) return;
            }
            double value = e.valueAt(x);
            best[0] = Math.min(best[0], value);
            best[1] = Math.max(best[1], value);
            return;
        }
        for (long value = m.lower(v); value <= m.upper(v); value++) {
            x[v] = value;
            enumerate(r, e, v + 1, x, best);
        }
    }
}
