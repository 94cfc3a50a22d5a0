package org.lmobservatory.disclosure;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntervalAuditorTest {

    private static Target cell(String name, int v, long truth, long lowerProtection, long upperProtection) {
        return new Target(name, LinearExpression.variable(v), truth, lowerProtection, upperProtection);
    }

    private static Finding only(AuditResult result) {
        assertEquals(1, result.failures().size(), result.failures().toString());
        return result.failures().get(0);
    }

    @Test
    void aSingleHiddenChildOfAPublishedTotalIsAnExactDisclosure() {
        AttackerModel m = new AttackerModel();
        int total = m.variable("T", 40, 40);
        int a = m.variable("A", 30, 30);
        int b = m.variable("B", 0, 40);
        m.equal(total, List.of(a, b));

        Finding f = only(IntervalAuditor.audit(m, List.of(cell("B", b, 10, 3, 3))));

        assertTrue(f.exact());
        assertEquals(10, f.min());
        assertEquals(10, f.max());
    }

    @Test
    void aTinyCellHiddenWithABigPartnerIsProtectedButTheBigOneCanOnlyMoveByTheTinyOne() {
        AttackerModel m = new AttackerModel();
        int total = m.variable("T", 41, 41);
        int a = m.variable("A", 0, 41);
        int b = m.variable("B", 0, 41);
        int c = m.variable("C", 10, 10);
        m.equal(total, List.of(a, b, c));
        Target tiny = cell("A", a, 1, 1, 3);
        Target big = cell("B", b, 30, 3, 3);

        AuditResult result = IntervalAuditor.audit(m, List.of(tiny, big));

        Finding f = only(result);
        assertEquals(big, f.target(), "A ∈ [0, 31] is protected; B ∈ [0, 31] cannot reach 33");
        assertEquals(0, f.min());
        assertEquals(31, f.max());
        assertFalse(f.exact());
        assertTrue(f.belowProtection());
    }

    @Test
    void twoTinyHiddenChildrenOfAKnownTotalAreNotProtected() {
        AttackerModel m = new AttackerModel();
        int total = m.variable("T", 2, 2);
        int a = m.variable("A", 0, 2);
        int b = m.variable("B", 0, 2);
        m.equal(total, List.of(a, b));

        Finding f = only(IntervalAuditor.audit(m, List.of(cell("A", a, 1, 1, 3))));
        assertEquals(0, f.min());
        assertEquals(2, f.max());
        assertFalse(f.exact());

        m.bounds(a, 1, 2);
        m.bounds(b, 1, 2);
        assertTrue(only(IntervalAuditor.audit(m, List.of(cell("A", a, 1, 1, 3)))).exact(),
                "a hidden count of people is at least 1, so 1 + 1 = 2 gives both away");
    }

    @Test
    void noiseOnTheTotalAndOnThePublishedChildWidensTheHiddenChild() {
        // Truth: T = 50 = A 19 + B 31; published T 51 and A 21, each within ±2 of the truth.
        AttackerModel m = new AttackerModel();
        int total = m.variable("T", 49, 53);
        int a = m.variable("A", 19, 23);
        int b = m.variable("B", 0, 1000);
        m.equal(total, List.of(a, b));

        List<Finding> intervals = IntervalAuditor.intervals(m, List.of(cell("B", b, 31, 3, 3), cell("T", total, 50, 0, 0)));

        assertEquals(26, intervals.get(0).min(), "49 − 23");
        assertEquals(34, intervals.get(0).max(), "53 − 19");
        assertEquals(49, intervals.get(1).min());
        assertEquals(53, intervals.get(1).max());
        assertTrue(IntervalAuditor.audit(m, List.of(cell("B", b, 31, 3, 3))).passed());
        assertEquals(26, only(IntervalAuditor.audit(m, List.of(cell("B", b, 31, 6, 3)))).min(), "31 − 6 = 25 is out of reach");
    }

    @Test
    void aDifferenceTargetSeesThroughNoiseOnBothTerms() {
        // Published total and count, each ±2: the complement T − n is known within ±4.
        AttackerModel m = new AttackerModel();
        int total = m.variable("T", 98, 102);
        int n = m.variable("n", 8, 12);
        m.atMost(n, total);
        Target complement = new Target("T-n", LinearExpression.difference(total, n), 90, 3, 3);

        Finding f = IntervalAuditor.intervals(m, List.of(complement)).get(0);

        assertEquals(86, f.min());
        assertEquals(94, f.max());
        assertTrue(IntervalAuditor.audit(m, List.of(complement)).passed());
    }

    @Test
    void anLpIntervalWiderThanTheIntegerOneIsDecidedByTheMip() {
        // y is an integer with 2y ≤ 3, so y ≤ 1 and x ≤ 10y ≤ 10, while the LP relaxation lets y = 1.5 and x = 15.
        AttackerModel m = new AttackerModel();
        int x = m.variable("x", 0, 20);
        int y = m.variable("y", 0, 5);
        m.constrain(LinearExpression.of(new int[]{x, y}, new double[]{1, -10}), null, 0.0);
        m.constrain(LinearExpression.of(new int[]{y}, new double[]{2}), null, 3.0);

        AuditResult reachable = IntervalAuditor.audit(m, List.of(cell("x", x, 5, 0, 5)));
        AuditResult unreachable = IntervalAuditor.audit(m, List.of(cell("x", x, 5, 0, 6)));

        assertTrue(reachable.passed(), reachable.toString());
        assertTrue(reachable.mipSolves() > 0, "the LP optimum 15 is fractional in y: only a MIP can confirm 10");
        Finding f = only(unreachable);
        assertEquals(10, f.max(), "the LP says 15, integers say 10");
        assertTrue(f.belowProtection());
    }

    @Test
    void halfCoefficientsPinAQuantityThatTheLpLeavesLoose() {
        // 2x − 2y ∈ [−1, 1] lets the LP move x − y by ½ either way; for integers x = y.
        AttackerModel m = new AttackerModel();
        int x = m.variable("x", 0, 10);
        int y = m.variable("y", 0, 10);
        m.constrain(LinearExpression.of(new int[]{x, y}, new double[]{2, -2}), -1.0, 1.0);
        Target gap = new Target("x-y", LinearExpression.difference(x, y), 0, 1, 1);

        Finding f = only(IntervalAuditor.audit(m, List.of(gap)));

        assertTrue(f.exact());
        assertEquals(0, f.min());
        assertEquals(0, f.max());
    }

    @Test
    void fourCellsSuppressedInARectangleProtectEachOtherAndThreeDoNot() {
        long[][] values = {{5, 8, 3}, {7, 6, 4}, {2, 9, 10}};
        boolean[][] rectangle = {{true, true, false}, {true, true, false}, {false, false, false}};
        List<Finding> protectedFour = IntervalAuditor.intervals(table(values, rectangle), hiddenTargets(values, rectangle));

        assertEquals(4, protectedFour.size());
        for (Finding f : protectedFour) assertFalse(f.belowProtection(), f.toString());
        assertEquals(0, protectedFour.get(0).min(), "5 can go down by min(8, 7) and up by min(5, 6)");
        assertEquals(12, protectedFour.get(0).max());
        assertTrue(IntervalAuditor.audit(table(values, rectangle), hiddenTargets(values, rectangle)).passed());

        boolean[][] three = {{true, true, false}, {true, false, false}, {false, false, false}};
        AuditResult result = IntervalAuditor.audit(table(values, three), hiddenTargets(values, three));
        assertEquals(3, result.failures().size(), "row 1 gives the hidden (1,0) away, then the rest follow");
        for (Finding f : result.failures()) assertTrue(f.exact(), f.toString());
    }

    @Test
    void anInfeasibleModelIsACallerBug() {
        AttackerModel m = new AttackerModel();
        int total = m.variable("T", 10, 10);
        int a = m.variable("A", 0, 3);
        int b = m.variable("B", 0, 3);
        m.equal(total, List.of(a, b));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> IntervalAuditor.audit(m, List.of(cell("A", a, 3, 1, 1))));
        assertTrue(e.getMessage().contains("infeasible"), e.getMessage());
    }

    @Test
    void anAuditRepeatedGivesTheSameResult() {
        long[][] values = {{5, 8, 3}, {7, 6, 4}, {2, 9, 10}};
        boolean[][] hidden = {{true, true, false}, {true, false, true}, {false, true, true}};
        AuditResult first = IntervalAuditor.audit(table(values, hidden), hiddenTargets(values, hidden));
        AuditResult second = IntervalAuditor.audit(table(values, hidden), hiddenTargets(values, hidden));

        assertEquals(first.failures(), second.failures());
        assertEquals(first.lpSolves(), second.lpSolves());
        assertEquals(first.smallestMargin(), second.smallestMargin());
    }

    /** A 3×3 table with row, column and grand totals; published cells exact, hidden ones between 0 and 100. */
    private static AttackerModel table(long[][] values, boolean[][] hidden) {
        AttackerModel m = new AttackerModel();
        int[][] cell = new int[4][4];
        long[][] full = new long[4][4];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                full[i][j] = values[i][j];
                full[i][3] += values[i][j];
                full[3][j] += values[i][j];
                full[3][3] += values[i][j];
            }
        }
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                boolean h = i < 3 && j < 3 && hidden[i][j];
                cell[i][j] = m.variable("x" + i + j, h ? 0 : full[i][j], h ? 100 : full[i][j]);
            }
        }
        for (int i = 0; i < 4; i++) m.equal(cell[i][3], List.of(cell[i][0], cell[i][1], cell[i][2]));
        for (int j = 0; j < 3; j++) m.equal(cell[3][j], List.of(cell[0][j], cell[1][j], cell[2][j]));
        return m;
    }

    private static List<Target> hiddenTargets(long[][] values, boolean[][] hidden) {
        List<Target> out = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                // Variables are numbered row by row over the 4×4 table.
                if (hidden[i][j]) out.add(cell("x" + i + j, 4 * i + j, values[i][j], Math.min(3, values[i][j]), 3));
            }
        }
        return out;
    }
}
