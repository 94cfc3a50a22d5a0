package org.lmobservatory.graduates;

import org.lmobservatory.disclosure.CellKeyNoise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The published indicators: what each counts, out of which population, whose suppression it inherits (a rate over a
 * hidden population is hidden too), and its published value, always computed from perturbed counts.
 */
enum Indicator {
    TRACKED(Measure.TRACKED, Measure.TRACKED, null),
    EMP_RATE(Measure.EMPLOYED, Measure.TRACKED, TRACKED),
    EDU_RATE(Measure.EDUCATION, Measure.TRACKED, TRACKED),
    NEET_RATE(Measure.NEET, Measure.TRACKED, TRACKED),
    IN_FIELD_RATE(Measure.IN_FIELD, Measure.IN_FIELD_KNOWN, EMP_RATE),
    /** A median does not add up, so nothing can be subtracted from it; it is published over at least minPopulation earners. */
    EARN_BAND_MEDIAN(Measure.EARNINGS_KNOWN, Measure.EARNINGS_KNOWN, EMP_RATE);

    static final List<String> CODES = java.util.Arrays.stream(values()).map(Enum::name).toList();
    static final List<Indicator> ALL = List.of(values());
    static final int DECIMALS = 1;

    final Measure numerator;
    final Measure denominator;
    final Indicator inheritsFrom;

    Indicator(Measure numerator, Measure denominator, Indicator inheritsFrom) {
        this.numerator = numerator;
        this.denominator = denominator;
        this.inheritsFrom = inheritsFrom;
    }

    boolean isRate() {
        return this != TRACKED && this != EARN_BAND_MEDIAN;
    }

    /** The value readers see for a published cell: perturbed count, rate of perturbed counts, or perturbed median band. */
    BigDecimal value(OutcomeGrid.OutcomeCell c) {
        return switch (this) {
            case TRACKED -> BigDecimal.valueOf(c.noisy()[Measure.TRACKED.ordinal()]);
            case EARN_BAND_MEDIAN -> c.medianNoisy() == null ? null : BigDecimal.valueOf(c.medianNoisy());
            default -> percent(c.noisy()[numerator.ordinal()], c.noisy()[denominator.ordinal()]);
        };
    }

    static BigDecimal percent(long numerator, long denominator) {
        return BigDecimal.valueOf(100L * numerator).divide(BigDecimal.valueOf(denominator), DECIMALS, RoundingMode.HALF_UP);
    }

    /** Largest absolute noise of a published count (documented; the attacker knows it). */
    static int maxNoise() {
        return CellKeyNoise.MAX_NOISE;
    }
}
