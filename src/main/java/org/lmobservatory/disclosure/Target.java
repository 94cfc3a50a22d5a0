package org.lmobservatory.disclosure;

/**
 * A hidden quantity the attacker must not pin down: its expression (a cell, or e.g. total − count), its true value,
 * and how far below and above the truth the attacker's feasible interval must reach. Callers cap the lower
 * protection where the quantity cannot go lower (truth 1, protection 3 → lower protection 1: 0 must stay possible).
 */
public record Target(String name, LinearExpression expression, long truth, long lowerProtection, long upperProtection) {
    public Target {
        // Integer coefficients make the expression integral at integer points, which the rounding arguments rely on.
        if (!expression.hasIntegerCoefficients()) throw new IllegalArgumentException(name + ": target coefficients must be integers");
        if (lowerProtection < 0 || upperProtection < 0) throw new IllegalArgumentException(name + ": negative protection");
    }

    public long upperRequirement() {
        return truth + upperProtection;
    }

    public long lowerRequirement() {
        return truth - lowerProtection;
    }

    public boolean isProtectedBy(double min, double max) {
        return max >= upperRequirement() && min <= lowerRequirement();
    }
}
