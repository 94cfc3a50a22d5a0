package org.lmobservatory.catalogue;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period as [start, end) and its own granularity, read from the one grammar that the API's {@code time=} and every
 * loader format share, so that a spelling accepted in one place is accepted everywhere:
 * <ul>
 *   <li>a year: {@code 2024};</li>
 *   <li>a quarter: {@code 2024-Q3}, {@code 2024Q3}, {@code 2024 Q3}, and the letters K (Nordic offices) and T
 *       (trimestre), any case, with or without a leading zero;</li>
 *   <li>a month: {@code 2024-07}, {@code 2024M07}, {@code 2024-M7}, {@code 202407}.</li>
 * </ul>
 * With the dataset's frequency known, two more spellings are read: a date that starts one of its periods (SDMX's
 * normalised time format, {@code 2024-04-01} → 2024-Q2 in a quarterly dataset) and INE's numbered form
 * ({@code 2024 - 3}, {@code 2024-3}), whose number is a quarter or a month depending on the frequency.
 */
public record Period(LocalDate start, LocalDate endExclusive, Frequency granularity) {
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})\\s*-?\\s*[QqKkTt]\\s*0?([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})(?:\\s*-?\\s*[Mm]\\s*(\\d{1,2})|-(\\d{2})|(\\d{2}))");
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:T00:00(?::00)?)?");
    private static final Pattern NUMBERED = Pattern.compile("(\\d{4})(?:\\s+-\\s+(\\d{1,2})|-(\\d))");

    /** A year, quarter or month in any spelling of the grammar above that needs no frequency. */
    public static Optional<Period> parse(String text) {
        String t = text.trim();
        Matcher m;
        if ((m = YEAR.matcher(t)).matches()) return Optional.of(year(Integer.parseInt(m.group(1))));
        if ((m = QUARTER.matcher(t)).matches()) return Optional.of(quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        if ((m = MONTH.matcher(t)).matches()) {
            String month = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            return month(Integer.parseInt(m.group(1)), Integer.parseInt(month));
        }
        return Optional.empty();
    }

    /** As {@link #parse(String)}, and also the spellings whose meaning depends on the dataset's frequency. */
    public static Optional<Period> parse(String text, Frequency datasetFrequency) {
        Optional<Period> plain = parse(text);
        if (plain.isPresent()) return plain;
        String t = text.trim();
        Matcher m;
        if ((m = DATE.matcher(t)).matches()) return startingOn(m, datasetFrequency);
        if ((m = NUMBERED.matcher(t)).matches()) {
            int year = Integer.parseInt(m.group(1));
            int number = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
            return switch (datasetFrequency) {
                case Q -> number >= 1 && number <= 4 ? Optional.of(quarter(year, number)) : Optional.empty();
                case M -> month(year, number);
                case A -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    /** The period in our own spelling (2024, 2024-Q3, 2024-07). */
    public String label() {
        return granularity.label(start);
    }

    /** True when this period is no finer than the dataset's frequency (a year can select months, not vice versa). */
    public boolean coarserOrEqual(Frequency datasetFrequency) {
        return granularity.months() >= datasetFrequency.months();
    }

    private static Period year(int year) {
        LocalDate s = LocalDate.of(year, 1, 1);
        return new Period(s, s.plusYears(1), Frequency.A);
    }

    private static Period quarter(int year, int quarter) {
        LocalDate s = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new Period(s, s.plusMonths(3), Frequency.Q);
    }

    private static Optional<Period> month(int year, int month) {
        if (month < 1 || month > 12) return Optional.empty();
        LocalDate s = LocalDate.of(year, month, 1);
        return Optional.of(new Period(s, s.plusMonths(1), Frequency.M));
    }

    /** A date stands for the period of the dataset's frequency that starts on it; any other date is no period. */
    private static Optional<Period> startingOn(Matcher m, Frequency frequency) {
        LocalDate d;
        try {
            d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        if (d.getDayOfMonth() != 1 || (d.getMonthValue() - 1) % frequency.months() != 0) return Optional.empty();
        return Optional.of(new Period(d, d.plusMonths(frequency.months()), frequency));
    }
}
