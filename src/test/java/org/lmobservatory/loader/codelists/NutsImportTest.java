package org.lmobservatory.loader.codelists;

import org.junit.jupiter.api.Test;
import org.lmobservatory.loader.DefinitionFiles.InvalidDefinitionException;
import org.lmobservatory.support.TestServer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NutsImportTest {

    @Test
    void eurostatNutsListBecomesRegionsWithCountriesLevelsParentsAndNationalLabels() throws Exception {
        Path file = RealCodelists.file("NUTS2021-NUTS2024_labels.csv");
        CodelistImporter.Result result = RealCodelists.importer().importFile("nuts", file, RealCodelists.into("t-nuts-2024", "NUTS2024", null));
        System.out.println("NUTS list import: " + result.message());
        assertEquals(1_582 + 27, result.codes(), "1,582 regions and the 27 EU countries");

        var bg = RealCodelists.codelist("t-nuts-2024", "bg");
        assertEquals(1_609, bg.get("count"));
        assertEquals("NUTS2024", bg.get("version"));
        Map<String, Map<String, Object>> codes = RealCodelists.codesById(bg);
        Map<String, Long> perLevel = codes.values().stream().collect(Collectors.groupingBy(c -> (String) c.get("level"), Collectors.counting()));
        assertEquals(Map.of("country", 27L, "major-region", 119L, "region", 271L, "district", 1_192L), perLevel);

        assertCode(codes, "BG411", "София (столица)", "BG41", "district");
        assertCode(codes, "BG41", "Югозападен", "BG4", "region");
        assertCode(codes, "BG4", "Югозападна и Южна централна България", "BG", "major-region");
        assertCode(codes, "BG", "Bulgaria", null, "country");
        assertCode(codes, "BEZZZ", "Extra-Regio NUTS 3", "BEZZ", "district");
        assertEquals(List.of("NUTS2024"), codes.get("BG411").get("validIn"));
        assertNull(codes.get("BG411").get("successors"), "no successor data: the field is left out");

        Map<String, Map<String, Object>> cs = RealCodelists.codesById(RealCodelists.codelistUnchecked("t-nuts-2024", "cs"));
        assertCode(cs, "CZ010", "Hlavní město Praha", "CZ01", "district");
        // National labels are stored under the country's language, and English falls back to them.
        Map<String, Map<String, Object>> en = RealCodelists.codesById(RealCodelists.codelistUnchecked("t-nuts-2024", "en"));
        assertEquals("Miasto Warszawa", en.get("PL911").get("label"));
        assertEquals("Helsinki-Uusimaa", en.get("FI1B1").get("label"));
        assertEquals("FI19A", codes.get("FI19A").get("id"), "codes are NUTS 2024 (FI19A/FI19B)");
    }

    @Test
    void aRowWithoutItsCodeIsRejectedWithFileLineAndColumnAndNothingIsStored() throws Exception {
        Path file = TestServer.file("t-nuts-bad.csv", "\uFEFFCountry code;NUTS Code;NUTS label;NUTS level;Country order;#;;\r\n"
                + "BG;BG3;Северна и Югоизточна България;1;2;62;;\r\n"
                + ";;;;;;;\r\n"
                + "BG;;Северозападен;2;2;63;;\r\n"
                + "BG;BG311;Видин;4;2;64;;\r\n");
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                () -> RealCodelists.importer().importFile("nuts", file, RealCodelists.into("t-nuts-bad")));
        List<String> messages = e.errors().stream().map(Object::toString).toList();
        assertEquals(List.of("t-nuts-bad.csv:4: NUTS Code: missing; every region row needs its NUTS code",
                "t-nuts-bad.csv:5: NUTS level: '4' is not a NUTS level 0-3"), messages);
        assertEquals("NUTS Code", e.errors().get(0).column());
        TestServer.given().get("/v1/codelists/t-nuts-bad").then().statusCode(404);
    }

    @Test
    void aRegionWhoseParentIsMissingIsRejected() throws Exception {
        Path file = TestServer.file("t-nuts-orphan.csv", "Country code;NUTS Code;NUTS label;NUTS level\n"
                + "BG;BG3;Северна и Югоизточна България;1\n"
                + "BG;BG311;Видин;3\n");
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                () -> RealCodelists.importer().importFile("nuts", file, RealCodelists.into("t-nuts-orphan")));
        assertEquals("t-nuts-orphan.csv:3: NUTS Code: 'BG31', parent of 'BG311', is not a code of codelist 't-nuts-orphan'; "
                + "import the codes it belongs under into 't-nuts-orphan' first", e.errors().get(0).toString());
    }

    private static void assertCode(Map<String, Map<String, Object>> codes, String id, String label, String parent, String level) {
        Map<String, Object> c = codes.get(id);
        assertTrue(c != null, id + " missing");
        assertEquals(label, c.get("label"), id);
        assertEquals(parent, c.get("parent"), id);
        assertEquals(level, c.get("level"), id);
    }
}
