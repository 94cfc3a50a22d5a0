package org.lmobservatory.loader.codelists;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NaceImportTest {

    @Test
    void englishAndBulgarianNaceFilesMergeIntoOneCodelistWithBothLabels() throws Exception {
        CodelistImporter.Result en = RealCodelists.importer().importFile("nace", RealCodelists.file("nace2_en.csv"), RealCodelists.into("t-nace"));
        CodelistImporter.Result bg = RealCodelists.importer().importFile("nace", RealCodelists.file("nace2_bg.csv"), RealCodelists.into("t-nace", null, "bg"));
        System.out.println("NACE import: " + en.message() + "; " + bg.message());
        assertEquals(996, bg.codes(), "the Bulgarian file adds labels, not codes");

        var english = RealCodelists.codelist("t-nace", "en");
        assertEquals(996, english.get("count"));
        assertEquals("NACE Rev. 2", english.get("version"));
        Map<String, Map<String, Object>> codesEn = RealCodelists.codesById(english);
        Map<String, Long> perLevel = codesEn.values().stream().collect(Collectors.groupingBy(c -> (String) c.get("level"), Collectors.counting()));
        assertEquals(Map.of("section", 21L, "division", 88L, "group", 272L, "class", 615L), perLevel);
        Map<String, Map<String, Object>> codesBg = RealCodelists.codesById(RealCodelists.codelistUnchecked("t-nace", "bg"));

        assertEquals("Growing of cereals (except rice), leguminous crops and oil seeds", codesEn.get("01.11").get("label"));
        assertEquals("Отглеждане на зърнени (без ориз) и бобови растения и маслодайни семена", codesBg.get("01.11").get("label"));
        assertEquals("Computer programming activities", codesEn.get("62.01").get("label"));
        assertEquals("Компютърно програмиране", codesBg.get("62.01").get("label"));
        assertEquals("AGRICULTURE, FORESTRY AND FISHING", codesEn.get("A").get("label"));
        assertEquals("СЕЛСКО, ГОРСКО И РИБНО СТОПАНСТВО", codesBg.get("A").get("label"));

        assertEquals("01.1", codesEn.get("01.11").get("parent"));
        assertEquals("01", codesEn.get("01.1").get("parent"));
        assertEquals("A", codesEn.get("01").get("parent"));
        assertEquals(null, codesEn.get("A").get("parent"));
        assertEquals("class", codesBg.get("62.01").get("level"));
    }
}
