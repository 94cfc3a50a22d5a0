package org.lmobservatory.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One code of a dataset's measure dimension with its own unit (id, labels, multiplier, decimals) and kind.
 * numerator and denominator are codes of the same measure dimension, set for ratios whose parts the dataset
 * publishes (null when a part is not published); scale multiplies the quotient (100 for a percentage), null when not
 * a ratio. A category measure names its codelist; categories are its codes in stored position order (position 1 is
 * the first), since an observation of it stores the position of its code as its value.
 */
public record Measure(String code, MeasureKind kind, Unit unit, String numerator, String denominator, BigDecimal scale,
                      String codelist, List<Code> categories) {

    public Measure(String code, MeasureKind kind, Unit unit, String numerator, String denominator, BigDecimal scale) {
        this(code, kind, unit, numerator, denominator, scale, null, List.of());
    }

    public boolean isCategory() {
        return kind == MeasureKind.CATEGORY;
    }

    /** The category a stored value stands for; empty for a value that is no position (or a measure that is no category). */
    public Optional<Code> category(BigDecimal storedValue) {
        if (!isCategory() || storedValue == null) return Optional.empty();
        int position;
        try {
            position = storedValue.intValueExact();
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
        return position >= 1 && position <= categories.size() ? Optional.of(categories.get(position - 1)) : Optional.empty();
    }

    /** The stored value of a category code, if it is one of this measure's. */
    public Optional<BigDecimal> position(String categoryCode) {
        for (int i = 0; i < categories.size(); i++) {
            if (categories.get(i).id().equals(categoryCode)) return Optional.of(BigDecimal.valueOf(i + 1L));
        }
        return Optional.empty();
    }
}
