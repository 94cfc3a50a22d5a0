package org.lmobservatory.graduates;

import org.lmobservatory.graduates.BlockModel.Target;
import org.lmobservatory.graduates.LinearProgram.Solution;
import org.lmobservatory.graduates.LinearProgram.Status;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.lmobservatory.graduates.LinearProgram.INF;

/**
 * The linear-programming attacker at the API, independent of the publisher's auditor: for every block of a downloaded
 * release it builds {@link BlockModel} from the documented rules and asks, for every suppressed quantity (the count of
 * a hidden TRACKED, the numerator and complement of a hidden rate), whether its feasible range reaches the protection
 * the README promises around the true value t: width w (metadata {@code protectionWidth}), at least min(⌊w/2⌋, t)
 * below t and the rest above (as ProtectionLevel defines it; not reused here).
 *
 * <p>The attacker's range is the LP range rounded inwards to integers (counts are integers, so an LP maximum of 41.6
 * means at most 41): a goal "reach t + a" is missed when ⌊LP max⌋ < t + a. Every LP optimum is also a point that
 * certifies the other open goals it reaches, so most goals need no LP of their own. A solve that is not proven optimal
 * (time limit, numerical trouble) is counted as undecided, never as passed or failed.
 */
final class PublishedTablesAttack {
    private static final double EPS = 1e-6;
    private static final double SECONDS_PER_SOLVE = 20;

    /** A suppressed quantity whose feasible range is narrower than required. */
    record Failure(String target, long truth, long below, long above, double lpMin, double lpMax) {
        long min() {
            return lpMin == -INF ? Long.MIN_VALUE : (long) Math.ceil(lpMin - EPS);
        }

        long max() {
            return lpMax == INF ? Long.MAX_VALUE : (long) Math.floor(lpMax + EPS);
        }

        boolean exact() {
            return min() == max();
        }

        /** Narrow only after rounding the LP bounds to integers (the relaxation alone would reach). */
        boolean byRoundingOnly() {
            return lpMax >= truth + above - EPS && lpMin <= truth - below + EPS;
        }

        @Override
        public String toString() {
            return String.format("%s: truth %d, attacker's range [%d, %d] (LP [%s, %s]), required [≤ %d, ≥ %d]%s%s", target, truth, min(), max(),
                    num(lpMin), num(lpMax), truth - below, truth + above, exact() ? " EXACT" : "", byRoundingOnly() ? " (integer rounding)" : "");
        }
    }

    record Result(String dataset, int rows, int suppressedRows, int blocks, int targets, List<Failure> failures, List<String> undecided,
                  List<String> truthViolations, long lpSolves, long millis) {
        long exact() {
            return failures.stream().filter(Failure::exact).count();
        }

        @Override
        public String toString() {
            return String.format("%s: %d rows, %d suppressed, %d blocks, %d hidden quantities, %d below protection (%d exact), %d undecided, "
                            + "%d truth violations, %d LPs, %.1f s", dataset, rows, suppressedRows, blocks, targets, failures.size(), exact(),
                    undecided.size(), truthViolations.size(), lpSolves, millis / 1000.0);
        }
    }

    /** Move the target `need` away from its truth in `direction` (+1 up, −1 down). */
    private record Goal(Target target, int direction, long need) {
        double gain(double[] x) {
            return direction * (target.lin().at(x) - target.truth());
        }
    }

    private PublishedTablesAttack() {
    }

    static String num(double v) {
        return v == INF ? "∞" : v == -INF ? "−∞" : Math.abs(v - Math.rint(v)) < 1e-6 ? Long.toString(Math.round(v)) : String.format("%.3f", v);
    }

    static BlockModel.Shape shape(PublishedTables t, String block) {
        String[] b = block.split("\\|");
        return new BlockModel.Shape(b[0], b[1], b[2], t.areaParents, t.fields);
    }

    static Result attack(PublishedTables tables, Map<String, long[]> cube) {
        long started = System.currentTimeMillis();
        int targets = 0;
        long solves = 0;
        List<Failure> failures = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        List<String> truthViolations = new ArrayList<>();
        String name = "release " + (tables.release == null ? "current" : tables.release);
        for (Map.Entry<String, Map<String, Map<String, PublishedTables.Value>>> b : tables.blocks.entrySet()) {
            Map<String, Map<String, PublishedTables.Value>> rows = b.getValue();
            BlockModel model = new BlockModel(shape(tables, b.getKey()), tables.rules,
                    List.of(new BlockModel.Release(rows, BlockModel.Shift.NONE, name)), cube);
            List<String> wrong = model.truthViolations();
            truthViolations.addAll(wrong);
            if (!wrong.isEmpty()) continue;
            List<Target> ts = model.targets(rows);
            targets += ts.size();
            try (LinearProgram.Session session = model.lp.session(SECONDS_PER_SOLVE)) {
                attackBlock(model, session, ts, tables.rules.protectionWidth(), failures, undecided);
                solves += session.solves;
            }
        }
        return new Result(tables.datasetId + (tables.release == null ? "" : " release " + tables.release), tables.rowCount, tables.suppressedRows(),
                tables.blocks.size(), targets, failures, undecided, truthViolations, solves, System.currentTimeMillis() - started);
    }

    /** Below / above the truth the range must reach, for protection width w (README, "Protection levels"). */
    static long below(long truth, int width) {
        return Math.min(width / 2, truth);
    }

    private static void attackBlock(BlockModel model, LinearProgram.Session session, List<Target> targets, int width,
                                     List<Failure> failures, List<String> undecided) {
        List<Goal> open = new ArrayList<>();
        for (Target t : targets) {
            long below = below(t.truth(), width);
            open.add(new Goal(t, 1, width - below));
            if (below > 0) open.add(new Goal(t, -1, below));
        }
        List<Target> failed = new ArrayList<>();
        while (!open.isEmpty()) {
            Goal g = open.remove(0);
            Solution s = session.optimise(g.target().lin(), g.direction() > 0);
            if (s.status() == Status.UNDECIDED || s.status() == Status.INFEASIBLE) {
                // a re-solve from a warm basis can stall, or even claim infeasibility, numerically: once more from scratch
                // before calling it undecided (or the model wrong)
                try (LinearProgram.Session fresh = model.lp.session(SECONDS_PER_SOLVE)) {
                    s = fresh.optimise(g.target().lin(), g.direction() > 0);
                    session.solves++;
                }
            }
            if (s.status() == Status.UNBOUNDED) continue;
            if (s.status() != Status.OPTIMAL) {
                if (s.status() == Status.INFEASIBLE) {
                    throw new AssertionError("the attacker's LP of " + g.target().label() + " is infeasible although the truth satisfies it: "
                            + model.lp.contradiction());
                }
                undecided.add(g.target().label() + (g.direction() > 0 ? " max" : " min") + ": " + s.solverStatus());
                continue;
            }
            if (!model.lp.violations(s.x(), 1e-5).isEmpty()) {
                undecided.add(g.target().label() + ": GLOP's optimum breaks " + model.lp.violations(s.x(), 1e-5).get(0));
                continue;
            }
            // every point of the LP certifies the goals it reaches (need is an integer, so gain ≥ need suffices)
            for (Iterator<Goal> it = open.iterator(); it.hasNext(); ) {
                Goal o = it.next();
                if (o.gain(s.x()) >= o.need() - EPS) it.remove();
            }
            double best = Math.floor(g.gain(s.x()) + EPS);
            if (best < g.need() && !failed.contains(g.target())) failed.add(g.target());
        }
        for (Target t : failed) {
            Solution max = session.optimise(t.lin(), true), min = session.optimise(t.lin(), false);
            double hi = max.status() == Status.UNBOUNDED ? INF : max.value(), lo = min.status() == Status.UNBOUNDED ? -INF : min.value();
            long below = below(t.truth(), width);
            failures.add(new Failure(t.label(), t.truth(), below, width - below, lo, hi));
        }
    }
}
