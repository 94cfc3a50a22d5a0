package org.lmobservatory.widgets;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Unit words take the grammatical number their value asks for (CLDR plural rules), decimals included. */
class LocaleFormatTest {

    @Test
    void personsInEachLanguage() {
        assertEquals("1\u00a0osoba", with("cs", "1", 0));
        assertEquals("3\u00a0osoby", with("cs", "3", 0));
        assertEquals("61\u00a0osob", with("cs", "61", 0), "the issue's \"+61 osoby\"");
        assertEquals("575\u00a0osob", with("cs", "575", 0), "the issue's \"575 osoby\"");
        assertEquals("1,5\u00a0osoby", with("cs", "1.5", 1), "a fraction takes the genitive singular in Czech");
        assertEquals("22\u00a0osoby", with("pl", "22", 0));
        assertEquals("61\u00a0osób", with("pl", "61", 0));
        assertEquals("12\u00a0osób", with("pl", "12", 0), "12–14 are not 'few' in Polish");
        assertEquals("1\u00a0henkilö", with("fi", "1", 0));
        assertEquals("61\u00a0henkilöä", with("fi", "61", 0));
        assertEquals("1\u00a0лице", with("bg", "1", 0));
        assertEquals("1\u00a0person", with("sv", "1", 0));
        assertEquals("2\u00a0personer", with("sv", "2", 0));
        assertEquals("1\u00a0person", with("sq", "1", 0));
        assertEquals("1\u00a0person", with("en", "1", 0));
        assertEquals("1,0\u00a0persons", new LocaleFormat("en").withUnit(new BigDecimal("1.0"), 1, "PERS", "persons").replace('.', ','),
                "\"1.0\" is not \"one\" in English (visible decimals count)");
        assertEquals("5\u00a0volných míst", with("cs", "5", 0, "VAC"));
        assertEquals("7\u00a0widgets", new LocaleFormat("cs").withUnit(new BigDecimal("7"), 0, "WIDGETS", "widgets"), "an unknown unit keeps its label");
        assertEquals("osob", new LocaleFormat("cs").unitWord(new BigDecimal("-61"), 0, "PERS", "osoby"), "a change of −61 reads as 61");
    }

    private static String with(String lang, String value, int decimals) {
        return with(lang, value, decimals, "PERS");
    }

    @Test
    void percentagePointsTakeThePluralFormOfTheChangeAsShown() {
        assertEquals("procentního bodu", pp("cs", "1.5", 1), "cs: a fraction is 'many'");
        assertEquals("procentní body", pp("cs", "2", 0));
        assertEquals("procentních bodů", pp("cs", "5", 0));
        assertEquals("procentní bod", pp("cs", "-1", 0), "the sign does not change the form");
        assertEquals("punktu procentowego", pp("pl", "0.5", 1));
        assertEquals("punktów procentowych", pp("pl", "5", 0));
        assertEquals("percentage point", pp("en", "1", 0));
        assertEquals("percentage points", pp("en", "1.0", 1), "1.0 as shown is plural in English");
        assertEquals("prosenttiyksikköä", pp("fi", "2.3", 1));
    }

    @Test
    void aMonthAfterAPrepositionIsGenitiveInCzechAndPolishOnly() {
        java.time.LocalDate november = java.time.LocalDate.of(2025, 11, 1);
        assertEquals("listopadu 2025", new LocaleFormat("cs").periodAfterPreposition(org.lmobservatory.catalogue.Frequency.M, november));
        assertEquals("listopada 2025", new LocaleFormat("pl").periodAfterPreposition(org.lmobservatory.catalogue.Frequency.M, november));
        assertEquals("marraskuu 2025", new LocaleFormat("fi").periodAfterPreposition(org.lmobservatory.catalogue.Frequency.M, november));
        assertEquals("2025", new LocaleFormat("cs").periodAfterPreposition(org.lmobservatory.catalogue.Frequency.A, november));
    }

    private static String pp(String lang, String value, int decimals) {
        return new LocaleFormat(lang).unitWord(new BigDecimal(value), decimals, "PP", "label");
    }

    private static String with(String lang, String value, int decimals, String unit) {
        return new LocaleFormat(lang).withUnit(new BigDecimal(value), decimals, unit, "label");
    }
}
