package org.lmobservatory.graduates;

import org.lmobservatory.graduates.LinearProgram.Lin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.lmobservatory.graduates.LinearProgram.INF;

/**
 * What an attacker knows about the true counts of one block (cohort, months, country) as a linear program.
 *
 * <p>Variables are the counts of the finest cells, school × field × sex ("atoms"), split by what a person can be:
 * employed only or both employed and in education, each with a field match yes / no / unknown, in education only,
 * NEET — eight non-negative counts per atom. Then E, U, B = both, N, I (in field), K (match known) and
 * T = E + U − B + N are sums of them, and 0 ≤ B ≤ min(E, U), 0 ≤ I ≤ K ≤ E hold by construction (README, threat
 * model); so does every relation along geo, field and sex, as every published cell is a sum of atoms. Earnings known
 * (W ≤ E) only ever has lower bounds, so W = E is its best choice and E stands in for it. Each release adds what its
 * rows reveal under the documented rules, with D the noise bound of the metadata: a count T' = 0 means T = 0 (zero
 * stays zero), T' > 0 means max(1, T' − D) ≤ T ≤ T' + D (positive stays positive); a rate over a published T' means the
 * numerator is within D of one of the n' that round to it and meet the thresholds (n' ≥ minCount, T' − n' ≥ minCount),
 * so n ≥ 1; IN_FIELD_RATE over the unpublished K' adds noisy I', K' (|I' − I| ≤ D, |K' − K| ≤ D, K' ≥ minPopulation)
 * that must round to it; a median means W' ≥ minPopulation. A suppressed value (confStatus C) adds nothing: C is
 * primary (perturbed value below a threshold) or secondary (any size), and that disjunction is relaxed away.
 *
 * <p>A release may be shifted by a change of records (one person added, removed, or corrected: Δ on one atom), for
 * the differencing attack: its counts are then the variables plus Δ.
 */
final class BlockModel {
    static final List<String> SEXES = List.of("F", "M");
    /** The classes of people per atom: employed only or both, with field match yes / no / unknown; education only; NEET. */
    static final int EMPLOYED_IN_FIELD = 0, EMPLOYED_NOT_IN_FIELD = 1, EMPLOYED_MATCH_UNKNOWN = 2, BOTH_IN_FIELD = 3,
            BOTH_NOT_IN_FIELD = 4, BOTH_MATCH_UNKNOWN = 5, EDUCATION_ONLY = 6, NEET = 7, CLASSES = 8;
    /** Which classes each quantity counts. */
    private static final Map<Character, int[]> MEMBERS = Map.of(
            'T', new int[]{0, 1, 2, 3, 4, 5, 6, 7}, 'E', new int[]{0, 1, 2, 3, 4, 5}, 'U', new int[]{3, 4, 5, 6},
            'B', new int[]{3, 4, 5}, 'N', new int[]{7}, 'I', new int[]{0, 3}, 'K', new int[]{0, 1, 3, 4});

    /** The cells of a block and the atoms each one adds up. */
    static final class Shape {
        final String year, months, country;
        final List<String> leaves = new ArrayList<>();
        final List<String> fields;
        /** area → indices of the leaves (schools) under it, itself for a leaf. */
        final Map<String, List<Integer>> leavesUnder = new HashMap<>();
        /** area → depth below the country (0 country, 1 region, 2 municipality, 3 school). */
        final Map<String, Integer> depth = new HashMap<>();
        final Map<String, String> areaParents;

        Shape(String year, String months, String country, Map<String, String> areaParents, List<String> fields) {
            this.areaParents = areaParents;
            this.year = year;
            this.months = months;
            this.country = country;
            this.fields = fields;
            Set<String> parents = new HashSet<>(areaParents.values());
            Set<String> areas = new LinkedHashSet<>(List.of(country));
            areaParents.keySet().stream().sorted().forEach(a -> { if (PublishedTables.root(areaParents, a).equals(country)) areas.add(a); });
            for (String a : areas) {
                int d = 0;
                for (String x = a; areaParents.containsKey(x); x = areaParents.get(x)) d++;
                depth.put(a, d);
                if (!parents.contains(a)) {
                    leaves.add(a);
                    for (String x = a; x != null; x = areaParents.get(x)) leavesUnder.computeIfAbsent(x, k -> new ArrayList<>()).add(leaves.size() - 1);
                }
            }
        }

        int atoms() {
            return leaves.size() * fields.size() * SEXES.size();
        }

        int atom(int leaf, int field, int sex) {
            return (leaf * fields.size() + field) * SEXES.size() + sex;
        }

        String atomKey(int atom) {
            int sex = atom % SEXES.size(), field = atom / SEXES.size() % fields.size(), leaf = atom / SEXES.size() / fields.size();
            return GraduateTruth.key(year, months, leaves.get(leaf), fields.get(field), SEXES.get(sex));
        }

        String key(String geo, String field, String sex) {
            return GraduateTruth.key(year, months, geo, field, sex);
        }

        /** The atoms a cell adds up; empty for an unknown area or field. */
        int[] atomsOf(String geo, String field, String sex) {
            List<Integer> ls = leavesUnder.getOrDefault(geo, List.of());
            List<Integer> fs = new ArrayList<>();
            for (int f = 0; f < fields.size(); f++) if (field.equals("TOTAL") || field.equals(fields.get(f))) fs.add(f);
            List<Integer> ss = new ArrayList<>();
            for (int s = 0; s < SEXES.size(); s++) if (sex.equals("T") || sex.equals(SEXES.get(s))) ss.add(s);
            int[] out = new int[ls.size() * fs.size() * ss.size()];
            int i = 0;
            for (int l : ls) for (int f : fs) for (int s : ss) out[i++] = atom(l, f, s);
            return out;
        }

        /** The documented grid (rule 1): geo × field × sex cells that have rows whenever the area and field are in the file. */
        List<String[]> grid() {
            List<String[]> out = new ArrayList<>();
            List<String> allFields = new ArrayList<>(List.of("TOTAL"));
            allFields.addAll(fields);
            depth.forEach((geo, d) -> {
                for (String f : allFields) {
                    for (String s : List.of("T", "F", "M")) {
                        boolean published = f.equals("TOTAL") || d == 0 || (d == 1 && s.equals("T"));
                        if (published) out.add(new String[]{geo, f, s});
                    }
                }
            });
            return out;
        }
    }

    /**
     * People more (sign +1) or fewer (sign −1) in one atom: of class personClass (−1: status unknown, not tracked), with
     * earnings known (1) or not (0). A corrected record is two of them, −old and +new.
     */
    record Change(int atom, int personClass, int earningsKnown, int sign) {
        int delta(char q) {
            if (q == 'W') return sign * earningsKnown;
            if (personClass < 0) return 0;
            for (int c : MEMBERS.get(q)) if (c == personClass) return sign;
            return 0;
        }
    }

    /** The changes a release shows over the block's variables; empty for the release the variables stand for. */
    record Shift(List<Change> changes) {
        static final Shift NONE = new Shift(List.of());

        int delta(int[] atoms, char q) {
            int d = 0;
            for (Change c : changes) if (contains(atoms, c.atom())) d += c.delta(q);
            return d;
        }
    }

    /** The rows of one release of the block, with its shift (Shift.NONE when the variables are its own counts). */
    record Release(Map<String, Map<String, PublishedTables.Value>> rows, Shift shift, String name) {
    }

    /** A quantity to protect: a linear expression of the variables and its true value; geo is its cell's area. */
    record Target(String label, String geo, Lin lin, long truth) {
    }

    final Shape shape;
    final PublishedTables.Rules rules;
    final int maxNoise;
    final LinearProgram lp = new LinearProgram();
    /** atom → first of its 8 variables. */
    private final int[] vars;
    private final List<Double> truthPoint = new ArrayList<>();
    private final Map<String, long[]> truth;
    private final List<String> truthErrors = new ArrayList<>();
    private final int atomVariableCount;

    /**
     * @param truth the true cube of counts (GraduateTruth.cube), or null when the model is not to be checked against it;
     *              only used to check the model and to pick true values for the noisy helper variables
     */
    BlockModel(Shape shape, PublishedTables.Rules rules, List<Release> releases, Map<String, long[]> truth) {
        this.shape = shape;
        this.rules = rules;
        this.maxNoise = rules.maxNoise();
        this.truth = truth;
        vars = new int[shape.atoms()];
        for (int a = 0; a < vars.length; a++) {
            vars[a] = lp.variables();
            long[] t = truth == null ? null : truth.getOrDefault(shape.atomKey(a), new long[GraduateTruth.BAND + 10]);
            double[] classes = t == null ? new double[CLASSES] : classes(t);
            for (int c = 0; c < CLASSES; c++) {
                lp.variable(0, INF);
                truthPoint.add(classes[c]);
            }
        }
        atomVariableCount = lp.variables();
        for (Release r : releases) {
            if (truth != null && r.shift().changes().isEmpty()) checkCells(r);
            r.rows().forEach((key, row) -> reveal(r, key, row));
        }
    }

    /** One split of a true cell into the classes: employed only and both, spread over the field-match columns. */
    static double[] classes(long[] t) {
        long both = t[GraduateTruth.BOTH], employed = t[GraduateTruth.EMPLOYED];
        long[] match = {t[GraduateTruth.IN_FIELD], t[GraduateTruth.IN_FIELD_KNOWN] - t[GraduateTruth.IN_FIELD], employed - t[GraduateTruth.IN_FIELD_KNOWN]};
        double[] out = new double[CLASSES];
        long employedOnly = employed - both;
        for (int m = 0; m < 3; m++) {
            long take = Math.min(match[m], employedOnly);
            out[m] = take;
            employedOnly -= take;
            out[3 + m] = match[m] - take;
        }
        out[EDUCATION_ONLY] = t[GraduateTruth.EDUCATION] - both;
        out[NEET] = t[GraduateTruth.NEET];
        return out;
    }

    private static boolean contains(int[] atoms, int atom) {
        for (int a : atoms) if (a == atom) return true;
        return false;
    }

    /** A count of a cell: q one of T, E, U, B, N, I, K, W (W: earnings known, E stands in); plus the release's shift. */
    Lin count(String geo, String field, String sex, char q, Shift shift) {
        int[] atoms = shape.atomsOf(geo, field, sex);
        Lin lin = new Lin();
        for (int a : atoms) for (int c : MEMBERS.get(q == 'W' ? 'E' : q)) lin.add(vars[a] + c, 1);
        if (shift != null) lin.plus(shift.delta(atoms, q));
        return lin;
    }

    private static char numerator(String indicator) {
        return switch (indicator) {
            case "EMP_RATE" -> 'E';
            case "EDU_RATE" -> 'U';
            case "NEET_RATE" -> 'N';
            default -> throw new IllegalArgumentException(indicator);
        };
    }

    private void reveal(Release r, String key, Map<String, PublishedTables.Value> row) {
        String[] k = key.split("\\|");
        String geo = k[2], field = k[3], sex = k[4];
        Shift s = r.shift();
        int d = maxNoise;
        String at = r.name() + " " + key + " ";
        PublishedTables.Value tracked = row.get("TRACKED");
        Long trackedValue = tracked == null || tracked.suppressed() ? null : new BigDecimal(tracked.text()).longValueExact();
        if (trackedValue != null) {
            long t = trackedValue;
            lp.constrain(count(geo, field, sex, 'T', s), t == 0 ? 0 : Math.max(t - d, 1), t == 0 ? 0 : t + d, at + "TRACKED " + t);
        }
        for (String indicator : List.of("EMP_RATE", "EDU_RATE", "NEET_RATE")) {
            PublishedTables.Value v = row.get(indicator);
            if (v == null || v.suppressed()) continue;
            BigDecimal rate = new BigDecimal(v.text());
            Lin n = count(geo, field, sex, numerator(indicator), s);
            if (trackedValue == null) {
                rateOverHidden(n, count(geo, field, sex, 'T', s), rate, rules.minPopulation(), at + indicator + " " + rate + " over hidden TRACKED", key, numerator(indicator), 'T');
                continue;
            }
            long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
            for (long np = rules.minCount(); np <= trackedValue - rules.minCount(); np++) {
                if (percent(np, trackedValue, rate.scale()).compareTo(rate) == 0) {
                    lo = Math.min(lo, np);
                    hi = Math.max(hi, np);
                }
            }
            if (lo > hi) {
                lp.constrain(Lin.constant(1), 0, 0, at + indicator + " " + rate + " over TRACKED " + trackedValue + ": no numerator rounds to it");
                continue;
            }
            lp.constrain(n, Math.max(lo - d, 1), hi + d, at + indicator + " " + rate + " over " + trackedValue + ": n' ∈ [" + lo + ", " + hi + "]");
        }
        PublishedTables.Value inField = row.get("IN_FIELD_RATE");
        if (inField != null && !inField.suppressed()) {
            rateOverHidden(count(geo, field, sex, 'I', s), count(geo, field, sex, 'K', s), new BigDecimal(inField.text()), rules.minPopulation(),
                    at + "IN_FIELD_RATE " + inField.text(), key, 'I', 'K');
        }
        PublishedTables.Value median = row.get("EARN_BAND_MEDIAN");
        if (median != null && !median.suppressed()) {
            long least = Math.max(rules.minPopulation() - d, 1);
            lp.constrain(count(geo, field, sex, 'W', s), least, INF, at + "EARN_BAND_MEDIAN published: E ≥ W ≥ " + least);
        }
    }

    static BigDecimal percent(long numerator, long denominator, int decimals) {
        return BigDecimal.valueOf(100L * numerator).divide(BigDecimal.valueOf(denominator), decimals, RoundingMode.HALF_UP);
    }

    /**
     * A rate published over a denominator that is not: noisy n' = n + e, d' = d + f with |e|, |f| ≤ D, n' ≥ 3, d' − n' ≥ 3,
     * d' ≥ minDenominator, and round(100·n'/d') = rate, i.e. (2R − 1)·d' ≤ 2·F·n' ≤ (2R + 1)·d' − 1 with R the rate in
     * units of its last decimal and F = 100 in the same units.
     */
    private void rateOverHidden(Lin num, Lin den, BigDecimal rate, int minDenominator, String label, String key, char numQ, char denQ) {
        long r = rate.unscaledValue().longValueExact();
        long f = BigDecimal.valueOf(100).scaleByPowerOfTen(rate.scale()).longValueExact();
        int d = maxNoise;
        Lin n = num, m = den;
        if (d > 0) {
            int en = lp.variable(-d, d), ed = lp.variable(-d, d);
            long[] noisy = truth == null ? new long[]{0, 0} : truePair(key, numQ, denQ, rate, minDenominator);
            long[] c = truth == null ? new long[]{0, 0} : new long[]{trueCount(truth.getOrDefault(key, new long[GraduateTruth.BAND + 10]), numQ),
                    trueCount(truth.getOrDefault(key, new long[GraduateTruth.BAND + 10]), denQ)};
            truthPoint.add((double) (noisy[0] - c[0]));
            truthPoint.add((double) (noisy[1] - c[1]));
            n = num.copy().add(en, 1);
            m = den.copy().add(ed, 1);
            if (rules.minCount() - d < 1) lp.constrain(num, 1, INF, label + ": n' > 0 so n > 0");
            if (minDenominator - d < 1) lp.constrain(den, 1, INF, label + ": d' > 0 so d > 0");
        }
        lp.constrain(n, rules.minCount(), INF, label + ": n' ≥ " + rules.minCount());
        lp.constrain(m, minDenominator, INF, label + ": d' ≥ " + minDenominator);
        lp.constrain(m.copy().plus(n, -1), rules.minCount(), INF, label + ": d' − n' ≥ " + rules.minCount());
        lp.constrain(n.times(2 * f).plus(m, -(2 * r - 1)), 0, INF, label + ": rounds up to it");
        lp.constrain(n.times(2 * f).plus(m, -(2 * r + 1)), -INF, -1, label + ": rounds down to it");
    }

    /** Noisy values within D of the truth that give the published rate, if any (else the truth itself). */
    private long[] truePair(String key, char numQ, char denQ, BigDecimal rate, int minDenominator) {
        long[] c = truth.getOrDefault(key, new long[GraduateTruth.BAND + 10]);
        long num = trueCount(c, numQ), den = trueCount(c, denQ);
        for (long a = Math.max(num - maxNoise, 0); a <= num + maxNoise; a++) {
            for (long b = Math.max(den - maxNoise, 0); b <= den + maxNoise; b++) {
                if (a >= rules.minCount() && b >= minDenominator && b - a >= rules.minCount() && percent(a, b, rate.scale()).compareTo(rate) == 0) return new long[]{a, b};
            }
        }
        return new long[]{num, den};
    }

    static long trueCount(long[] c, char q) {
        return switch (q) {
            case 'T' -> c[GraduateTruth.TRACKED];
            case 'E' -> c[GraduateTruth.EMPLOYED];
            case 'U' -> c[GraduateTruth.EDUCATION];
            case 'B' -> c[GraduateTruth.BOTH];
            case 'N' -> c[GraduateTruth.NEET];
            case 'I' -> c[GraduateTruth.IN_FIELD];
            case 'K' -> c[GraduateTruth.IN_FIELD_KNOWN];
            default -> throw new IllegalArgumentException("quantity " + q);
        };
    }

    /** The model's cells at the true atoms equal the true cells (a check of the hierarchy the model reads from the API). */
    private void checkCells(Release r) {
        double[] x = truthPoint.stream().mapToDouble(Double::doubleValue).toArray();
        for (String key : r.rows().keySet()) {
            String[] k = key.split("\\|");
            long[] c = truth.getOrDefault(key, new long[GraduateTruth.BAND + 10]);
            for (char q : "TEUBNIK".toCharArray()) {
                double modelled = count(k[2], k[3], k[4], q, null).at(x);
                if (modelled != trueCount(c, q)) truthErrors.add("model of " + key + " " + q + " = " + modelled + " at the true atoms, truth " + trueCount(c, q));
            }
            PublishedTables.Value median = r.rows().get(key).get("EARN_BAND_MEDIAN");
            Integer trueMedian = GraduateTruth.earningsMedian(c);
            if (median != null && !median.suppressed()
                    && (trueMedian == null || Math.abs(new BigDecimal(median.text()).intValueExact() - trueMedian) > (maxNoise > 0 ? 1 : 0))) {
                truthErrors.add(r.name() + " " + key + " EARN_BAND_MEDIAN " + median.text() + ", true median " + trueMedian);
            }
        }
    }

    /** The suppressed quantities of a release (rule 10): T of TRACKED, n and T − n of the status rates, I and K − I of IN_FIELD_RATE. */
    List<Target> targets(Map<String, Map<String, PublishedTables.Value>> rows) {
        List<Target> out = new ArrayList<>();
        rows.forEach((key, row) -> {
            String[] k = key.split("\\|");
            long[] c = truth.getOrDefault(key, new long[GraduateTruth.BAND + 10]);
            row.forEach((indicator, v) -> {
                if (!v.suppressed()) return;
                switch (indicator) {
                    case "TRACKED" -> out.add(new Target(key + " TRACKED: T", k[2], count(k[2], k[3], k[4], 'T', null), trueCount(c, 'T')));
                    case "EMP_RATE", "EDU_RATE", "NEET_RATE" -> {
                        char q = numerator(indicator);
                        Lin n = count(k[2], k[3], k[4], q, null);
                        out.add(new Target(key + " " + indicator + ": " + q, k[2], n, trueCount(c, q)));
                        out.add(new Target(key + " " + indicator + ": T − " + q, k[2], count(k[2], k[3], k[4], 'T', null).plus(n, -1),
                                trueCount(c, 'T') - trueCount(c, q)));
                    }
                    case "IN_FIELD_RATE" -> {
                        Lin i = count(k[2], k[3], k[4], 'I', null);
                        out.add(new Target(key + " IN_FIELD_RATE: I", k[2], i, trueCount(c, 'I')));
                        out.add(new Target(key + " IN_FIELD_RATE: K − I", k[2], count(k[2], k[3], k[4], 'K', null).plus(i, -1),
                                trueCount(c, 'K') - trueCount(c, 'I')));
                    }
                    default -> { }
                }
            });
        });
        return out;
    }

    /** The variables of the atoms under an area (its own, for a school). */
    boolean[] atomVariables(String area) {
        boolean[] out = new boolean[lp.variables()];
        for (int leaf : shape.leavesUnder.getOrDefault(area, List.of())) {
            for (int f = 0; f < shape.fields.size(); f++) {
                for (int x = 0; x < SEXES.size(); x++) {
                    int v = vars[shape.atom(leaf, f, x)];
                    if (v >= 0) for (int c = 0; c < CLASSES; c++) out[v + c] = true;
                }
            }
        }
        return out;
    }

    /** Whether a variable counts people of an atom (the others are noise of hidden denominators). */
    boolean isAtomVariable(int variable) {
        return variable < atomVariableCount;
    }

    /** The areas whose atoms an attack on a cell of this area widens to, smallest first: parent, …, country. */
    List<String> neighbourhoods(String area) {
        List<String> out = new ArrayList<>();
        for (String a = shape.areaParents.get(area); a != null; a = shape.areaParents.get(a)) out.add(a);
        if (out.isEmpty()) out.add(area);
        return out;
    }

    /** Where the truth breaks the model: published values beyond the documented noise, or a model error. Empty = feasible. */
    List<String> truthViolations() {
        List<String> out = new ArrayList<>(truthErrors);
        out.addAll(lp.violations(truthPoint(), 1e-9));
        return out;
    }

    double[] truthPoint() {
        return truthPoint.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
