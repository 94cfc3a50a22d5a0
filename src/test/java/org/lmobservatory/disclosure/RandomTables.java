package org.lmobservatory.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random but complete tables built from random people, as the graduate loader builds them: area (country, region,
 * municipality, school) × field (TOTAL and fields) × sex (T, F, M), every total the exact sum of its breakdown.
 * Some schools are tiny, some fields rare, so primary suppression has work to do.
 */
final class RandomTables {
    static final List<String> DIMENSIONS = List.of("geo", "field", "sex");

    record Person(String school, String field, String sex, boolean counted) {
    }

    /** The count table (people), the rate table (counted people among them), and the people behind them. */
    record Pair(Table counts, Table rates, List<Person> people) {
    }

    private RandomTables() {
    }

    static Pair generate(Random rnd) {
        Map<String, String> geoParent = new LinkedHashMap<>();
        List<String> schools = new ArrayList<>();
        int countries = 1 + rnd.nextInt(2);
        for (int c = 0; c < countries; c++) {
            String country = "C" + c;
            int regions = 1 + rnd.nextInt(3);
            for (int r = 0; r < regions; r++) {
                String region = country + "R" + r;
                geoParent.put(region, country);
                int munis = 1 + rnd.nextInt(3);
                for (int m = 0; m < munis; m++) {
                    String muni = region + "M" + m;
                    geoParent.put(muni, region);
                    int n = 1 + rnd.nextInt(3);
                    for (int s = 0; s < n; s++) {
                        String school = muni + "S" + s;
                        geoParent.put(school, muni);
                        schools.add(school);
                    }
                }
            }
        }
        List<String> fields = new ArrayList<>();
        int nFields = 1 + rnd.nextInt(4);
        for (int f = 0; f < nFields; f++) fields.add("F0" + f);
        double share = 0.02 + rnd.nextDouble() * 0.5;
        List<Person> people = new ArrayList<>();
        for (String school : schools) {
            int size = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(12) : 5 + rnd.nextInt(80);
            for (int i = 0; i < size; i++) {
                String field = fields.get(Math.min(fields.size() - 1, (int) Math.floor(Math.abs(rnd.nextGaussian()) * fields.size() / 2.0)));
                people.add(new Person(school, field, rnd.nextBoolean() ? "F" : "M", rnd.nextDouble() < share));
            }
        }
        return build(geoParent, fields, people);
    }

    static Pair build(Map<String, String> geoParent, List<String> fields, List<Person> people) {
        Map<String, String> fieldParent = new HashMap<>();
        fields.forEach(f -> fieldParent.put(f, "TOTAL"));
        List<Hierarchy> hierarchies = List.of(new Hierarchy(geoParent), new Hierarchy(fieldParent), new Hierarchy(Map.of("F", "T", "M", "T")));
        // People add up per school, field and sex first; every area, field and sex total is a sum of those.
        Map<List<String>, long[]> leaves = new LinkedHashMap<>();
        for (Person p : people) {
            long[] s = leaves.computeIfAbsent(List.of(p.school(), p.field(), p.sex()), k -> new long[2]);
            s[0]++;
            if (p.counted()) s[1]++;
        }
        Map<List<String>, long[]> sums = new LinkedHashMap<>();
        leaves.forEach((leaf, n) -> {
            for (String geo : chain(leaf.get(0), geoParent)) {
                for (String field : List.of(leaf.get(1), "TOTAL")) {
                    for (String sex : List.of(leaf.get(2), "T")) {
                        long[] s = sums.computeIfAbsent(List.of(geo, field, sex), k -> new long[2]);
                        s[0] += n[0];
                        s[1] += n[1];
                    }
                }
            }
        });
        Table counts = new Table(Kind.COUNT, DIMENSIONS, hierarchies);
        Table rates = new Table(Kind.RATE, DIMENSIONS, hierarchies);
        sums.forEach((key, s) -> {
            counts.add(Cell.count(key, s[0]));
            rates.add(new Cell(key, s[1], s[0]));
        });
        return new Pair(counts, rates, people);
    }

    private static List<String> chain(String code, Map<String, String> parents) {
        List<String> out = new ArrayList<>();
        for (String c = code; c != null; c = parents.get(c)) out.add(c);
        return out;
    }
}
