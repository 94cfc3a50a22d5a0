package org.lmobservatory.disclosure;

import java.util.List;

/**
 * One cell of a table to protect: one code per dimension, the people counted (numerator) and the population they
 * belong to (denominator). In a count table both are the same number.
 */
public record Cell(List<String> key, long numerator, long denominator) {
    public Cell {
        key = List.copyOf(key);
        if (numerator < 0 || denominator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("cell " + key + ": need 0 <= numerator <= denominator, got " + numerator + "/" + denominator);
        }
    }

    public static Cell count(List<String> key, long n) {
        return new Cell(key, n, n);
    }

    /** The people not counted: the complement that a rate also reveals. */
    public long complement() {
        return denominator - numerator;
    }
}
