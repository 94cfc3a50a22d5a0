package org.lmobservatory.graduates;

import org.lmobservatory.disclosure.Kind;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The published indicators and how each is protected: what it counts, out of which population, and whose
 * suppression it inherits (a rate over a hidden population is hidden too).
 */
enum Indicator {
    TRACKED(Kind.COUNT, OutcomeCounts.Row::tracked, OutcomeCounts.Row::tracked, null, true),
    EMP_RATE(Kind.RATE, OutcomeCounts.Row::employed, OutcomeCounts.Row::tracked, TRACKED, true),
    EDU_RATE(Kind.RATE, OutcomeCounts.Row::education, OutcomeCounts.Row::tracked, TRACKED, true),
    NEET_RATE(Kind.RATE, OutcomeCounts.Row::neet, OutcomeCounts.Row::tracked, TRACKED, true),
    IN_FIELD_RATE(Kind.RATE, OutcomeCounts.Row::inField, OutcomeCounts.Row::inFieldKnown, EMP_RATE, true),
    /** A median does not add up, so nothing can be subtracted: primary suppression only. */
    EARN_BAND_MEDIAN(Kind.COUNT, OutcomeCounts.Row::earningsKnown, OutcomeCounts.Row::earningsKnown, EMP_RATE, false);

    static final List<String> CODES = java.util.Arrays.stream(values()).map(Enum::name).toList();

    final Kind kind;
    final ToLongFunction<OutcomeCounts.Row> numerator;
    final ToLongFunction<OutcomeCounts.Row> denominator;
    final Indicator inheritsFrom;
    final boolean additive;

    Indicator(Kind kind, ToLongFunction<OutcomeCounts.Row> numerator, ToLongFunction<OutcomeCounts.Row> denominator,
              Indicator inheritsFrom, boolean additive) {
        this.kind = kind;
        this.numerator = numerator;
        this.denominator = denominator;
        this.inheritsFrom = inheritsFrom;
        this.additive = additive;
    }
}
