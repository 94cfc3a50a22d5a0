package org.lmobservatory.loader.formats;

import org.junit.jupiter.api.Test;
import org.lmobservatory.catalogue.Code;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Frequency;
import org.lmobservatory.catalogue.Period;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The small rules the two readers are built from: periods, time patterns, label matching, encoding checks. */
class ReadingRulesTest {

    @Test
    void jsonStatTimeCategoriesOfStatisticalOffices() {
        assertEquals("2013", period("2013", Frequency.A));
        assertEquals("2013-Q1", period("2013Q1", Frequency.Q));
        assertEquals("2013-Q2", period("2013K2", Frequency.Q), "Statistics Norway's kvartal");
        assertEquals("2013-Q3", period("2013T3", Frequency.Q));
        assertEquals("2013-01", period("2013M01", Frequency.M));
        assertEquals("2013-11", period("2013-11", Frequency.M));
        assertEquals("2013-Q4", period("2013 - 4", Frequency.Q), "INE: the number is a quarter in a quarterly dataset");
        assertEquals("2013-04", period("2013 - 4", Frequency.M), "… and a month in a monthly one");
        assertEquals("2013-Q2", period("2013-04-01", Frequency.Q));
        assertEquals("", period("2013-04-02", Frequency.Q));
        assertEquals("", period("2013M13", Frequency.M));
        assertEquals("", period("2013W01", Frequency.M));
        assertEquals("", period("2013 - 5", Frequency.Q));
    }

    private static String period(String id, Frequency f) {
        Optional<Period> p = Period.parse(id, f);
        return p.map(x -> x.granularity().label(x.start())).orElse("");
    }

    @Test
    void timePatternsOfMappedCsv() {
        assertEquals(Optional.of("2013-01"), TimeFormat.of("yyyy'M'MM").period("2013M01"));
        assertEquals(Optional.of("2013-07"), TimeFormat.of("MM/yyyy").period("07/2013"));
        assertEquals(Optional.of("2013-Q3"), TimeFormat.of("yyyy'Q'Q").period("2013Q3"));
        assertEquals(Optional.of("2013"), TimeFormat.of("yyyy").period(" 2013 "));
        assertEquals(Optional.of("2013-Q3"), TimeFormat.of(null).period("2013-Q3"), "without a pattern: our own notation");
        assertEquals(Optional.empty(), TimeFormat.of("yyyy-MM").period("2013M01"));
    }

    @Test
    void labelsMatchWithoutCaseOrAccentsAndByEitherHalfOfABilingualName() {
        Codelist list = Codelist.of("T", "1", Map.of(), Map.of(), List.of(
                code("049", "Espoo / Esbo", 1), code("478", "Maarianhamina - Mariehamn / Mariehamn", 2),
                code("999", "Mariehamn", 3), code("599", "Pedersören kunta / Pedersöre", 4)));
        LabelMatcher m = new LabelMatcher(list, "fi");

        assertEquals("049", m.match("ESPOO").code());
        assertEquals("049", m.match("esbo").code());
        assertEquals("599", m.match("Pedersore").code(), "accents ignored");
        assertEquals("999", m.match("Mariehamn").code(), "a whole label wins over a part of another");
        assertEquals("478", m.match("Maarianhamina - Mariehamn").code());
        assertTrue(m.match("Espo").problem().endsWith("(did you mean 'Espoo / Esbo' (049)?)"), m.match("Espo").problem());
        assertEquals("'Zzzzzz' matches no label of codelist T (language fi)", m.match("Zzzzzz").problem());
    }

    private static Code code(String id, String label, int order) {
        return new Code(id, null, null, Map.of("en", label), order);
    }

    @Test
    void utf8ReadAsASingleByteEncodingIsRecognised() {
        Charset latin1 = StandardCharsets.ISO_8859_1;
        String garbled = new String("Région".getBytes(StandardCharsets.UTF_8), latin1);
        assertTrue(new EncodingGuard(latin1).problem(garbled).orElseThrow().contains("as UTF-8 it reads 'Région'"));
        assertEquals(Optional.empty(), new EncodingGuard(latin1).problem("Région"), "real Latin-1 text passes");
        Charset cp1250 = Charset.forName("windows-1250");
        assertEquals(Optional.empty(), new EncodingGuard(cp1250).problem("Žďár nad Sázavou"));
        assertTrue(new EncodingGuard(cp1250).problem(new String("Žďár".getBytes(StandardCharsets.UTF_8), cp1250)).isPresent());
    }
}
