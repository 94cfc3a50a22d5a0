package org.lmobservatory.graduates;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The differencing attacker: two public releases of one dataset whose files differ by one record — a graduate added,
 * removed, or one status corrected — each downloaded with {@code release=}. A hypothesis names the record: cohort,
 * school, sex, field and, per follow-up point, a status (employed, education, both, neet, unknown; for a correction:
 * the old and the new status at the one point that changed). It remains possible when, in each block it touches, one
 * linear program holds both releases' published constraints ({@link BlockModel}) with the later release's counts =
 * the earlier's ± the record (the employed's field match tried in every class, their earnings as the constraints
 * like best). Blocks factorise, so each follow-up point is checked on its own block. Only cohorts whose published
 * values changed are searched: the README says the changed cohort is visible by design.
 */
final class DifferencingAttack {
    static final List<String> MONTHS = List.of("M06", "M12", "M24");
    static final List<String> STATUSES = List.of("employed", "education", "both", "neet", "unknown");

    enum Kind { ADDED, REMOVED, CORRECTED }

    /** What remains possible (per attribute, the distinct values of the feasible hypotheses found) and the effort. */
    record Result(Set<String> schools, Set<String> sexes, Set<String> fields, Map<String, Set<String>> statuses, long hypotheses,
                  boolean complete, boolean truePossible, long programs, long millis) {
        @Override
        public String toString() {
            return String.format("%s%d hypotheses remain (%s search): schools %s, sexes %s, fields %s, statuses %s; the true record possible: %s; %d LPs, %.1f s",
                    complete ? "" : "≥ ", hypotheses, complete ? "complete" : "stopped once every attribute had k values", schools, sexes, fields,
                    statuses, truePossible, programs, millis / 1000.0);
        }
    }

    /**
     * The record that changed, as the test knows it. status: per month; for CORRECTED, status is the new one and
     * oldStatus the one before (equal where nothing changed).
     */
    record Person(String cohort, String school, String sex, String field, String[] status, String[] oldStatus, boolean[] inField,
                  boolean[] inFieldKnown, boolean[] oldInField, boolean[] oldInFieldKnown) {
    }

    private final PublishedTables before, after;
    private final Kind kind;
    private final List<String> fields;
    private final Map<String, Boolean> cache = new HashMap<>();
    private long programs;

    DifferencingAttack(PublishedTables before, PublishedTables after, Kind kind) {
        this.before = before;
        this.after = after;
        this.kind = kind;
        Set<String> f = new TreeSet<>(before.fields);
        f.addAll(after.fields);
        this.fields = new ArrayList<>(f);
    }

    /**
     * Searches the hypotheses in random order and stops once schools, statuses (per month; for a correction: new
     * statuses), fields have k values each and both sexes are seen. visible[m]: only hypotheses with a known status
     * at m count (the true record's visibility), so "unknown everywhere" cannot make every school look possible.
     */
    Result run(boolean[] visible, int k, Person truth, long seed) {
        long started = System.currentTimeMillis(), before0 = programs;
        List<String> cohorts = new ArrayList<>(PublishedTables.changedCohorts(before, after));
        Map<String, String> parents = after.areaParents;
        Set<String> nonLeaves = new TreeSet<>(parents.values());
        List<String> schools = parents.keySet().stream().sorted().filter(a -> !nonLeaves.contains(a)).toList();
        List<String[]> places = new ArrayList<>();
        for (String c : cohorts) for (String s : schools) for (String x : BlockModel.SEXES) for (String f : fields) places.add(new String[]{c, s, x, f});
        Collections.shuffle(places, new Random(seed));
        Set<String> possibleSchools = new TreeSet<>(), sexes = new TreeSet<>(), possibleFields = new TreeSet<>();
        Map<String, Set<String>> statuses = new TreeMap<>();
        MONTHS.forEach(m -> statuses.put(m, new TreeSet<>()));
        long hypotheses = 0;
        boolean complete = true;
        int wantFields = Math.min(k, fields.size());
        for (String[] p : places) {
            if (possibleSchools.size() >= k && sexes.size() >= 2 && possibleFields.size() >= wantFields
                    && statuses.values().stream().allMatch(s -> s.size() >= k)) {
                complete = false;
                break;
            }
            long n = kind == Kind.CORRECTED ? correctionHypotheses(p, statuses) : personHypotheses(p, visible, statuses);
            if (n == 0) continue;
            hypotheses += n;
            possibleSchools.add(p[0] + "/" + p[1]);
            sexes.add(p[2]);
            possibleFields.add(p[3]);
        }
        boolean truePossible = true;
        for (int m = 0; m < 3; m++) {
            String month = MONTHS.get(m);
            if (kind == Kind.CORRECTED) {
                if (truth.oldStatus()[m].equals(truth.status()[m])) continue;
                truePossible &= feasible(truth.cohort(), month, truth.school(), truth.sex(), truth.field(),
                        personClass(truth.oldStatus()[m], truth.oldInField()[m], truth.oldInFieldKnown()[m]),
                        personClass(truth.status()[m], truth.inField()[m], truth.inFieldKnown()[m]));
            } else {
                truePossible &= feasible(truth.cohort(), month, truth.school(), truth.sex(), truth.field(), -2,
                        personClass(truth.status()[m], truth.inField()[m], truth.inFieldKnown()[m]));
            }
        }
        return new Result(possibleSchools, sexes, possibleFields, statuses, hypotheses, complete, truePossible, programs - before0,
                System.currentTimeMillis() - started);
    }

    /** Added or removed: the number of status combinations over the three months that fit (0 if some month fits none). */
    private long personHypotheses(String[] p, boolean[] visible, Map<String, Set<String>> statuses) {
        List<List<String>> perMonth = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            List<String> ok = new ArrayList<>();
            for (String st : STATUSES) {
                if (visible[m] && st.equals("unknown")) continue;
                for (int c : classes(st)) {
                    if (feasible(p[0], MONTHS.get(m), p[1], p[2], p[3], -2, c)) {
                        ok.add(st);
                        break;
                    }
                }
            }
            if (ok.isEmpty()) return 0;
            perMonth.add(ok);
        }
        long n = 1;
        for (int m = 0; m < 3; m++) {
            statuses.get(MONTHS.get(m)).addAll(perMonth.get(m));
            n *= perMonth.get(m).size();
        }
        return n;
    }

    /** Corrected: the (month, old status → new status) pairs that fit; new statuses are what the k applies to. */
    private long correctionHypotheses(String[] p, Map<String, Set<String>> statuses) {
        long n = 0;
        for (int m = 0; m < 3; m++) {
            for (String from : STATUSES) {
                for (String to : STATUSES) {
                    if (from.equals(to)) continue;
                    if (fitsCorrection(p, MONTHS.get(m), from, to)) {
                        n++;
                        statuses.get(MONTHS.get(m)).add(from + "→" + to);
                    }
                }
            }
        }
        return n;
    }

    private boolean fitsCorrection(String[] p, String month, String from, String to) {
        for (int a : classes(from)) for (int b : classes(to)) if (feasible(p[0], month, p[1], p[2], p[3], a, b)) return true;
        return false;
    }

    /** Person classes of a status: the three field-match classes of the employed (and both); −1 for unknown. */
    static int[] classes(String status) {
        return switch (status) {
            case "employed" -> new int[]{BlockModel.EMPLOYED_IN_FIELD, BlockModel.EMPLOYED_NOT_IN_FIELD, BlockModel.EMPLOYED_MATCH_UNKNOWN};
            case "both" -> new int[]{BlockModel.BOTH_IN_FIELD, BlockModel.BOTH_NOT_IN_FIELD, BlockModel.BOTH_MATCH_UNKNOWN};
            case "education" -> new int[]{BlockModel.EDUCATION_ONLY};
            case "neet" -> new int[]{BlockModel.NEET};
            default -> new int[]{-1};
        };
    }

    static int personClass(String status, boolean inField, boolean inFieldKnown) {
        int match = !inFieldKnown ? 2 : inField ? 0 : 1;
        return switch (status) {
            case "employed" -> BlockModel.EMPLOYED_IN_FIELD + match;
            case "both" -> BlockModel.BOTH_IN_FIELD + match;
            case "education" -> BlockModel.EDUCATION_ONLY;
            case "neet" -> BlockModel.NEET;
            default -> -1;
        };
    }

    private static boolean employed(int personClass) {
        return personClass >= 0 && personClass <= BlockModel.BOTH_MATCH_UNKNOWN;
    }

    /**
     * One LP over both releases of the block: oldClass −2 means "not in the earlier file" (added, or, for REMOVED, the
     * earlier release is the one with the person). Earnings known: 1 for a person who counts more in the later release
     * (constraints on earners are lower bounds only, so more is the attacker's best case), 0 for one who counts less.
     */
    boolean feasible(String cohort, String months, String school, String sex, String field, int oldClass, int newClass) {
        String key = String.join("|", cohort, months, school, sex, field, Integer.toString(oldClass), Integer.toString(newClass));
        Boolean known = cache.get(key);
        if (known != null) return known;
        String country = PublishedTables.root(after.areaParents, school);
        String block = String.join("|", cohort, months, country);
        BlockModel.Shape shape = new BlockModel.Shape(cohort, months, country, after.areaParents, fields);
        int leaf = shape.leaves.indexOf(school), f = shape.fields.indexOf(field), x = BlockModel.SEXES.indexOf(sex);
        boolean ok = false;
        if (leaf >= 0 && f >= 0 && x >= 0) {
            int atom = shape.atom(leaf, f, x);
            List<BlockModel.Change> changes = new ArrayList<>();
            if (oldClass != -2) changes.add(new BlockModel.Change(atom, oldClass, 0, -1));
            changes.add(new BlockModel.Change(atom, newClass, employed(newClass) ? 1 : 0, 1));
            BlockModel.Shift shift = new BlockModel.Shift(changes);
            // REMOVED: the earlier release = the later one plus the person
            boolean earlierHasPerson = kind == Kind.REMOVED;
            BlockModel model = new BlockModel(shape, after.rules, List.of(
                    new BlockModel.Release(before.blocks.getOrDefault(block, Map.of()), earlierHasPerson ? shift : BlockModel.Shift.NONE, "earlier release"),
                    new BlockModel.Release(after.blocks.getOrDefault(block, Map.of()), earlierHasPerson ? BlockModel.Shift.NONE : shift, "later release")), null);
            if (model.lp.contradiction() == null) {
                programs++;
                try (LinearProgram.Session s = model.lp.session(20)) {
                    LinearProgram.Solution sol = s.optimise(new LinearProgram.Lin(), true);
                    if (sol.status() == LinearProgram.Status.UNDECIDED) throw new AssertionError("undecided feasibility LP for " + key);
                    ok = sol.feasible();
                }
            }
        }
        cache.put(key, ok);
        return ok;
    }
}
