package org.lmobservatory.graduates;

import io.restassured.path.json.JsonPath;
import org.lmobservatory.disclosure.Cell;
import org.lmobservatory.disclosure.Deriver;
import org.lmobservatory.disclosure.Hierarchy;
import org.lmobservatory.disclosure.Kind;
import org.lmobservatory.disclosure.Table;
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

/**
 * The attacker at the API: downloads every published cell of a graduate dataset as CSV, reads the hierarchies from
 * the public codelists, turns rates back into counts (rate × population, the population taken from the truth to make
 * the attacker stronger than a real one), and derives every value that subtraction across totals and breakdowns
 * gives away. Returns the derivations that hit the true value of a suppressed cell.
 */
final class ApiAttack {
    static final List<String> ADDITIVE = List.of("TRACKED", "EMP_RATE", "EDU_RATE", "NEET_RATE", "IN_FIELD_RATE");

    record Result(int suppressedCells, int publishedCells, List<String> recovered) {
    }

    private ApiAttack() {
    }

    static Result run(String datasetId, String areaCodelist, Map<String, long[]> truth) {
        String csv = TestServer.given().queryParam("format", "csv").queryParam("labels", "code")
                .get("/v1/datasets/" + datasetId + "/observations").then().statusCode(200).extract().asString();
        List<List<String>> records = SeedFile.parseCsv(csv);
        List<String> header = records.get(0);
        int geo = header.indexOf("geo"), field = header.indexOf("field"), sex = header.indexOf("sex"), months = header.indexOf("months");
        int indicator = header.indexOf("indicator"), time = header.indexOf("time"), value = header.indexOf("value");
        List<Hierarchy> hierarchies = List.of(Hierarchy.flat(), Hierarchy.flat(), parents(areaCodelist), parents("ISCEDF13"), parents("SEX"));
        Map<String, Map<String, BigDecimal>> published = new HashMap<>();
        Map<String, Set<String>> keys = new HashMap<>();
        int suppressed = 0;
        for (List<String> r : records.subList(1, records.size())) {
            String key = GraduateTruth.key(r.get(time), r.get(months), r.get(geo), r.get(field), r.get(sex));
            keys.computeIfAbsent(r.get(indicator), k -> new HashSet<>()).add(key);
            if (r.get(value).isEmpty()) suppressed++;
            else published.computeIfAbsent(r.get(indicator), k -> new HashMap<>()).put(key, new BigDecimal(r.get(value)));
        }
        List<String> recovered = new ArrayList<>();
        for (String ind : ADDITIVE) {
            Map<String, BigDecimal> values = published.getOrDefault(ind, Map.of());
            Kind kind = ind.equals("TRACKED") ? Kind.COUNT : Kind.RATE;
            Table table = new Table(kind, IndicatorBuilder.DIMENSIONS, hierarchies);
            for (String key : keys.getOrDefault(ind, Set.of())) {
                long[] nd = GraduateTruth.numeratorAndDenominator(ind, truth.get(key));
                BigDecimal v = values.get(key);
                long numerator = v == null ? 0 : kind == Kind.COUNT ? v.longValueExact()
                        : v.multiply(BigDecimal.valueOf(nd[1])).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
                table.add(new Cell(List.of(key.split("\\|")), Math.min(numerator, nd[1]), nd[1]));
            }
            for (Deriver.Derivation d : Deriver.attack(table, k -> values.containsKey(String.join("|", k)))) {
                long[] nd = GraduateTruth.numeratorAndDenominator(ind, truth.get(String.join("|", d.key())));
                long actual = d.how().startsWith("complement") ? nd[1] - nd[0] : nd[0];
                if (d.value() == actual) recovered.add(ind + " " + d.key() + " = " + d.value() + " (" + d.how() + ")");
            }
        }
        return new Result(suppressed, records.size() - 1 - suppressed, recovered);
    }

    /** child → parent of a codelist, as anyone can read it from the API. */
    static Hierarchy parents(String codelist) {
        JsonPath json = TestServer.given().get("/v1/codelists/" + codelist).then().statusCode(200).extract().jsonPath();
        Map<String, String> parents = new HashMap<>();
        List<Map<String, Object>> codes = json.getList("codes");
        for (Map<String, Object> c : codes) if (c.get("parent") != null) parents.put((String) c.get("id"), (String) c.get("parent"));
        return new Hierarchy(parents);
    }
}
