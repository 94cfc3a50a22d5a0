package org.lmobservatory.catalogue;

import java.math.BigDecimal;

/**
 * One code of a dataset's measure dimension with its own unit (id, labels, multiplier, decimals) and kind.
 * numerator and denominator are codes of the same measure dimension, set for ratios whose parts the dataset
 * publishes (null when a part is not published); scale multiplies the quotient (100 for a percentage), null when not
 * a ratio.
 */
public record Measure(String code, MeasureKind kind, Unit unit, String numerator, String denominator, BigDecimal scale) {
}
