package org.lmobservatory.catalogue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a measure's number is, which decides how it may be combined: counts add up, a ratio is recomputed from its
 * numerator and denominator, a mean, median or quantile cannot be derived from the values of its parts, and a
 * category is a code, not a quantity.
 */
public enum MeasureKind {
    COUNT, RATIO, MEAN, MEDIAN, QUANTILE, CATEGORY;

    /** The name used in definition files and in the API. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MeasureKind> of(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
    }
}
