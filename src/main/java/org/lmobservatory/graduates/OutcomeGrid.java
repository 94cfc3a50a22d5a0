package org.lmobservatory.graduates;

import org.lmobservatory.disclosure.BoundedNoise;
import org.lmobservatory.disclosure.CellKeyNoise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every cell that is published, with its true and its perturbed counts, in independent blocks (cohort × follow-up
 * point × country) together with the sums that hold inside each block.
 *
 * <p>The grid is complete: every area of the file (in any cohort) and every field of the file, in every cohort and at
 * every follow-up point, whether or not anyone is in the cell. A cell that exists only when it has people would tell
 * a reader, by appearing in a later release, that someone was added to it.
 */
final class OutcomeGrid {
    static final List<String> MONTHS = GraduateRecord.MONTHS;
    static final List<String> SEXES = List.of("T", "F", "M");
    static final String ALL_FIELDS = "TOTAL";

    /** One published cell. truth and noisy are indexed by {@link Measure}; BOTH is never published, so it has no noise. */
    record OutcomeCell(int year, String months, String geo, String field, String sex, long[] truth, long[] noisy,
                       Integer medianTrue, Integer medianNoisy) {
        List<String> key() {
            return List.of(Integer.toString(year), months, geo, field, sex);
        }
    }

    /** parent = sum of children, for every measure; indices into the block's cells. */
    record Sum(int parent, int[] children) {
    }

    /**
     * A school × field × sex count, never published: the finest cross-classification, of which every published cell is
     * a sum. Its counts are non-negative whether or not anyone sees them, and an attacker uses that (a country's
     * field × sex cell is the sum of its regions' unpublished field × sex cells, each at most its region's field total
     * and its region's sex total), so the auditor needs them.
     */
    record Atom(String school, String field, String sex, long[] truth) {
    }

    /**
     * cap: an upper bound on every count of the block that a reader may be assumed to know — twice the largest number
     * of graduates of the cohort tracked at any point in any country, plus 100: loose enough to pin nothing, and it
     * keeps the linear programs well scaled.
     *
     * <p>atoms: every school × field × sex cell of the country, for every field of the file (the reader is not assumed
     * to know which fields a school teaches); atomsOf[i]: the atoms whose sum is cell i, empty only for an area
     * without schools (known to be empty).
     */
    record Block(int year, String months, String country, List<OutcomeCell> cells, List<Sum> sums, List<Atom> atoms, int[][] atomsOf, long cap) {
    }

    private final List<Block> blocks;
    private final long bounded;

    private OutcomeGrid(List<Block> blocks, long bounded) {
        this.blocks = blocks;
        this.bounded = bounded;
    }

    List<Block> blocks() {
        return blocks;
    }

    /**
     * How many counts and median bands the bound moved off their fresh noisy value (the fresh noise would have moved
     * them further than the noise bound from an earlier release). For the operator and tests only.
     */
    long bounded() {
        return bounded;
    }

    /**
     * @param areas   every area of the file, parents before children
     * @param fields  every field code of the file
     * @param salts   per cohort, added to every cell key of the cohort (see {@link CohortSalts})
     * @param earlier the earlier public releases of each cohort: a republished cohort's noisy counts are kept within
     *                the noise bound of what they published ({@link BoundedNoise}), and stay within the noise of the truth
     */
    static OutcomeGrid of(List<OutcomeCounts.Row> rows, List<AreaCodelist.AreaCode> areas, Iterable<String> fields, Map<Integer, Long> salts,
                          EarlierReleases earlier) {
        Map<List<String>, OutcomeCounts.Row> byKey = new HashMap<>();
        for (OutcomeCounts.Row r : rows) byKey.put(List.of(Integer.toString(r.year()), r.months(), r.geo(), r.field(), r.sex()), r);
        List<String> fieldCodes = new ArrayList<>();
        fieldCodes.add(ALL_FIELDS);
        TreeSet<String> sorted = new TreeSet<>();
        fields.forEach(sorted::add);
        fieldCodes.addAll(sorted);
        Map<String, String> countryOf = new HashMap<>();
        for (AreaCodelist.AreaCode a : areas) countryOf.put(a.id(), a.parent() == null ? a.id() : countryOf.get(a.parent()));
        Map<Integer, Long> caps = new HashMap<>();
        for (OutcomeCounts.Row r : rows) caps.merge(r.year(), r.counts()[Measure.TRACKED.ordinal()], Math::max);
        Map<String, List<String>> schoolsUnder = schoolsUnder(areas);
        List<Block> blocks = new ArrayList<>();
        long[] bounded = new long[1];
        for (int year : new TreeSet<>(salts.keySet())) {
            long cap = 100 + 2 * caps.getOrDefault(year, 0L);
            for (String months : MONTHS) {
                Map<String, List<OutcomeCell>> byCountry = new LinkedHashMap<>();
                for (AreaCodelist.AreaCode a : areas) {
                    for (String field : fieldCodes) {
                        for (String sex : SEXES) {
                            if (!published(a.level(), field, sex)) continue;
                            OutcomeCounts.Row r = byKey.get(List.of(Integer.toString(year), months, a.id(), field, sex));
                            byCountry.computeIfAbsent(countryOf.get(a.id()), k -> new ArrayList<>())
                                    .add(cell(year, months, a.id(), field, sex, r, salts.get(year), earlier, bounded));
                        }
                    }
                }
                for (Map.Entry<String, List<OutcomeCell>> e : byCountry.entrySet()) {
                    List<Atom> atoms = atoms(year, months, schoolsUnder.get(e.getKey()), sorted, byKey);
                    blocks.add(new Block(year, months, e.getKey(), List.copyOf(e.getValue()), sums(e.getValue(), areas), atoms,
                            atomsOf(e.getValue(), atoms, schoolsUnder), cap));
                }
            }
        }
        return new OutcomeGrid(List.copyOf(blocks), bounded[0]);
    }

    /** Per area, the schools (areas without children) under it, itself for a school, in codelist order. */
    private static Map<String, List<String>> schoolsUnder(List<AreaCodelist.AreaCode> areas) {
        Map<String, String> parents = new HashMap<>();
        java.util.Set<String> withChildren = new java.util.HashSet<>();
        for (AreaCodelist.AreaCode a : areas) {
            parents.put(a.id(), a.parent());
            if (a.parent() != null) withChildren.add(a.parent());
        }
        Map<String, List<String>> out = new HashMap<>();
        for (AreaCodelist.AreaCode a : areas) {
            out.computeIfAbsent(a.id(), k -> new ArrayList<>());
            if (withChildren.contains(a.id())) continue;
            for (String x = a.id(); x != null; x = parents.get(x)) out.computeIfAbsent(x, k -> new ArrayList<>()).add(a.id());
        }
        return out;
    }

    private static List<Atom> atoms(int year, String months, List<String> schools, Iterable<String> fields, Map<List<String>, OutcomeCounts.Row> byKey) {
        List<Atom> out = new ArrayList<>();
        for (String school : schools == null ? List.<String>of() : schools) {
            for (String field : fields) {
                for (String sex : List.of("F", "M")) {
                    OutcomeCounts.Row r = byKey.get(List.of(Integer.toString(year), months, school, field, sex));
                    out.add(new Atom(school, field, sex, r == null ? new long[Measure.COUNT] : r.counts().clone()));
                }
            }
        }
        return List.copyOf(out);
    }

    /** Per cell, the indices of the atoms it adds up. */
    private static int[][] atomsOf(List<OutcomeCell> cells, List<Atom> atoms, Map<String, List<String>> schoolsUnder) {
        int[][] out = new int[cells.size()][];
        for (int i = 0; i < cells.size(); i++) {
            OutcomeCell c = cells.get(i);
            java.util.Set<String> schools = new java.util.HashSet<>(schoolsUnder.getOrDefault(c.geo(), List.of()));
            List<Integer> members = new ArrayList<>();
            for (int a = 0; a < atoms.size(); a++) {
                Atom atom = atoms.get(a);
                if (schools.contains(atom.school()) && (c.field().equals(ALL_FIELDS) || c.field().equals(atom.field()))
                        && (c.sex().equals("T") || c.sex().equals(atom.sex()))) members.add(a);
            }
            out[i] = members.stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /** The breakdowns published per area level: field × sex for countries, field or sex for regions, sex below. */
    static boolean published(String level, String field, String sex) {
        return switch (level) {
            case "country" -> true;
            case "region" -> field.equals(ALL_FIELDS) || sex.equals("T");
            default -> field.equals(ALL_FIELDS);
        };
    }

    /**
     * The cell's true and perturbed counts. The noise is read from the cell key; where an earlier release of the cohort
     * published a count (directly, or as a rate over its published population), the perturbed count is then kept within
     * the noise bound of it and within the noise of the truth ({@link BoundedNoise}): a count that moved further would
     * rule out places where a changed person can be, and after a one-record revision narrow down where they are.
     */
    private static OutcomeCell cell(int year, String months, String geo, String field, String sex, OutcomeCounts.Row r, long salt,
                                    EarlierReleases earlier, long[] bounded) {
        long[] truth = r == null ? new long[Measure.COUNT] : r.counts().clone();
        long[] noisy = new long[Measure.COUNT];
        List<List<long[]>> before = earlier.valuesOf(List.of(Integer.toString(year), months, geo, field, sex));
        for (Measure m : Measure.ALL) {
            if (m == Measure.BOTH) {
                noisy[m.ordinal()] = truth[m.ordinal()];
                continue;
            }
            long fresh = CellKeyNoise.perturb(truth[m.ordinal()], r == null ? 0 : r.keySums()[m.ordinal()] + salt);
            noisy[m.ordinal()] = BoundedNoise.count(truth[m.ordinal()], fresh, CellKeyNoise.MAX_NOISE, before.get(m.ordinal()));
            if (noisy[m.ordinal()] != fresh) bounded[0]++;
        }
        Integer median = r == null ? null : r.earningsMedian();
        Integer noisyMedian = null;
        if (median != null) {
            int fresh = CellKeyNoise.perturbBand(median, r.keySums()[Measure.EARNINGS_KNOWN.ordinal()] + salt);
            noisyMedian = BoundedNoise.band(median, fresh, CellKeyNoise.MAX_BAND_NOISE, 1, 10, before.get(Measure.COUNT));
            if (noisyMedian != fresh) bounded[0]++;
        }
        return new OutcomeCell(year, months, geo, field, sex, truth, noisy, median, noisyMedian);
    }

    /** Along areas (same field and sex), along fields (same area and sex) and along sex, wherever parent and all children are published. */
    private static List<Sum> sums(List<OutcomeCell> cells, List<AreaCodelist.AreaCode> areas) {
        Map<List<String>, Integer> index = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            OutcomeCell c = cells.get(i);
            index.put(List.of(c.geo(), c.field(), c.sex()), i);
        }
        Map<String, List<String>> childAreas = new LinkedHashMap<>();
        for (AreaCodelist.AreaCode a : areas) if (a.parent() != null) childAreas.computeIfAbsent(a.parent(), k -> new ArrayList<>()).add(a.id());
        List<String> fields = cells.stream().map(OutcomeCell::field).filter(f -> !f.equals(ALL_FIELDS)).distinct().toList();
        List<Sum> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            OutcomeCell c = cells.get(i);
            addSum(out, index, i, childAreas.getOrDefault(c.geo(), List.of()).stream().map(g -> List.of(g, c.field(), c.sex())).toList());
            if (c.field().equals(ALL_FIELDS)) addSum(out, index, i, fields.stream().map(f -> List.of(c.geo(), f, c.sex())).toList());
            if (c.sex().equals("T")) addSum(out, index, i, List.of(List.of(c.geo(), c.field(), "F"), List.of(c.geo(), c.field(), "M")));
        }
        return List.copyOf(out);
    }

    private static void addSum(List<Sum> out, Map<List<String>, Integer> index, int parent, List<List<String>> children) {
        if (children.isEmpty()) return;
        int[] at = new int[children.size()];
        for (int i = 0; i < at.length; i++) {
            Integer c = index.get(children.get(i));
            if (c == null) return;
            at[i] = c;
        }
        out.add(new Sum(parent, at));
    }
}
