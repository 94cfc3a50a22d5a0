package org.lmobservatory.loader.codelists;

import org.junit.jupiter.api.Test;
import org.lmobservatory.loader.DefinitionFiles.InvalidDefinitionException;
import org.lmobservatory.support.TestServer;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LauImportTest {

    @Test
    void municipalitiesOfFourCountriesAreMergedUnderTheirNuts3Regions() throws Exception {
        // The concordances point at NUTS 2021 regions (FI193 …), which the NUTS history provides.
        RealCodelists.importer().importFile("nuts", RealCodelists.file("nuts_changes_1999_2021.csv"), RealCodelists.into("t-lau"));
        Map<String, Integer> expected = new LinkedHashMap<>(Map.of("FI", 310, "PL", 2_477, "CZ", 6_258, "BG", 265));
        for (String country : expected.keySet()) {
            Path file = RealCodelists.file("lau/" + country + "_lau_2020_nuts_2021.csv");
            CodelistImporter.Result r = RealCodelists.importer().importFile("lau", file, RealCodelists.into("t-lau"));
            System.out.println("LAU " + country + " import (" + r.codesInFile() + " rows): " + r.message());
            assertEquals(expected.get(country), r.codesInFile(), country);
        }

        var fi = RealCodelists.codelistUnchecked("t-lau", "fi");
        assertEquals("NUTS2021", fi.get("version"), "merging municipalities keeps the list's version");
        Map<String, Map<String, Object>> codes = RealCodelists.codesById(fi);
        for (String country : expected.keySet()) {
            List<Map<String, Object>> municipalities = codes.values().stream()
                    .filter(c -> "municipality".equals(c.get("level")) && ((String) c.get("id")).startsWith(country + "_")).toList();
            assertEquals(expected.get(country), municipalities.size(), country + " municipalities");
            for (Map<String, Object> m : municipalities) {
                Map<String, Object> parent = codes.get((String) m.get("parent"));
                assertTrue(parent != null && "district".equals(parent.get("level")) && ((List<?>) parent.get("validIn")).contains("NUTS2021"),
                        m.get("id") + " hangs under " + m.get("parent") + ", which must be a NUTS 2021 district of the list");
            }
        }
        assertEquals(Map.of("id", "FI_091", "label", "Helsinki", "parent", "FI1B1", "level", "municipality"), codes.get("FI_091"));
        assertEquals("FI1B", codes.get("FI1B1").get("parent"));
        assertEquals("Helsingfors", RealCodelists.codesById(RealCodelists.codelistUnchecked("t-lau", "sv")).get("FI_091").get("label"));
        assertEquals("FI193", codes.get("FI_179").get("parent"), "Jyväskylä in Keski-Suomi, a NUTS 2021 code gone in 2024");

        Map<String, Map<String, Object>> bg = RealCodelists.codesById(RealCodelists.codelistUnchecked("t-lau", "bg"));
        assertEquals("Бургас", bg.get("BG_BGS04").get("label"));
        assertEquals("BG341", bg.get("BG_BGS04").get("parent"));
        Map<String, Map<String, Object>> cs = RealCodelists.codesById(RealCodelists.codelistUnchecked("t-lau", "cs"));
        assertEquals("Želechovice nad Dřevnicí", cs.get("CZ_500011").get("label"));
        assertEquals("CZ072", cs.get("CZ_500011").get("parent"));
        Map<String, Map<String, Object>> pl = RealCodelists.codesById(RealCodelists.codelistUnchecked("t-lau", "pl"));
        assertEquals("Bochnia", pl.get("PL_1001121200101").get("label"));
        assertEquals("PL214", pl.get("PL_1001121200101").get("parent"));
        // Depth-first order: a municipality follows its region.
        List<String> order = List.copyOf(codes.keySet());
        assertTrue(order.indexOf("FI1B1") < order.indexOf("FI_091") && order.indexOf("FI1B") < order.indexOf("FI1B1"));
    }

    @Test
    void aMunicipalityWhoseRegionIsNotInTheCodelistIsRejectedOnItsLine() throws Exception {
        Path file = TestServer.file("t-lau-orphans.csv", "gisco_id,longitude,latitude,country,nuts_2,nuts_3,lau_id,lau_name,population\n"
                + "FI_091,24.97,60.20,FI,FI1B,FI1B1,091,Helsinki / Helsingfors,653835\n"
                + "FI_092,25.0,60.3,FI,FI1B,,092,Vantaa / Vanda,237231\n");
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                () -> RealCodelists.importer().importFile("lau", file, RealCodelists.into("t-lau-orphans")));
        assertEquals(List.of("t-lau-orphans.csv:3: nuts_3: missing; every municipality needs its NUTS 3 region"),
                e.errors().stream().map(Object::toString).toList(), "format errors first");

        Path onlyGood = TestServer.file("t-lau-orphans.csv", "gisco_id,country,nuts_3,lau_id,lau_name\nFI_091,FI,FI1B1,091,Helsinki\n");
        e = assertThrows(InvalidDefinitionException.class,
                () -> RealCodelists.importer().importFile("lau", onlyGood, RealCodelists.into("t-lau-orphans")));
        assertEquals("t-lau-orphans.csv:2: nuts_3: 'FI1B1', parent of 'FI_091', is not a code of codelist 't-lau-orphans'; "
                + "import the codes it belongs under into 't-lau-orphans' first", e.errors().get(0).toString());
    }
}
