package org.lmobservatory.catalogue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A period as written by users and files: 2024, 2024-Q3 or 2024-07, as [start, end) and its own granularity. */
public record Period(LocalDate start, LocalDate endExclusive, Frequency granularity) {
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-?M?(\\d{2})");

    public static Optional<Period> parse(String text) {
        String t = text.trim();
        Matcher m;
        if ((m = YEAR.matcher(t)).matches()) {
            LocalDate s = LocalDate.of(Integer.parseInt(m.group(1)), 1, 1);
            return Optional.of(new Period(s, s.plusYears(1), Frequency.A));
        }
        if ((m = QUARTER.matcher(t)).matches()) {
            LocalDate s = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
            return Optional.of(new Period(s, s.plusMonths(3), Frequency.Q));
        }
        if ((m = MONTH.matcher(t)).matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) return Optional.empty();
            LocalDate s = YearMonth.of(Integer.parseInt(m.group(1)), month).atDay(1);
            return Optional.of(new Period(s, s.plusMonths(1), Frequency.M));
        }
        return Optional.empty();
    }

    /** True when this period is no finer than the dataset's frequency (a year can select months, not vice versa). */
    public boolean coarserOrEqual(Frequency datasetFrequency) {
        return granularity.months() >= datasetFrequency.months();
    }
}
