package org.lmobservatory.disclosure;

/** The attacker's feasible interval [min, max] for one target. */
public record Finding(Target target, double min, double max) {
    /** The attacker knows the value. */
    public boolean exact() {
        return max - min < 0.5;
    }

    /** The interval does not reach truth − lowerProtection or truth + upperProtection. */
    public boolean belowProtection() {
        return !target.isProtectedBy(min, max);
    }

    @Override
    public String toString() {
        return target.name() + " (truth " + target.truth() + ") in [" + fmt(min) + ", " + fmt(max) + "]"
                + (exact() ? ": exact disclosure" : belowProtection() ? ": below protection" : "");
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
