package org.lmobservatory.widgets;

import org.lmobservatory.catalogue.Frequency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.number.FormattedNumber;
import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.number.Precision;
import com.ibm.icu.text.PluralRules;

/**
 * Numbers and periods as a reader of one language writes them: decimal comma and space grouping in fi, sv, sq,
 * bg, pl and cs, month and quarter names from the JDK's CLDR data. Not thread-safe (NumberFormat): one per render.
 */
final class LocaleFormat {
    private final Locale locale;
    private final String lang;

    LocaleFormat(String lang) {
        this.lang = lang;
        this.locale = Locale.forLanguageTag(lang);
    }

    String lang() {
        return lang;
    }

    /** A value with exactly the dataset's number of decimals (7.9 → "7,9" in Finnish). */
    String number(BigDecimal value, int decimals) {
        if (value == null) return "–";
        return numberFormat(decimals, false).format(value.setScale(decimals, RoundingMode.HALF_UP));
    }

    String number(double value, int decimals) {
        return numberFormat(decimals, false).format(value);
    }

    /** A change with its sign always shown: "+0,8", "−1,2". */
    String signed(BigDecimal value, int decimals) {
        return numberFormat(decimals, true).format(value.setScale(decimals, RoundingMode.HALF_UP));
    }

    /** "12,3 %" or "12.3%", or the number and the unit's word in the number's grammatical form ("61 osob"). */
    String withUnit(BigDecimal value, int decimals, String unitId, String unitLabel) {
        String n = number(value, decimals);
        if (isPercent(unitId)) return "en".equals(lang) ? n + "%" : n + "\u00a0%";
        String word = unitWord(value, decimals, unitId, unitLabel);
        return word == null || word.isBlank() ? n : n + "\u00a0" + word;
    }

    /**
     * The unit's word as it goes with this value: "1 osoba", "3 osoby", "61 osob", "1,5 osoby" in Czech. The category
     * (one, few, many, other) comes from CLDR's plural rules for the number as shown, decimals included (ICU4J); the
     * words for the units we know are in texts.json ("unitForms.PERS"). Other units keep the dataset's own label.
     */
    String unitWord(BigDecimal value, int decimals, String unitId, String unitLabel) {
        Map<String, String> byLang = unitId == null ? null : WidgetTexts.all().get("unitForms." + unitId);
        String pattern = byLang == null ? null : byLang.get(lang);
        if (pattern == null || value == null) return unitLabel;
        Map<String, String> forms = new HashMap<>();
        Matcher m = FORM.matcher(pattern);
        while (m.find()) forms.put(m.group(1), m.group(2));
        FormattedNumber shown = NumberFormatter.withLocale(Locale.forLanguageTag(lang))
                .precision(Precision.fixedFraction(Math.max(0, decimals))).roundingMode(RoundingMode.HALF_UP)
                .format(value.abs());
        String category = PluralRules.forLocale(Locale.forLanguageTag(lang)).select(shown);
        return forms.getOrDefault(category, forms.getOrDefault("other", unitLabel));
    }

    private static final Pattern FORM = Pattern.compile("(zero|one|two|few|many|other)\\{([^}]*)\\}");

    static boolean isPercent(String unitId) {
        return unitId != null && (unitId.equals("PC") || unitId.startsWith("PC_"));
    }

    /** A period as text for headlines and tables: 2024, "3. nelj. 2024", "heinäkuu 2024". */
    String period(Frequency frequency, LocalDate start) {
        return switch (frequency) {
            case A -> Integer.toString(start.getYear());
            case Q -> DateTimeFormatter.ofPattern("QQQ yyyy", locale).format(start);
            case M -> DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(start);
        };
    }

    /**
     * A period after "od" in Czech and Polish, which takes the genitive: "od listopadu 2025", "od listopada 2025", not
     * the nominative "od listopad 2025". CLDR's format-context month name (MMMM) is that genitive in both languages;
     * elsewhere (Finnish's format form is a partitive) the standalone form of {@link #period} stays.
     */
    String periodAfterPreposition(Frequency frequency, LocalDate start) {
        if (frequency == Frequency.M && (lang.equals("cs") || lang.equals("pl"))) {
            return DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(start);
        }
        return period(frequency, start);
    }

    /** A shorter form for chart axes: months abbreviated. */
    String periodShort(Frequency frequency, LocalDate start) {
        return frequency == Frequency.M ? DateTimeFormatter.ofPattern("LLL yyyy", locale).format(start) : period(frequency, start);
    }

    String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG).withLocale(locale).format(date);
    }

    private NumberFormat numberFormat(int decimals, boolean signed) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(Math.max(0, decimals));
        f.setMaximumFractionDigits(Math.max(0, decimals));
        f.setRoundingMode(RoundingMode.HALF_UP);
        if (signed && f instanceof DecimalFormat d) d.setPositivePrefix("+");
        return f;
    }
}
