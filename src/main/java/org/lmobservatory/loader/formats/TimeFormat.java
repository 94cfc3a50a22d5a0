package org.lmobservatory.loader.formats;

import org.lmobservatory.catalogue.Frequency;
import org.lmobservatory.catalogue.Period;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;

/**
 * How a mapped CSV writes its periods: a java.time pattern ("yyyy-MM", "yyyy'M'MM", "yyyy'Q'Q", "yyyy") or, without
 * one, our own notation (2024, 2024-Q3, 2024-07, 2024M07). A parsed text becomes our period notation; the validator
 * then checks it against the dataset's frequency.
 */
final class TimeFormat {
    private final String pattern;
    private final DateTimeFormatter formatter;

    private TimeFormat(String pattern, DateTimeFormatter formatter) {
        this.pattern = pattern;
        this.formatter = formatter;
    }

    /** @throws IllegalArgumentException for a pattern java.time does not accept */
    static TimeFormat of(String pattern) {
        if (pattern == null) return new TimeFormat(null, null);
        return new TimeFormat(pattern, DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
    }

    Optional<String> period(String text) {
        String t = text.trim();
        if (formatter == null) return Period.parse(t).map(Period::label);
        TemporalAccessor parsed;
        try {
            parsed = formatter.parse(t);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        int year;
        if (parsed.isSupported(ChronoField.YEAR)) year = (int) parsed.getLong(ChronoField.YEAR);
        else if (parsed.isSupported(ChronoField.YEAR_OF_ERA)) year = (int) parsed.getLong(ChronoField.YEAR_OF_ERA);
        else return Optional.empty();
        if (parsed.isSupported(ChronoField.MONTH_OF_YEAR)) return Optional.of(String.format("%04d-%02d", year, parsed.getLong(ChronoField.MONTH_OF_YEAR)));
        if (parsed.isSupported(IsoFields.QUARTER_OF_YEAR)) return Optional.of(String.format("%04d-Q%d", year, parsed.getLong(IsoFields.QUARTER_OF_YEAR)));
        return Optional.of(Frequency.A.label(java.time.LocalDate.of(year, 1, 1)));
    }

    String describe() {
        return pattern == null ? "a period like 2024, 2024-Q3 or 2024-07 (or set \"pattern\" in the mapping)" : "pattern " + pattern;
    }
}
