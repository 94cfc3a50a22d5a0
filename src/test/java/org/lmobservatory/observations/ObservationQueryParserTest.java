package org.lmobservatory.observations;

import org.junit.jupiter.api.Test;
import org.lmobservatory.catalogue.Code;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.catalogue.Frequency;
import org.lmobservatory.catalogue.Unit;
import org.lmobservatory.config.AppConfig;
import org.lmobservatory.releases.Release;
import org.lmobservatory.errors.ObservatoryException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parser alone: pure logic, no server, no database. */
class ObservationQueryParserTest {
    private static final Codelist GEO = Codelist.of("GEO", "v", Map.of(), Map.of(), List.of(
            new Code("FI", null, "country", Map.of("en", "Finland"), 0),
            new Code("FI1B", "FI", "region", Map.of("en", "Helsinki-Uusimaa"), 1),
            new Code("FI_091", "FI1B", "municipality", Map.of("en", "Helsinki"), 2),
            new Code("FI_049", "FI1B", "municipality", Map.of("en", "Espoo"), 3),
            new Code("FI1C", "FI", "region", Map.of("en", "Etelä-Suomi"), 4),
            new Code("FI_853", "FI1C", "municipality", Map.of("en", "Turku"), 5)));
    private static final Codelist SEX = Codelist.of("SEX", "v", Map.of(), Map.of(), List.of(
            new Code("T", null, null, Map.of("en", "Total"), 0), new Code("F", "T", null, Map.of("en", "Females"), 1)));
    private static final Dataset MONTHLY = new Dataset("m", Map.of("en", "M"), Map.of(), "labour-market", List.of(), Frequency.M,
            new Unit("PERS", Map.of(), 0, 0), "s", "CC-BY-4.0", null, Map.of(), false, 1L, Instant.EPOCH,
            List.of(new Dimension("geo", 0, "GEO", "geo", Map.of()), new Dimension("sex", 1, "SEX", null, Map.of())));
    private final ObservationQueryParser parser = new ObservationQueryParser(
            id -> id.equals("GEO") ? GEO : SEX, AppConfig.Limits.defaults());

    private ObservationQuery parse(Map<String, List<String>> params) {
        return parser.parse(MONTHLY, params, null);
    }

    @Test
    void dimensionFiltersAcceptCommaListsAndRepeatedParameters() {
        ObservationQuery q = parse(Map.of("geo", List.of("FI1B,FI1C", "FI"), "sex", List.of("F")));
        assertEquals(List.of("FI1B", "FI1C", "FI"), q.codeFilters().get(0));
        assertEquals(List.of("F"), q.codeFilters().get(1));
    }

    @Test
    void geoLevelAndParentIntersectWithExplicitCodes() {
        ObservationQuery q = parse(Map.of("geoLevel", List.of("municipality"), "geoParent", List.of("FI1B")));
        assertEquals(List.of("FI_091", "FI_049"), q.codeFilters().get(0));
        ObservationQuery both = parse(Map.of("geoLevel", List.of("municipality"), "geoParent", List.of("FI1B"), "geo", List.of("FI_049,FI_853")));
        assertEquals(List.of("FI_049"), both.codeFilters().get(0));
        assertNull(both.codeFilters().get(1));
    }

    @Test
    void timeRangesBecomeHalfOpenDateWindows() {
        TimeFilter t = parse(Map.of("time", List.of("2019..2024"))).time();
        assertEquals(LocalDate.of(2019, 1, 1), t.from());
        assertEquals(LocalDate.of(2025, 1, 1), t.toExclusive());
        TimeFilter open = parse(Map.of("time", List.of("2024-03.."))).time();
        assertEquals(LocalDate.of(2024, 3, 1), open.from());
        assertNull(open.toExclusive());
    }

    @Test
    void lastPeriodsResolvesAgainstTheReleaseAndCountsItsPeriods() {
        Release release = new Release(1, "m", Instant.EPOCH, 0, "x", "f", null, LocalDate.of(2019, 1, 1), LocalDate.of(2025, 12, 1));
        TimeFilter.Window w = parse(Map.of("lastPeriods", List.of("12"))).time().resolve(release, Frequency.M);
        assertEquals(LocalDate.of(2025, 1, 1), w.from());
        assertEquals(LocalDate.of(2026, 1, 1), w.toExclusive());
        assertEquals(12, w.periodsIn(release, Frequency.M));
        assertEquals(84, TimeFilter.ALL.resolve(release, Frequency.M).periodsIn(release, Frequency.M));
        TimeFilter.Window beyond = parse(Map.of("time", List.of("2030"))).time().resolve(release, Frequency.M);
        assertEquals(0, beyond.periodsIn(release, Frequency.M));
    }

    @Test
    void canonicalQueryIgnoresParameterAndCodeOrder() {
        String a = parse(Map.of("geo", List.of("FI1C,FI1B"), "time", List.of("2024"))).canonicalQuery().toString();
        String b = parse(Map.of("time", List.of("2024"), "geo", List.of("FI1B", "FI1C"))).canonicalQuery().toString();
        assertEquals(a, b);
        assertEquals("geo=FI1B,FI1C&time=2024", a);
    }

    @Test
    void badInputsAreProblemsNamingTheParameter() {
        assertProblem(Map.of("geo", List.of("FI1X")), "unknown-code");
        assertProblem(Map.of("sort", List.of("x")), "unknown-parameter");
        assertProblem(Map.of("time", List.of("2024..2019")), "invalid-time");
        assertProblem(Map.of("geoLevel", List.of("planet")), "unknown-level");
        assertProblem(Map.of("lastPeriods", List.of("-1")), "invalid-parameter");
        assertProblem(Map.of("labels", List.of("all")), "invalid-parameter");
        assertProblem(Map.of("time", List.of("2024", "2025")), "repeated-parameter");
        assertProblem(Map.of("limit", List.of("0")), "invalid-parameter");
    }

    @Test
    void cursorsRoundTripAndForgeriesAreRejected() {
        String cursor = Page.cursor(17, LocalDate.of(2024, 5, 1));
        Page page = parse(Map.of("cursor", List.of(cursor), "limit", List.of("5"))).page();
        assertEquals(new Page(5, 17, LocalDate.of(2024, 5, 1)), page);
        assertProblem(Map.of("cursor", List.of("djE6eDp5")), "invalid-cursor");
    }

    private void assertProblem(Map<String, List<String>> params, String type) {
        ObservatoryException e = assertThrows(ObservatoryException.class, () -> parse(params));
        assertEquals(400, e.status());
        assertEquals(type, e.kind().slug());
        assertTrue(e.getMessage().length() > 20, "a helpful detail: " + e.getMessage());
    }
}
