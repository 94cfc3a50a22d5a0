package org.lmobservatory.loader.formats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.lmobservatory.db.Json;
import org.lmobservatory.loader.formats.TestDefinitions.TestCode;
import org.lmobservatory.loader.groupings.GroupingStore;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Groupings on real data: Statistics Finland's municipal jobseeker file (shared/realdata, 2020) loaded through the
 * loader with unemployed, labour force and the unemployment rate as measures; the real municipalities grouped by the
 * NUTS 3 region (maakunta) the LAU list puts them in. Every group's value is checked against the test's own sums of
 * the source file: counts summed, the rate as 100 × Σunemployed / Σlabour force, suppressed members withheld.
 */
class RealMunicipalGroupingTest {
    private static final String MONTH = "2020-10";

    private record Source(Map<String, BigDecimal> unemployed, Map<String, BigDecimal> labourForce) {
    }

    @Test
    void groupsOfRealMunicipalitiesAreSumsAndPooledRatesOfTheirMembers() throws Exception {
        Path file = SharedData.realdata("national/fi/statfin_tyonv_kunta_1001.csv");
        Path lau = SharedData.realdata("codelists/lau/FI_lau_2020_nuts_2021.csv");
        List<List<String>> lauRows = SimpleCsv.read(lau, StandardCharsets.UTF_8, ',');
        List<String> h = lauRows.get(0);
        Map<String, String> codeByName = new HashMap<>();
        Map<String, List<String>> byRegion = new TreeMap<>();
        List<TestCode> codes = new ArrayList<>();
        for (List<String> r : lauRows.subList(1, lauRows.size())) {
            String code = r.get(h.indexOf("lau_id"));
            String name = r.get(h.indexOf("lau_name"));
            codes.add(new TestCode(code, Map.of("en", name), null, "municipality"));
            codeByName.put(name, code);
            for (String part : name.split(" / ")) codeByName.putIfAbsent(part, code);
            byRegion.computeIfAbsent(r.get(h.indexOf("nuts_3")), k -> new ArrayList<>()).add(code);
        }
        TestDefinitions.codelist("rg-fi-lau", codes);
        TestDefinitions.codelist("rg-fi-measure", List.of(TestCode.of("UNEMPLOYED", "Unemployed jobseekers"),
                TestCode.of("LABOUR_FORCE", "Labour force"), TestCode.of("RATE", "Unemployment rate")));
        Path definition = TestServer.file("rg-fi-kunta.json", """
                {"id": "rg-fi-kunta", "title": {"en": "StatFin jobseekers by municipality, 2020"}, "theme": "labour-market",
                 "frequency": "M", "source": "Statistics Finland, StatFin tyonv 1001 (CC BY 4.0)", "unit": {"id": "MIXED"},
                 "dimensions": [{"id": "geo", "codelist": "rg-fi-lau", "role": "geo"}, {"id": "measure", "codelist": "rg-fi-measure"}],
                 "measures": {"dimension": "measure", "codes": {
                   "UNEMPLOYED": {"kind": "count", "unit": {"id": "PERS"}},
                   "LABOUR_FORCE": {"kind": "count", "unit": {"id": "PERS"}},
                   "RATE": {"kind": "ratio", "numerator": "UNEMPLOYED", "denominator": "LABOUR_FORCE", "scale": 100,
                            "unit": {"id": "PC", "decimals": 1}}}}}
                """);

        // The 2020 months as long CSV, suppressed cells (StatFin's blanks, 1–4 persons) as confidential; the rate per
        // municipality from its own two counts, as a publisher would.
        Source october = new Source(new HashMap<>(), new HashMap<>());
        StringBuilder csv = new StringBuilder("geo,measure,time,value,flag\n");
        List<List<String>> source = SimpleCsv.read(file, StandardCharsets.UTF_8, ',');
        for (List<String> row : source.subList(1, source.size())) {
            if (!row.get(1).startsWith("2020-")) continue;
            String geo = codeByName.get(row.get(0));
            assertNotNull(geo, row.get(0));
            String u = row.get(2);
            String lf = row.get(3);
            csv.append(line(geo, "UNEMPLOYED", row.get(1), u)).append(line(geo, "LABOUR_FORCE", row.get(1), lf));
            if (!u.isEmpty() && !lf.isEmpty()) {
                BigDecimal rate = new BigDecimal(u).multiply(BigDecimal.valueOf(100)).divide(new BigDecimal(lf), 1, RoundingMode.HALF_UP);
                csv.append(line(geo, "RATE", row.get(1), rate.toPlainString()));
            }
            if (row.get(1).equals(MONTH)) {
                october.unemployed().put(geo, u.isEmpty() ? null : new BigDecimal(u));
                october.labourForce().put(geo, lf.isEmpty() ? null : new BigDecimal(lf));
            }
        }
        TestServer.publish("rg-fi-kunta", definition, TestServer.file("rg-fi-kunta.csv", csv.toString()));

        ObjectNode grouping = Json.MAPPER.createObjectNode();
        grouping.put("id", "RG_FI_MAAKUNTA");
        grouping.put("codelist", "rg-fi-lau");
        grouping.putObject("labels").put("en", "Municipalities by NUTS 3 region (test)");
        ArrayNode groups = grouping.putArray("groups");
        byRegion.forEach((region, members) -> {
            ObjectNode g = groups.addObject();
            g.put("code", "RG_" + region);
            g.putObject("labels").put("en", region);
            members.forEach(g.putArray("members")::add);
        });
        new GroupingStore(TestDatabase.get().owner()).load(TestServer.file("RG_FI_MAAKUNTA.json", grouping.toPrettyString()));

        JsonPath json = TestServer.given().queryParam("geoLevel", "RG_FI_MAAKUNTA").queryParam("time", MONTH).queryParam("labels", "code")
                .get("/v1/datasets/rg-fi-kunta/observations").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> served = new HashMap<>();
        for (Map<String, Object> o : json.<Map<String, Object>>getList("observations")) served.put(o.get("geo") + "|" + o.get("measure"), o);
        assertEquals(byRegion.size() * 3, served.size(), "three measures for each of the " + byRegion.size() + " regions");

        int withheld = 0;
        int rateDiffersFromMeanOfRates = 0;
        for (Map.Entry<String, List<String>> region : byRegion.entrySet()) {
            String g = "RG_" + region.getKey();
            BigDecimal u = sum(october.unemployed(), region.getValue());
            BigDecimal lf = sum(october.labourForce(), region.getValue());
            assertEquals(0, lf.compareTo(value(served, g, "LABOUR_FORCE")), g + " labour force");
            if (u == null) {
                withheld++;
                assertNull(served.get(g + "|UNEMPLOYED").get("value"), g + ": a suppressed member withholds the group");
                assertEquals("c", served.get(g + "|UNEMPLOYED").get("flag"));
                assertNull(served.get(g + "|RATE").get("value"), g);
                continue;
            }
            assertEquals(0, u.compareTo(value(served, g, "UNEMPLOYED")), g + " unemployed");
            BigDecimal pooled = u.multiply(BigDecimal.valueOf(100)).divide(lf, 1, RoundingMode.HALF_UP);
            assertEquals(0, pooled.compareTo(value(served, g, "RATE")), g + " rate = 100 × Σunemployed / Σlabour force");
            BigDecimal meanOfRates = BigDecimal.ZERO;
            for (String m : region.getValue()) {
                meanOfRates = meanOfRates.add(october.unemployed().get(m).multiply(BigDecimal.valueOf(100)).divide(october.labourForce().get(m), 10, RoundingMode.HALF_UP));
            }
            meanOfRates = meanOfRates.divide(BigDecimal.valueOf(region.getValue().size()), 1, RoundingMode.HALF_UP);
            if (meanOfRates.compareTo(pooled) != 0) rateDiffersFromMeanOfRates++;
        }
        System.out.printf("real municipal grouping: %d regions, %d withheld (a suppressed member), %d rates differ from the mean of members' rates%n",
                byRegion.size(), withheld, rateDiffersFromMeanOfRates);
        assertTrue(rateDiffersFromMeanOfRates > 0, "the pooled rate is not the mean of the members' rates");
    }

    private static String line(String geo, String measure, String time, String value) {
        return geo + "," + measure + "," + time + "," + value + "," + (value.isEmpty() ? "c" : "") + "\n";
    }

    /** The members' sum, or null when a member is suppressed. */
    private static BigDecimal sum(Map<String, BigDecimal> values, List<String> members) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String m : members) {
            assertTrue(values.containsKey(m), "member " + m + " is in the file");
            if (values.get(m) == null) return null;
            sum = sum.add(values.get(m));
        }
        return sum;
    }

    private static BigDecimal value(Map<String, Map<String, Object>> served, String group, String measure) {
        Object v = served.get(group + "|" + measure).get("value");
        assertNotNull(v, group + " " + measure);
        return new BigDecimal(v.toString());
    }
}
