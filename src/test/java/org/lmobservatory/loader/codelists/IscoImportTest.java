package org.lmobservatory.loader.codelists;

import org.junit.jupiter.api.Test;
import org.lmobservatory.loader.DefinitionFiles.InvalidDefinitionException;
import org.lmobservatory.support.TestServer;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IscoImportTest {

    @Test
    void escoIscoGroupsGiveFourLevelsWithTheHierarchyFromTheCodes() throws Exception {
        CodelistImporter.Result r = RealCodelists.importer().importFile("isco", RealCodelists.file("esco_ISCOGroups_en.csv"),
                RealCodelists.into("t-isco"));
        System.out.println("ISCO import: " + r.message());
        var isco = RealCodelists.codelist("t-isco", "en");
        assertEquals(619, isco.get("count"));
        assertEquals("ISCO-08", isco.get("version"));
        Map<String, Map<String, Object>> codes = RealCodelists.codesById(isco);
        Map<String, Long> perLevel = codes.values().stream().collect(Collectors.groupingBy(c -> (String) c.get("level"), Collectors.counting()));
        assertEquals(Map.of("major", 10L, "sub-major", 43L, "minor", 130L, "unit", 436L), perLevel);
        assertEquals(Map.of("id", "2512", "label", "Software developers", "parent", "251", "level", "unit"), codes.get("2512"));
        assertEquals(Map.of("id", "251", "label", "Software and applications developers and analysts", "parent", "25", "level", "minor"), codes.get("251"));
        assertEquals("2", codes.get("25").get("parent"));
        assertEquals(Map.of("id", "2", "label", "Professionals", "level", "major"), codes.get("2"));
        // Records after long multi-line descriptions are read whole: the label is the next group's, not a description line.
        assertEquals("Commissioned armed forces officers", codes.get("0110").get("label"));
        assertEquals("Armed forces occupations", codes.get("0").get("label"));
    }

    @Test
    void anErrorAfterAMultiLineDescriptionNamesTheLineItsRecordStartsOn() throws Exception {
        Path file = TestServer.file("t-isco-bad.csv", "conceptType,conceptUri,code,preferredLabel,altLabels,inScheme,description\r\n"
                + "ISCOGroup,http://data.europa.eu/esco/isco/C2,2,Professionals,,\"scheme-a,\nscheme-b\",\"Professionals increase\nthe stock of knowledge.\n\"\r\n"
                + "ISCOGroup,http://data.europa.eu/esco/isco/C25,2X,ICT professionals,,x,y\r\n");
        // Lines 2-5 are one record (two quoted fields span lines); the bad record starts on line 6.
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                () -> RealCodelists.importer().importFile("isco", file, RealCodelists.into("t-isco-bad")));
        assertEquals("t-isco-bad.csv:6: code: '2X' is not an ISCO-08 code (1 to 4 digits)", e.errors().get(0).toString());
        assertEquals("code", e.errors().get(0).column());
    }
}
