package org.lmobservatory.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed's territorial codes are real ones: every Czech municipality of the seed GEO list under the Liberec Region
 * (the municipalities of cz-pno) is a LAU of Eurostat's LAU 2020 list with the same code, name and NUTS 3 region.
 * Reads ../shared/realdata (LMO_SHARED_DIR or -Dlmo.shared.dir overrides "../shared"); skipped without it.
 */
class SeedTerritorialCodesTest {

    @Test
    void liberecRegionMunicipalitiesAreRealLauCodesOfTheirNuts3Region() throws Exception {
        String base = System.getProperty("lmo.shared.dir", System.getenv().getOrDefault("LMO_SHARED_DIR", "../shared"));
        Path lau = Path.of(base, "realdata", "codelists", "lau", "CZ_lau_2020_nuts_2021.csv");
        Assumptions.assumeTrue(Files.exists(lau), lau + " absent (set LMO_SHARED_DIR to the folder holding realdata/): skipping");
        Map<String, String[]> real = new HashMap<>(); // lau_id → {nuts_3, lau_name}
        List<String> lines = Files.readAllLines(lau, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        int id = header.indexOf("lau_id");
        int nuts3 = header.indexOf("nuts_3");
        int name = header.indexOf("lau_name");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1); // no field of the Czech file is quoted
            real.put(f[id], new String[]{f[nuts3], f[name]});
        }

        JsonNode geo = new ObjectMapper().readTree(Path.of("seed/codelists/GEO.json").toFile());
        Map<String, String> parents = new HashMap<>();
        for (JsonNode c : geo.path("codes")) parents.put(c.path("id").asText(), c.path("parent").asText(null));
        int checked = 0;
        for (JsonNode c : geo.path("codes")) {
            String code = c.path("id").asText();
            if (!code.startsWith("CZ_") || !"CZ051".equals(parents.get(parents.get(code)))) continue;
            String[] lauRow = real.get(code.substring(3));
            assertTrue(lauRow != null, code + " is not a Czech LAU code");
            assertEquals("CZ051", lauRow[0], code + " is not in the Liberec Region");
            assertEquals(lauRow[1], c.path("labels").path("cs").asText(), code + " has the name of another municipality");
            checked++;
        }
        assertEquals(11, checked, "Liberec Region municipalities (under its four districts) in the seed GEO list");
    }
}
