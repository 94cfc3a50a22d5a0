package org.lmobservatory.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What an attacker knows about a published release: integer quantities with bounds (a published count with noise in
 * [-2, 2] is a quantity within ±2 of it; a hidden count lies between 0 and its total) and linear relations between
 * them (totals, partitions, rates). The auditor asks how narrowly these pin down each hidden quantity.
 * <p>
 * Stored as primitive arrays (constraints row by row) so that models of tens of thousands of variables build fast.
 */
public final class AttackerModel {
    private final List<String> names = new ArrayList<>();
    private long[] lower = new long[64];
    private long[] upper = new long[64];

    private int[] rowStart = {0};
    private int[] terms = new int[256];
    private double[] coefficients = new double[256];
    private double[] rowLower = new double[64];
    private double[] rowUpper = new double[64];
    private int rows;

    /** A new integer quantity; the bounds are inclusive. */
    public int variable(String name, long lower, long upper) {
        if (lower > upper) throw new IllegalArgumentException(name + ": empty range [" + lower + ", " + upper + "]");
        int v = names.size();
        if (v == this.lower.length) {
            this.lower = Arrays.copyOf(this.lower, 2 * v);
            this.upper = Arrays.copyOf(this.upper, 2 * v);
        }
        names.add(name);
        this.lower[v] = lower;
        this.upper[v] = upper;
        return v;
    }

    /** lower ≤ expression ≤ upper; a null side is unbounded. */
    public void constrain(LinearExpression expression, Double lower, Double upper) {
        if (lower == null && upper == null) throw new IllegalArgumentException("a constraint needs at least one side");
        for (int i = 0; i < expression.size(); i++) requireVariable(expression.variableAt(i));
        if (rows + 1 == rowStart.length) {
            int capacity = 2 * rowStart.length;
            rowStart = Arrays.copyOf(rowStart, capacity);
            rowLower = Arrays.copyOf(rowLower, capacity);
            rowUpper = Arrays.copyOf(rowUpper, capacity);
        }
        int at = rowStart[rows];
        int end = at + expression.size();
        if (end > terms.length) {
            terms = Arrays.copyOf(terms, Math.max(2 * terms.length, end));
            coefficients = Arrays.copyOf(coefficients, terms.length);
        }
        for (int i = 0; i < expression.size(); i++) {
            terms[at + i] = expression.variableAt(i);
            coefficients[at + i] = expression.coefficientAt(i);
        }
        rowLower[rows] = lower == null ? Double.NEGATIVE_INFINITY : lower;
        rowUpper[rows] = upper == null ? Double.POSITIVE_INFINITY : upper;
        rowStart[++rows] = end;
    }

    /** total = Σ parts. */
    public void equal(int total, List<Integer> parts) {
        constrain(LinearExpression.sum(parts).plus(total, -1), 0.0, 0.0);
    }

    /** a ≤ b. */
    public void atMost(int a, int b) {
        constrain(LinearExpression.difference(a, b), null, 0.0);
    }

    /** Narrows v's range to its intersection with [lo, hi]. */
    public void bounds(int v, long lo, long hi) {
        requireVariable(v);
        long newLower = Math.max(lower[v], lo);
        long newUpper = Math.min(upper[v], hi);
        if (newLower > newUpper) {
            throw new IllegalArgumentException(names.get(v) + ": [" + lo + ", " + hi + "] leaves nothing of [" + lower[v] + ", " + upper[v] + "]");
        }
        lower[v] = newLower;
        upper[v] = newUpper;
    }

    /**
     * The bounds and constraints a point breaks, described (at most max of them). The true values must break none:
     * callers check them before auditing, so a model that misstates what was published fails loudly, not quietly.
     */
    public List<String> violations(double[] point, int max) {
        List<String> out = new ArrayList<>();
        for (int v = 0; v < names.size() && out.size() < max; v++) {
            if (point[v] < lower[v] - 1e-9 || point[v] > upper[v] + 1e-9) out.add(names.get(v) + " = " + point[v] + " outside [" + lower[v] + ", " + upper[v] + "]");
        }
        for (int r = 0; r < rows && out.size() < max; r++) {
            double sum = 0;
            StringBuilder text = new StringBuilder();
            for (int p = rowStart[r]; p < rowStart[r + 1]; p++) {
                sum += coefficients[p] * point[terms[p]];
                text.append(coefficients[p] >= 0 ? " +" : " ").append(coefficients[p]).append('·').append(names.get(terms[p])).append('=').append(point[terms[p]]);
            }
            if (sum < rowLower[r] - 1e-7 || sum > rowUpper[r] + 1e-7) out.add(rowLower[r] + " ≤" + text + " = " + sum + " ≤ " + rowUpper[r] + " fails");
        }
        return out;
    }

    public int variableCount() {
        return names.size();
    }

    public int constraintCount() {
        return rows;
    }

    public String name(int v) {
        return names.get(v);
    }

    public long lower(int v) {
        return lower[v];
    }

    public long upper(int v) {
        return upper[v];
    }

    int rowStart(int row) {
        return rowStart[row];
    }

    int rowEnd(int row) {
        return rowStart[row + 1];
    }

    int term(int position) {
        return terms[position];
    }

    double coefficient(int position) {
        return coefficients[position];
    }

    double rowLower(int row) {
        return rowLower[row];
    }

    double rowUpper(int row) {
        return rowUpper[row];
    }

    private void requireVariable(int v) {
        if (v < 0 || v >= names.size()) throw new IllegalArgumentException("no variable " + v);
    }
}
