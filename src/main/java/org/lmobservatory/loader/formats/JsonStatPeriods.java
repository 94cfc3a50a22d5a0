package org.lmobservatory.loader.formats;

import org.lmobservatory.catalogue.Frequency;
import org.lmobservatory.catalogue.Period;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the time category ids that statistical offices write into our periods (2013, 2013-Q1, 2013-01):
 * 2013Q1, 2013-Q1, 2013K1 (Statistics Norway), 2013T1 (trimestre), 2013M01, 2013-01, 2013-01-01, and INE's
 * "2013 - 1", whose number is a quarter or a month depending on the dataset's frequency.
 */
final class JsonStatPeriods {
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})\\s*-?\\s*[QqKkTt]\\s*0?([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*-?\\s*[Mm]\\s*(\\d{1,2})|(\\d{4})-(\\d{2})");
    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern NUMBERED = Pattern.compile("(\\d{4})\\s+-\\s+(\\d{1,2})|(\\d{4})-(\\d)");

    private JsonStatPeriods() {
    }

    /** The period a category id stands for, or empty when it is not a period we know how to read. */
    static Optional<Period> parse(String categoryId, Frequency datasetFrequency) {
        String t = categoryId.trim();
        Matcher m;
        if (YEAR.matcher(t).matches()) return Period.parse(t);
        if ((m = QUARTER.matcher(t)).matches()) return Period.parse(m.group(1) + "-Q" + m.group(2));
        if ((m = MONTH.matcher(t)).matches()) {
            String year = m.group(1) != null ? m.group(1) : m.group(3);
            String month = m.group(2) != null ? m.group(2) : m.group(4);
            return month(year, Integer.parseInt(month));
        }
        if ((m = DAY.matcher(t)).matches()) return firstDayOfPeriod(m, datasetFrequency);
        if ((m = NUMBERED.matcher(t)).matches()) {
            String year = m.group(1) != null ? m.group(1) : m.group(3);
            int number = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(4));
            if (datasetFrequency == Frequency.Q && number >= 1 && number <= 4) return Period.parse(year + "-Q" + number);
            if (datasetFrequency == Frequency.M) return month(year, number);
        }
        return Optional.empty();
    }

    private static Optional<Period> month(String year, int month) {
        if (month < 1 || month > 12) return Optional.empty();
        return Period.parse(String.format("%s-%02d", year, month));
    }

    /** A date stands for the period of the dataset's frequency that starts on it (2013-04-01 → 2013-Q2). */
    private static Optional<Period> firstDayOfPeriod(Matcher m, Frequency frequency) {
        int month = Integer.parseInt(m.group(2));
        if (!m.group(3).equals("01") || month < 1 || month > 12) return Optional.empty();
        return switch (frequency) {
            case A -> month == 1 ? Period.parse(m.group(1)) : Optional.empty();
            case Q -> (month - 1) % 3 == 0 ? Period.parse(m.group(1) + "-Q" + ((month - 1) / 3 + 1)) : Optional.empty();
            case M -> month(m.group(1), month);
        };
    }
}
