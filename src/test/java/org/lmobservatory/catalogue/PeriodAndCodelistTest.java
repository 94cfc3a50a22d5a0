package org.lmobservatory.catalogue;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodAndCodelistTest {

    @Test
    void periodsParseYearsQuartersAndMonthsInCommonSpellings() {
        assertEquals(new Period(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1), Frequency.A), Period.parse("2024").orElseThrow());
        assertEquals(new Period(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 10, 1), Frequency.Q), Period.parse("2024-Q3").orElseThrow());
        assertEquals(Period.parse("2024-Q3"), Period.parse("2024Q3"));
        assertEquals(new Period(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 8, 1), Frequency.M), Period.parse("2024-07").orElseThrow());
        assertEquals(Period.parse("2024-07"), Period.parse("2024M07"));
        assertTrue(Period.parse("2024-13").isEmpty());
        assertTrue(Period.parse("2024-Q5").isEmpty());
        assertTrue(Period.parse("last year").isEmpty());
    }

    @Test
    void oneGrammarForTheApiAndEveryLoaderFormat() {
        assertEquals(Period.parse("2024-07"), Period.parse("202407"), "compact year-month");
        assertEquals(Period.parse("2024-07"), Period.parse("2024-M7"));
        assertEquals(Period.parse("2024-Q3"), Period.parse("2024K3"));
        assertEquals(Period.parse("2024-Q3"), Period.parse("2024 q 03"));
        assertEquals("2024-Q2", Period.parse("2024-04-01", Frequency.Q).orElseThrow().label(), "a date that starts a period of the frequency");
        assertEquals("2024-04", Period.parse("2024-04-01T00:00:00", Frequency.M).orElseThrow().label());
        assertTrue(Period.parse("2024-04-01").isEmpty(), "without a frequency a date is no period");
        assertTrue(Period.parse("2024-05-01", Frequency.Q).isEmpty());
        assertTrue(Period.parse("2024-02-30", Frequency.M).isEmpty());
        assertEquals("2024-Q3", Period.parse("2024 - 3", Frequency.Q).orElseThrow().label());
        assertEquals("2024-03", Period.parse("2024-3", Frequency.M).orElseThrow().label());
        assertTrue(Period.parse("2024 - 3", Frequency.A).isEmpty());
        assertTrue(Period.parse("2024-00").isEmpty());
        assertTrue(Period.parse("20247").isEmpty());
    }

    @Test
    void frequenciesLabelAndCountPeriods() {
        LocalDate july = LocalDate.of(2024, 7, 1);
        assertEquals("2024", Frequency.A.label(july));
        assertEquals("2024-Q3", Frequency.Q.label(july));
        assertEquals("2024-07", Frequency.M.label(july));
        assertEquals(12, Frequency.M.periodsBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 1)));
        assertEquals(4, Frequency.Q.periodsBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 10, 1)));
        assertEquals(LocalDate.of(2023, 10, 1), Frequency.Q.minus(LocalDate.of(2024, 7, 1), 3));
    }

    @Test
    void aYearSelectsItsMonthsButAMonthCannotSelectFromAnAnnualDataset() {
        assertTrue(Period.parse("2024").orElseThrow().coarserOrEqual(Frequency.M));
        assertFalse(Period.parse("2024-07").orElseThrow().coarserOrEqual(Frequency.A));
    }

    private static Codelist geo() {
        return Codelist.of("T", "v", Map.of(), Map.of(), List.of(
                new Code("FI", null, "country", Map.of("en", "Finland"), 0),
                new Code("FI1", "FI", "major-region", Map.of("en", "Mainland Finland"), 1),
                new Code("FI1B", "FI1", "region", Map.of("en", "Helsinki-Uusimaa"), 2),
                new Code("FI1B1", "FI1B", "district", Map.of("en", "Helsinki-Uusimaa"), 3),
                new Code("FI_091", "FI1B1", "municipality", Map.of("en", "Helsinki"), 4),
                new Code("FI1C", "FI1", "region", Map.of("en", "Etelä-Suomi"), 5)));
    }

    @Test
    void suggestionsPreferCodesOfTheSameLengthAndListTies() {
        assertEquals(List.of("FI1B", "FI1C"), geo().suggest("FI1X"));
        assertEquals(List.of("FI1B"), geo().suggest("fi1b"));
        assertEquals(List.of(), geo().suggest("PL91"));
        assertEquals("FI1B or FI1C", Codelist.orList(List.of("FI1B", "FI1C")));
        assertEquals("A, B or C", Codelist.orList(List.of("A", "B", "C")));
    }

    @Test
    void descendantsFollowTheHierarchyToTheMunicipalities() {
        assertEquals(java.util.Set.of("FI1B", "FI1B1", "FI_091"), geo().descendantsOf("FI1B"));
        assertEquals(6, geo().descendantsOf("FI").size());
    }
}
