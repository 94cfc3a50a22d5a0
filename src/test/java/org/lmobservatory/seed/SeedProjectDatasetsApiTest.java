package org.lmobservatory.seed;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.SeedFile;
import org.lmobservatory.support.TestServer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed datasets of the Czech, Kosovo and Bulgarian projects: loaded by the seed loader, listed in the catalogue,
 * served in JSON and CSV with each measure's own unit, and their numbers consistent where the model says they are
 * (PNO is the rounded ratio of its row's counts; EQAVET is a function of published graduate-outcomes values).
 */
class SeedProjectDatasetsApiTest {

    @Test
    void theThreeProjectDatasetsAreInTheCatalogue() {
        List<String> ids = TestServer.given().get("/v1/datasets").then().statusCode(200).extract().jsonPath().getList("datasets.id");
        assertTrue(ids.containsAll(List.of("cz-pno", "xk-vet-labour-match", "eqavet-bg")), ids.toString());
    }

    @Test
    void everyPublishedPnoIsTheRoundedRatioOfTheJobSeekersAndPopulationOnItsRow() {
        JsonPath meta = TestServer.given().get("/v1/datasets/cz-pno").then().statusCode(200).extract().jsonPath();
        assertEquals("ratio", meta.getString("measures.measures.find { it.code == 'PNO' }.kind"));
        assertEquals("JOBSEEKERS_15_64", meta.getString("measures.measures.find { it.code == 'PNO' }.numerator"));
        assertEquals("POP_15_64", meta.getString("measures.measures.find { it.code == 'PNO' }.denominator"));
        assertEquals(100, meta.getInt("measures.measures.find { it.code == 'PNO' }.scale"));

        Map<String, Map<String, Map<String, Object>>> cells = new HashMap<>(); // geo|time → measure → observation
        for (Map<String, Object> o : observations("cz-pno", Map.of())) {
            cells.computeIfAbsent(o.get("geo") + "|" + o.get("time"), k -> new HashMap<>()).put((String) o.get("measure"), o);
            assertEquals(o.get("measure").equals("PNO") ? "PC" : "PERS", o.get("unit"), o.toString());
        }
        Set<String> municipalities = new TreeSet<>();
        int checked = 0;
        for (Map<String, Map<String, Object>> row : cells.values()) {
            Object pno = row.get("PNO").get("value");
            Object jobseekers = row.get("JOBSEEKERS_15_64").get("value");
            Object population = row.get("POP_15_64").get("value");
            if (pno == null) {
                assertNull(jobseekers, row.toString());
                continue;
            }
            BigDecimal expected = new BigDecimal(jobseekers.toString()).multiply(BigDecimal.valueOf(100))
                    .divide(new BigDecimal(population.toString()), 2, RoundingMode.HALF_UP);
            assertEquals(0, expected.compareTo(new BigDecimal(pno.toString())), "PNO of " + row);
            municipalities.add((String) row.get("PNO").get("geo"));
            checked++;
        }
        assertEquals(11, municipalities.size(), municipalities.toString());
        assertTrue(checked > 600, "ratios checked: " + checked);
        // Every municipality is in one of the Liberec Region's four districts.
        List<String> underDistricts = TestServer.given().queryParam("geoLevel", "municipality").queryParam("geoParent", "CZ051")
                .queryParam("measure", "PNO").queryParam("time", "2024-06").queryParam("labels", "code")
                .get("/v1/datasets/cz-pno/observations").then().statusCode(200).extract().jsonPath().getList("observations.geo");
        assertEquals(municipalities, new TreeSet<>(underDistricts));

        List<Map<String, String>> csv = csv("cz-pno", Map.of("geo", "CZ_563889", "time", "2024-06"));
        assertEquals(3, csv.size(), csv.toString());
        for (Map<String, String> r : csv) assertEquals(r.get("measure").equals("PNO") ? "%" : "persons", r.get("unit"), r.toString());
        Map<String, String> values = new HashMap<>();
        csv.forEach(r -> values.put(r.get("measure"), r.get("value")));
        assertEquals(new BigDecimal(values.get("JOBSEEKERS_15_64")).multiply(BigDecimal.valueOf(100))
                .divide(new BigDecimal(values.get("POP_15_64")), 2, RoundingMode.HALF_UP).toPlainString(), values.get("PNO"));
    }

    @Test
    void kosovoTableServesEachOwnersMeasureWithItsUnitAndTotalsAreSumsOfThePairs() {
        Map<String, String> units = Map.of("VET_ENROLLED", "PERS", "JOBSEEKERS", "PERS", "VACANCIES", "VAC");
        Map<String, Long> totals = new HashMap<>();
        Map<String, Long> sums = new HashMap<>();
        Set<String> incomplete = new HashSet<>();
        Set<String> regions = new TreeSet<>();
        for (Map<String, Object> o : observations("xk-vet-labour-match", Map.of())) {
            assertEquals(units.get((String) o.get("measure")), o.get("unit"), o.toString());
            regions.add((String) o.get("geo"));
            String key = o.get("geo") + "|" + o.get("measure") + "|" + o.get("time");
            if (o.get("value") == null) {
                incomplete.add(key); // a missing pair (flag m) leaves its total without a checkable sum
                continue;
            }
            long v = new BigDecimal(o.get("value").toString()).longValueExact();
            if (o.get("profile").equals("TOTAL")) totals.put(key, v);
            else sums.merge(key, v, Long::sum);
        }
        assertEquals(Set.of("XK01", "XK02", "XK03", "XK04", "XK05", "XK06", "XK07"), regions);
        int checked = 0;
        for (Map.Entry<String, Long> t : totals.entrySet()) {
            if (incomplete.contains(t.getKey())) continue;
            assertEquals(t.getValue(), sums.get(t.getKey()), "TOTAL of " + t.getKey());
            checked++;
        }
        assertTrue(checked >= totals.size() - 9, checked + " of " + totals.size() + " totals checked");

        JsonPath meta = TestServer.given().queryParam("lang", "sq").get("/v1/datasets/xk-vet-labour-match").then().statusCode(200).extract().jsonPath();
        assertTrue(meta.getString("description").contains("TË DHËNA DEMONSTRUESE"), meta.getString("description"));
        String description = TestServer.given().get("/v1/datasets/xk-vet-labour-match").then().extract().jsonPath().getString("description");
        assertTrue(description.contains("education ministry") && description.contains("labour ministry") && description.contains("ILLUSTRATIVE"), description);

        List<Map<String, String>> csv = csv("xk-vet-labour-match", Map.of("geo", "XK01", "profile", "ICT-3512", "time", "2024"));
        assertEquals(3, csv.size(), csv.toString());
        for (Map<String, String> r : csv) assertEquals(r.get("measure").equals("VACANCIES") ? "vacancies" : "persons", r.get("unit"), r.toString());
    }

    @Test
    void everyEqavetValueIsItsPublishedGraduateOutcomeAndSuppressedWhereTheSourceIs() {
        List<Map<String, Object>> eqavet = observations("eqavet-bg", Map.of());
        Set<String> areas = new TreeSet<>();
        eqavet.forEach(o -> areas.add((String) o.get("geo")));
        Map<String, Map<String, Object>> source = new HashMap<>();
        for (Map<String, Object> o : observations("graduate-outcomes", Map.of("geo", String.join(",", areas), "months", "M12",
                "field", "TOTAL", "sex", "T", "indicator", "NEET_RATE,EMP_RATE,IN_FIELD_RATE"))) {
            source.put(o.get("geo") + "|" + o.get("indicator") + "|" + o.get("time"), o);
        }
        Map<String, String> from = Map.of("EQAVET_5A", "NEET_RATE", "EQAVET_5B", "EMP_RATE", "EQAVET_6A", "IN_FIELD_RATE");
        int published = 0;
        int suppressed = 0;
        for (Map<String, Object> o : eqavet) {
            assertEquals("PC", o.get("unit"), o.toString());
            Map<String, Object> s = source.get(o.get("geo") + "|" + from.get((String) o.get("indicator")) + "|" + o.get("time"));
            assertNotNull(s, "no graduate-outcomes value behind " + o);
            assertEquals(s.get("flag"), o.get("flag"), o + " from " + s);
            assertEquals(s.get("confStatus"), o.get("confStatus"), o + " from " + s);
            if (s.get("value") == null) {
                assertNull(o.get("value"), o + " from " + s);
                suppressed++;
                continue;
            }
            BigDecimal v = new BigDecimal(s.get("value").toString());
            BigDecimal expected = o.get("indicator").equals("EQAVET_5A") ? BigDecimal.valueOf(100).subtract(v) : v;
            assertEquals(0, expected.compareTo(new BigDecimal(o.get("value").toString())), o + " from " + s);
            published++;
        }
        assertTrue(areas.stream().allMatch(a -> a.startsWith("BG")), "Bulgarian areas and schools only: " + areas);
        assertTrue(areas.contains("BG"), areas.toString());
        assertEquals(source.size(), eqavet.size(), "one EQAVET value per published source value");
        assertTrue(published > 0, "published values: " + published);
        System.out.printf("eqavet-bg: %d values equal to their source, %d suppressed with it, %d areas%n", published, suppressed, areas.size());

        List<Map<String, String>> csv = csv("eqavet-bg", Map.of("geo", "BG", "labels", "code"));
        assertTrue(!csv.isEmpty());
        for (Map<String, String> r : csv) {
            assertEquals("%", r.get("unit"), r.toString());
            assertTrue(r.containsKey("conf_status"), r.toString());
        }
        String description = TestServer.given().get("/v1/datasets/eqavet-bg").then().statusCode(200).extract().jsonPath().getString("description");
        assertTrue(description.contains("discloses nothing"), description);
    }

    @Test
    void chartsAndWidgetsOfTheProjectDatasetsShowTheUnitOfTheMeasureTheyDraw() {
        String pno = TestServer.given().queryParam("geo", "CZ_563889,CZ_563510").queryParam("measure", "PNO").queryParam("time", "2024")
                .get("/v1/datasets/cz-pno/chart.svg").then().statusCode(200).extract().asString();
        assertTrue(pno.contains("Unit: %"), pno);
        String vacancies = TestServer.given().queryParam("dataset", "xk-vet-labour-match").queryParam("geo", "XK01").queryParam("profile", "ICT-3512")
                .queryParam("measure", "VACANCIES").get("/widgets/indicator").then().statusCode(200).extract().asString();
        assertTrue(vacancies.contains("<span class=\"lmo-unit\">vacancies</span>"), vacancies);
        String placement = TestServer.given().queryParam("dataset", "eqavet-bg").queryParam("geo", "BG").queryParam("indicator", "EQAVET_5A")
                .get("/widgets/indicator").then().statusCode(200).extract().asString();
        assertTrue(placement.contains("<span class=\"lmo-unit\">%</span>"), placement);
    }

    private static List<Map<String, Object>> observations(String dataset, Map<String, String> filters) {
        JsonPath doc = TestServer.given().queryParams(filters).queryParam("labels", "code").queryParam("limit", 100000)
                .get("/v1/datasets/{id}/observations", dataset).then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertNull(doc.get("links.next"), "one page");
        List<Map<String, Object>> rows = doc.getList("observations");
        assertTrue(!rows.isEmpty(), dataset + " has observations");
        return rows;
    }

    /** RFC 4180 CSV of an observation query, as maps from header to field (labels may hold commas, so fields are parsed). */
    private static List<Map<String, String>> csv(String dataset, Map<String, String> filters) {
        String text = TestServer.given().queryParams(filters).queryParam("format", "csv").get("/v1/datasets/{id}/observations", dataset)
                .then().statusCode(200).extract().asString();
        List<List<String>> rows = SeedFile.parseCsv(text);
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < row.size(); i++) m.put(rows.get(0).get(i), row.get(i));
            out.add(m);
        }
        return out;
    }
}
