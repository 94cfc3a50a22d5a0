package org.lmobservatory.graduates;

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
     * cap: an upper bound on every count of the block that a reader may be assumed to know — twice the largest number
     * of graduates of the cohort tracked at any point in any country, plus 100: loose enough to pin nothing, and it
     * keeps the linear programs well scaled.
     */
    record Block(int year, String months, String country, List<OutcomeCell> cells, List<Sum> sums, long cap) {
    }

    private final List<Block> blocks;

    private OutcomeGrid(List<Block> blocks) {
        this.blocks = blocks;
    }

    List<Block> blocks() {
        return blocks;
    }

    /**
     * @param areas   every area of the file, parents before children
     * @param fields  every field code of the file
     * @param salts   per cohort, added to every cell key of the cohort (see {@link CohortSalts})
     */
    static OutcomeGrid of(List<OutcomeCounts.Row> rows, List<AreaCodelist.AreaCode> areas, Iterable<String> fields, Map<Integer, Long> salts) {
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
        List<Block> blocks = new ArrayList<>();
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
                                    .add(cell(year, months, a.id(), field, sex, r, salts.get(year)));
                        }
                    }
                }
                byCountry.forEach((country, cells) -> blocks.add(new Block(year, months, country, List.copyOf(cells), sums(cells, areas), cap)));
            }
        }
        return new OutcomeGrid(List.copyOf(blocks));
    }

    /** The breakdowns published per area level: field × sex for countries, field or sex for regions, sex below. */
    static boolean published(String level, String field, String sex) {
        return switch (level) {
            case "country" -> true;
            case "region" -> field.equals(ALL_FIELDS) || sex.equals("T");
            default -> field.equals(ALL_FIELDS);
        };
    }

    private static OutcomeCell cell(int year, String months, String geo, String field, String sex, OutcomeCounts.Row r, long salt) {
        long[] truth = r == null ? new long[Measure.COUNT] : r.counts().clone();
        long[] noisy = new long[Measure.COUNT];
        for (Measure m : Measure.ALL) {
            noisy[m.ordinal()] = m == Measure.BOTH ? truth[m.ordinal()]
                    : CellKeyNoise.perturb(truth[m.ordinal()], r == null ? 0 : r.keySums()[m.ordinal()] + salt);
        }
        Integer median = r == null ? null : r.earningsMedian();
        Integer noisyMedian = median == null ? null
                : CellKeyNoise.perturbBand(median, r.keySums()[Measure.EARNINGS_KNOWN.ordinal()] + salt);
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
