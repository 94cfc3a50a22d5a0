package org.lmobservatory.disclosure;

/**
 * The thresholds a dataset is published with. minPopulation: a cell whose population (denominator) is smaller is
 * suppressed. minCount: a rate whose numerator or complement is smaller is suppressed. roundingBase: 3 or 5 to round
 * published counts (null: exact). secondary is only ever switched off by tests that show why it is needed.
 */
public record DisclosureSettings(int minPopulation, int minCount, Integer roundingBase, boolean secondary) {
    public static final int DEFAULT_MIN_POPULATION = 10;
    public static final int DEFAULT_MIN_COUNT = 3;

    public DisclosureSettings {
        if (minPopulation < 1) throw new IllegalArgumentException("minimum population must be at least 1, got " + minPopulation);
        if (minCount < 1) throw new IllegalArgumentException("minimum count must be at least 1, got " + minCount);
        if (minCount > minPopulation) {
            throw new IllegalArgumentException("minimum count (" + minCount + ") cannot exceed minimum population (" + minPopulation + ")");
        }
        if (roundingBase != null && roundingBase != 3 && roundingBase != 5) {
            throw new IllegalArgumentException("rounding base must be 3 or 5, got " + roundingBase);
        }
        if (roundingBase != null && minPopulation < roundingBase) {
            throw new IllegalArgumentException("with rounding to base " + roundingBase + " the minimum population must be at least " + roundingBase);
        }
    }

    public static DisclosureSettings defaults() {
        return new DisclosureSettings(DEFAULT_MIN_POPULATION, DEFAULT_MIN_COUNT, null, true);
    }

    public DisclosureSettings withRounding(Integer base) {
        return new DisclosureSettings(minPopulation, minCount, base, secondary);
    }

    public DisclosureSettings withoutSecondary() {
        return new DisclosureSettings(minPopulation, minCount, roundingBase, false);
    }
}
