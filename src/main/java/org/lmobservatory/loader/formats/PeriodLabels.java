package org.lmobservatory.loader.formats;

import org.lmobservatory.catalogue.Frequency;
import org.lmobservatory.catalogue.Period;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Periods as people label them, for files whose time categories are opaque ids with readable labels (a JSON-stat
 * category CI_0004215 labelled "Jan 1996"): everything {@link Period} reads, plus English month names before or after
 * the year ("Jan 1996", "January 1996", "1996 Jan", "Jan-1996", "Jan. 1996") and the quarter before the year
 * ("Q1 1996", "Q1-1996"). Month names are read by java.time in English; other languages' names are not guessed
 * (a wrong guess would move every value to another month): map those ids explicitly.
 */
final class PeriodLabels {
    private static final List<DateTimeFormatter> MONTHS = List.of(month("MMM uuuu"), month("MMMM uuuu"), month("uuuu MMM"), month("uuuu MMMM"));
    private static final Pattern QUARTER_FIRST = Pattern.compile("[Qq]\\s*([1-4])\\s*[- ]?\\s*(\\d{4})");

    private PeriodLabels() {
    }

    static Optional<Period> parse(String label, Frequency frequency) {
        if (label == null || label.isBlank()) return Optional.empty();
        Optional<Period> plain = Period.parse(label, frequency);
        if (plain.isPresent()) return plain;
        String t = label.trim();
        Matcher q = QUARTER_FIRST.matcher(t);
        if (q.matches()) return Period.parse(q.group(2) + "-Q" + q.group(1));
        // "Jan. 1996", "Jan-1996", "Jan, 1996" → "Jan 1996"
        String words = t.replaceAll("[.,]", " ").replaceAll("(?<=\\p{L})-(?=\\d)|(?<=\\d)-(?=\\p{L})", " ").replaceAll("\\s+", " ").trim();
        for (DateTimeFormatter f : MONTHS) {
            try {
                YearMonth ym = YearMonth.parse(words, f);
                return Period.parse(ym.toString());
            } catch (DateTimeParseException e) {
                // not this spelling: try the next
            }
        }
        return Optional.empty();
    }

    private static DateTimeFormatter month(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
    }
}
