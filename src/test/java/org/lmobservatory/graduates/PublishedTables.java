package org.lmobservatory.graduates;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.lmobservatory.support.SeedFile;
import org.lmobservatory.support.TestServer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the public API tells about one release of a graduate dataset, as an outside attacker downloads it: every
 * row (CSV, codes, with conf_status), the documented method parameters from {@code disclosure} in the dataset's
 * metadata (noise bound, thresholds, protection width), and the area hierarchy of the public codelist. Rows are grouped
 * by block (cohort, months, country): no published sum crosses a block.
 */
final class PublishedTables {
    /** One published row: its value text (empty when suppressed) and its confStatus (empty when published). */
    record Value(String text, String confStatus) {
        boolean suppressed() {
            return text.isEmpty();
        }
    }

    /** What {@code disclosure} in the dataset metadata says; the attacker knows it. */
    record Rules(int maxNoise, int minPopulation, int minCount, int protectionWidth) {
    }

    final String datasetId;
    final Long release;
    final Rules rules;
    /** area → parent, from the public codelist. */
    final Map<String, String> areaParents;
    /** Field codes (without TOTAL) that appear in any row. */
    final List<String> fields;
    /** block key (year|months|country) → cell key (year|months|geo|field|sex) → indicator → value. */
    final Map<String, Map<String, Map<String, Value>>> blocks;
    final int rowCount;

    private PublishedTables(String datasetId, Long release, Rules rules, Map<String, String> areaParents, List<String> fields,
                            Map<String, Map<String, Map<String, Value>>> blocks, int rowCount) {
        this.datasetId = datasetId;
        this.release = release;
        this.rules = rules;
        this.areaParents = areaParents;
        this.fields = fields;
        this.blocks = blocks;
        this.rowCount = rowCount;
    }

    /** Downloads a dataset; release null is the current release. */
    static PublishedTables download(String datasetId, String areaCodelist, Long release) {
        JsonPath meta = TestServer.given().get("/v1/datasets/" + datasetId).then().statusCode(200).extract().jsonPath();
        Rules rules = new Rules(intOr(meta, "disclosure.maxNoise", 0), intOr(meta, "disclosure.minPopulation", 10),
                intOr(meta, "disclosure.minCount", 3), intOr(meta, "disclosure.protectionWidth", 3));
        RequestSpecification request = TestServer.given().queryParam("format", "csv").queryParam("labels", "code");
        if (release != null) request = request.queryParam("release", release);
        String csv = request.get("/v1/datasets/" + datasetId + "/observations").then().statusCode(200).extract().asString();
        return parse(datasetId, release, rules, areaParents(areaCodelist), csv);
    }

    private static int intOr(JsonPath json, String path, int otherwise) {
        Number n = json.get(path);
        return n == null ? otherwise : n.intValue();
    }

    static PublishedTables parse(String datasetId, Long release, Rules rules, Map<String, String> areaParents, String csv) {
        List<List<String>> records = SeedFile.parseCsv(csv);
        List<String> h = records.get(0);
        int time = h.indexOf("time"), months = h.indexOf("months"), geo = h.indexOf("geo"), field = h.indexOf("field");
        int sex = h.indexOf("sex"), indicator = h.indexOf("indicator"), value = h.indexOf("value"), conf = h.indexOf("conf_status");
        if (conf < 0) throw new AssertionError("no conf_status column in " + h);
        Map<String, Map<String, Map<String, Value>>> blocks = new TreeMap<>();
        TreeSet<String> fields = new TreeSet<>();
        for (List<String> r : records.subList(1, records.size())) {
            String country = root(areaParents, r.get(geo));
            String block = String.join("|", r.get(time), r.get(months), country);
            String cell = GraduateTruth.key(r.get(time), r.get(months), r.get(geo), r.get(field), r.get(sex));
            Value previous = blocks.computeIfAbsent(block, k -> new LinkedHashMap<>()).computeIfAbsent(cell, k -> new HashMap<>())
                    .put(r.get(indicator), new Value(r.get(value), r.get(conf)));
            if (previous != null) throw new AssertionError("two rows for " + cell + " " + r.get(indicator));
            if (!r.get(field).equals("TOTAL")) fields.add(r.get(field));
        }
        return new PublishedTables(datasetId, release, rules, areaParents, new ArrayList<>(fields), blocks, records.size() - 1);
    }

    /** child → parent of a codelist, as anyone can read it from the API. */
    static Map<String, String> areaParents(String codelist) {
        JsonPath json = TestServer.given().get("/v1/codelists/" + codelist).then().statusCode(200).extract().jsonPath();
        Map<String, String> parents = new HashMap<>();
        List<Map<String, Object>> codes = json.getList("codes");
        for (Map<String, Object> c : codes) if (c.get("parent") != null) parents.put((String) c.get("id"), (String) c.get("parent"));
        return parents;
    }

    static String root(Map<String, String> parents, String area) {
        String a = area;
        while (parents.containsKey(a)) a = parents.get(a);
        return a;
    }

    /** Suppressed rows whose confStatus is not C (the README promises C for every one). */
    List<String> suppressedWithoutC() {
        List<String> out = new ArrayList<>();
        blocks.values().forEach(cells -> cells.forEach((key, row) -> row.forEach((indicator, v) -> {
            if (v.suppressed() && !v.confStatus().equals("C")) out.add(key + " " + indicator + ": confStatus '" + v.confStatus() + "'");
        })));
        return out;
    }

    int suppressedRows() {
        int n = 0;
        for (Map<String, Map<String, Value>> cells : blocks.values()) for (Map<String, Value> row : cells.values()) for (Value v : row.values()) if (v.suppressed()) n++;
        return n;
    }

    /** The cohorts whose rows differ between two releases. */
    static TreeSet<String> changedCohorts(PublishedTables a, PublishedTables b) {
        Map<String, Map<String, Map<String, Value>>> byCohortA = byCohort(a), byCohortB = byCohort(b);
        TreeSet<String> cohorts = new TreeSet<>(byCohortA.keySet());
        cohorts.addAll(byCohortB.keySet());
        cohorts.removeIf(c -> byCohortA.getOrDefault(c, Map.of()).equals(byCohortB.getOrDefault(c, Map.of())));
        return cohorts;
    }

    private static Map<String, Map<String, Map<String, Value>>> byCohort(PublishedTables t) {
        Map<String, Map<String, Map<String, Value>>> out = new HashMap<>();
        t.blocks.forEach((block, cells) -> out.computeIfAbsent(block.split("\\|")[0], k -> new HashMap<>()).putAll(cells));
        return out;
    }
}
