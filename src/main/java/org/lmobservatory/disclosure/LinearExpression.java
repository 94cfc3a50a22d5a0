package org.lmobservatory.disclosure;

import java.util.Arrays;
import java.util.Collection;

/**
 * Σ coefficient·variable over variables of an {@link AttackerModel}, held as parallel primitive arrays because
 * release-sized models have tens of thousands of terms. A variable appears at most once (repeated terms are merged).
 */
public final class LinearExpression {
    private final int[] variables;
    private final double[] coefficients;

    private LinearExpression(int[] variables, double[] coefficients) {
        this.variables = variables;
        this.coefficients = coefficients;
    }

    public static LinearExpression of(int[] variables, double[] coefficients) {
        if (variables.length != coefficients.length) throw new IllegalArgumentException("one coefficient per variable");
        int[] vars = new int[variables.length];
        double[] coefs = new double[variables.length];
        int n = 0;
        for (int i = 0; i < variables.length; i++) {
            if (variables[i] < 0) throw new IllegalArgumentException("variable index " + variables[i]);
            if (!Double.isFinite(coefficients[i])) throw new IllegalArgumentException("coefficient " + coefficients[i]);
            int at = indexOf(vars, n, variables[i]);
            if (at < 0) {
                vars[n] = variables[i];
                coefs[n++] = coefficients[i];
            } else {
                coefs[at] += coefficients[i];
            }
        }
        return new LinearExpression(Arrays.copyOf(vars, n), Arrays.copyOf(coefs, n));
    }

    public static LinearExpression variable(int v) {
        return of(new int[]{v}, new double[]{1});
    }

    public static LinearExpression sum(Collection<Integer> vs) {
        int[] vars = vs.stream().mapToInt(Integer::intValue).toArray();
        double[] ones = new double[vars.length];
        Arrays.fill(ones, 1);
        return of(vars, ones);
    }

    /** a − b, the usual shape of "hidden part of a known whole". */
    public static LinearExpression difference(int a, int b) {
        return of(new int[]{a, b}, new double[]{1, -1});
    }

    public LinearExpression plus(int variable, double coefficient) {
        int[] vars = Arrays.copyOf(variables, variables.length + 1);
        double[] coefs = Arrays.copyOf(coefficients, coefficients.length + 1);
        vars[variables.length] = variable;
        coefs[coefficients.length] = coefficient;
        return of(vars, coefs);
    }

    public int size() {
        return variables.length;
    }

    public int variableAt(int term) {
        return variables[term];
    }

    public double coefficientAt(int term) {
        return coefficients[term];
    }

    public boolean hasIntegerCoefficients() {
        for (double c : coefficients) if (c != Math.rint(c)) return false;
        return true;
    }

    /** The value at a point given for every variable of the model. */
    public double valueAt(double[] point) {
        double sum = 0;
        for (int i = 0; i < variables.length; i++) sum += coefficients[i] * point[variables[i]];
        return sum;
    }

    private static int indexOf(int[] vars, int n, int v) {
        // Expressions are short (a total and its parts), so a scan beats hashing.
        for (int i = 0; i < n; i++) if (vars[i] == v) return i;
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearExpression e && Arrays.equals(variables, e.variables) && Arrays.equals(coefficients, e.coefficients);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(variables) + Arrays.hashCode(coefficients);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < variables.length; i++) {
            s.append(coefficients[i] < 0 ? " - " : (i == 0 ? "" : " + "));
            double c = Math.abs(coefficients[i]);
            if (c != 1) s.append(c == Math.rint(c) ? Long.toString((long) c) : Double.toString(c)).append('·');
            s.append('x').append(variables[i]);
        }
        return s.length() == 0 ? "0" : s.toString();
    }
}
