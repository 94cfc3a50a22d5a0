package org.lmobservatory.loader.formats;

import org.lmobservatory.catalogue.Frequency;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Periods as statistical offices write them, in our form: 2013; 2013Q1 or 2013-Q1 → 2013-Q1; 2013M01 or 2013-01
 * → 2013-01; an ISO date that starts a period of the dataset's frequency (SDMX timeFormat=normalized) → that
 * period. Anything else is returned trimmed but unchanged, for the validator to reject with its usual message.
 */
final class SourcePeriods {
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})(?:-?M|-)(\\d{2})");
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:T00:00(?::00)?)?");

    private SourcePeriods() {
    }

    static String normalise(String text, Frequency datasetFrequency) {
        String t = text.trim();
        Matcher m;
        if (YEAR.matcher(t).matches()) return t;
        if ((m = QUARTER.matcher(t)).matches()) return m.group(1) + "-Q" + m.group(2);
        if ((m = MONTH.matcher(t)).matches()) return m.group(1) + "-" + m.group(2);
        if ((m = DATE.matcher(t)).matches()) {
            try {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                boolean startsPeriod = d.getDayOfMonth() == 1 && (d.getMonthValue() - 1) % datasetFrequency.months() == 0;
                if (startsPeriod) return datasetFrequency.label(d);
            } catch (DateTimeException e) {
                return t;
            }
        }
        return t;
    }
}
