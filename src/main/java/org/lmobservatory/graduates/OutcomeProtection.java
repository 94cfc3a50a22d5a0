package org.lmobservatory.graduates;

import org.lmobservatory.disclosure.AuditResult;
import org.lmobservatory.disclosure.DisclosureRisk;
import org.lmobservatory.disclosure.DisclosureSettings;
import org.lmobservatory.disclosure.Finding;
import org.lmobservatory.disclosure.IntervalAuditor;
import org.lmobservatory.disclosure.ProtectionLevel;
import org.lmobservatory.disclosure.Rule;
import org.lmobservatory.disclosure.Target;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which cells of a block are published. Primary suppression on the perturbed counts (so that a cell crossing a
 * threshold between two releases is explained by the noise as well as by a person), then the linear-programming
 * auditor attacks the block as a reader would and every hidden quantity whose feasible interval is narrower than the
 * protection level gets more cells suppressed next to it, until the auditor finds nothing. A block that cannot be
 * protected stops the load.
 */
final class OutcomeProtection {
    /** The outcome for one block: rule per cell and indicator (null: published), and the final audit. */
    record Protected(OutcomeGrid.Block block, Rule[][] rules, AuditResult audit, int rounds) {
    }

    private final DisclosureSettings settings;
    private final ProtectionLevel protection;
    private final int maxNoise;
    private final EarlierReleases earlier;
    private static final boolean TRACE = Boolean.getBoolean("lmo.disclosure.trace");

    OutcomeProtection(DisclosureSettings settings, ProtectionLevel protection, int maxNoise, EarlierReleases earlier) {
        this.settings = settings;
        this.protection = protection;
        this.maxNoise = maxNoise;
        this.earlier = earlier;
    }

    Protected protect(OutcomeGrid.Block block) {
        long started = System.nanoTime();
        Rule[][] rules = primary(block);
        // Suppressing more only removes what a reader knows, so a quantity certified once stays certified: each round
        // audits the quantities that failed last time and those that the new suppressions hid.
        Set<String> certified = new HashSet<>();
        int rounds = 0;
        int audited = 0;
        int solves = 0;
        while (true) {
            OutcomeAttackModel attack = attackModel(block, rules);
            List<String> broken = attack.violatedByTruth(5);
            if (!broken.isEmpty()) throw new IllegalStateException("block " + name(block) + ": the attacker model misstates what is published; the truth breaks " + broken);
            List<Target> open = attack.targets().stream().filter(t -> !certified.contains(t.name())).toList();
            AuditResult audit = IntervalAuditor.audit(attack.model(), open, false);
            audited += open.size();
            if (TRACE) System.err.printf("disclosure: block %s round %d: %d open, %d failed, %d LP, %d MIP, %d ms%n", name(block), rounds,
                    open.size(), audit.failures().size(), audit.lpSolves(), audit.mipSolves(), audit.elapsedMillis());
            solves += audit.lpSolves() + audit.mipSolves();
            Set<String> failed = new HashSet<>();
            audit.failures().forEach(f -> failed.add(f.target().name()));
            open.forEach(t -> { if (!failed.contains(t.name())) certified.add(t.name()); });
            if (audit.failures().isEmpty() || !settings.secondary()) {
                if (TRACE) System.err.printf("disclosure: block %s: %d cells, %d rounds, %d quantities audited, %d solves, %d failures left, %.1f s%n",
                        name(block), block.cells().size(), rounds, audited, solves, audit.failures().size(), (System.nanoTime() - started) / 1e9);
                return new Protected(block, rules, new AuditResult(attack.targets().size(), audit.failures(), audit.lpSolves(), audit.mipSolves(),
                        audit.elapsedMillis(), audit.smallestMargin()), rounds);
            }
            if (++rounds > 10_000) throw new DisclosureRisk("block " + name(block) + " could not be protected; nothing was published");
            if (!suppressMore(block, rules, attack, audit.failures())) throw new DisclosureRisk(unprotectable(block, attack, audit.failures()));
        }
    }

    OutcomeAttackModel attackModel(OutcomeGrid.Block block, Rule[][] rules) {
        return OutcomeAttackModel.of(block, rules, settings.minPopulation(), settings.minCount(), maxNoise, protection, earlier.linksFor(block));
    }

    /** Cells too small in themselves, judged on what would be published (the perturbed counts). */
    Rule[][] primary(OutcomeGrid.Block block) {
        List<OutcomeGrid.OutcomeCell> cells = block.cells();
        Rule[][] rules = new Rule[cells.size()][Indicator.ALL.size()];
        for (int i = 0; i < cells.size(); i++) {
            long[] n = cells.get(i).noisy();
            for (Indicator ind : Indicator.ALL) {
                Rule inherited = ind.inheritsFrom == null ? null : rules[i][ind.inheritsFrom.ordinal()];
                long numerator = n[ind.numerator.ordinal()];
                long denominator = n[ind.denominator.ordinal()];
                Rule r;
                if (inherited != null) r = inherited;
                else if (denominator < settings.minPopulation()) r = Rule.POPULATION;
                else if (ind == Indicator.EARN_BAND_MEDIAN && cells.get(i).medianNoisy() == null) r = Rule.POPULATION;
                else if (ind.isRate() && (numerator < settings.minCount() || denominator - numerator < settings.minCount())) r = Rule.COUNT;
                else r = null;
                rules[i][ind.ordinal()] = r;
            }
        }
        return rules;
    }

    /**
     * More suppression next to each failing quantity: in every sum through its cell where fewer than two other members
     * are hidden, the smallest published member; failing that, a sibling status rate of the same cell, the cell's
     * population, or the smallest published member of any of its sums. Failures next to a cell suppressed in this
     * round wait for the next audit.
     */
    private boolean suppressMore(OutcomeGrid.Block block, Rule[][] rules, OutcomeAttackModel attack, List<Finding> failures) {
        List<List<int[]>> sums = sumsThrough(block);
        Set<Integer> touched = new HashSet<>();
        boolean any = false;
        for (Finding f : failures) {
            OutcomeAttackModel.TargetSource s = attack.source(f.target());
            if (touched.contains(s.cell())) continue;
            for (int[] pick : pinning(block, rules, attack, f).map(List::of).orElseGet(() -> candidates(block, rules, sums, s))) {
                hide(rules, pick[0], Indicator.ALL.get(pick[1]));
                touched.add(pick[0]);
                any = true;
            }
            touched.add(s.cell());
            for (int[] sum : sums.get(s.cell())) for (int m : sum) touched.add(m);
        }
        return any;
    }

    /**
     * The published value that holds the failing side of the range, found from the LP optimum (an active bound or a
     * binding constraint): the smallest of them, if any is still published.
     */
    private java.util.Optional<int[]> pinning(OutcomeGrid.Block block, Rule[][] rules, OutcomeAttackModel attack, Finding f) {
        boolean maximum = f.max() < f.target().upperRequirement();
        List<int[]> open = new ArrayList<>();
        for (OutcomeAttackModel.TargetSource s : attack.shownBehind(IntervalAuditor.pins(attack.model(), f.target(), maximum))) {
            if (rules[s.cell()][s.indicator().ordinal()] == null) open.add(new int[]{s.cell(), s.indicator().ordinal()});
        }
        List<OutcomeGrid.OutcomeCell> cells = block.cells();
        return open.stream().min(Comparator.comparingLong((int[] p) -> cells.get(p[0]).noisy()[Indicator.ALL.get(p[1]).denominator.ordinal()])
                .thenComparingInt(p -> p[0]).thenComparingInt(p -> p[1]));
    }

    private List<int[]> candidates(OutcomeGrid.Block block, Rule[][] rules, List<List<int[]>> sums, OutcomeAttackModel.TargetSource s) {
        List<OutcomeGrid.OutcomeCell> cells = block.cells();
        int ind = s.indicator().ordinal();
        Comparator<int[]> smallest = Comparator.comparingLong((int[] p) -> cells.get(p[0]).noisy()[Indicator.ALL.get(p[1]).denominator.ordinal()])
                .thenComparingLong(p -> cells.get(p[0]).noisy()[Indicator.ALL.get(p[1]).numerator.ordinal()])
                .thenComparingInt(p -> p[0]).thenComparingInt(p -> p[1]);
        List<int[]> picks = new ArrayList<>();
        for (int[] sum : sums.get(s.cell())) {
            int hiddenOthers = 0;
            List<int[]> open = new ArrayList<>();
            for (int m : sum) {
                if (m == s.cell()) continue;
                if (rules[m][ind] != null) hiddenOthers++;
                else open.add(new int[]{m, ind});
            }
            if (hiddenOthers < 2) open.stream().min(smallest).ifPresent(picks::add);
        }
        if (!picks.isEmpty()) return picks;
        List<int[]> open = new ArrayList<>();
        if (s.indicator().inheritsFrom == Indicator.TRACKED) {
            for (Indicator other : List.of(Indicator.EMP_RATE, Indicator.EDU_RATE, Indicator.NEET_RATE)) {
                if (rules[s.cell()][other.ordinal()] == null) open.add(new int[]{s.cell(), other.ordinal()});
            }
        }
        if (open.isEmpty() && s.indicator() != Indicator.TRACKED && rules[s.cell()][Indicator.TRACKED.ordinal()] == null) {
            open.add(new int[]{s.cell(), Indicator.TRACKED.ordinal()});
        }
        if (open.isEmpty()) {
            for (int[] sum : sums.get(s.cell())) for (int m : sum) if (rules[m][ind] == null) open.add(new int[]{m, ind});
        }
        if (open.isEmpty()) {
            for (int[] sum : sums.get(s.cell())) for (int m : sum) if (rules[m][Indicator.TRACKED.ordinal()] == null) open.add(new int[]{m, Indicator.TRACKED.ordinal()});
        }
        if (open.isEmpty()) {
            // Everything around it is hidden, yet its neighbours are pinned through their own sums: reach one step further.
            for (int[] sum : sums.get(s.cell())) {
                for (int m : sum) {
                    for (int[] further : sums.get(m)) {
                        for (int f : further) {
                            if (rules[f][ind] == null) open.add(new int[]{f, ind});
                            else if (rules[f][Indicator.TRACKED.ordinal()] == null) open.add(new int[]{f, Indicator.TRACKED.ordinal()});
                        }
                    }
                }
            }
        }
        if (open.isEmpty()) {
            // Pinned through longer chains of sums: hide the smallest published value of the block, until nothing pins it.
            for (int m = 0; m < cells.size(); m++) {
                if (rules[m][ind] == null) open.add(new int[]{m, ind});
                else if (rules[m][Indicator.TRACKED.ordinal()] == null) open.add(new int[]{m, Indicator.TRACKED.ordinal()});
            }
        }
        open.stream().min(smallest).ifPresent(picks::add);
        return picks;
    }

    /** Per cell, the sums it takes part in, each as all its members (parent first). */
    private static List<List<int[]>> sumsThrough(OutcomeGrid.Block block) {
        List<List<int[]>> out = new ArrayList<>();
        for (int i = 0; i < block.cells().size(); i++) out.add(new ArrayList<>());
        for (OutcomeGrid.Sum s : block.sums()) {
            int[] members = new int[s.children().length + 1];
            members[0] = s.parent();
            System.arraycopy(s.children(), 0, members, 1, s.children().length);
            for (int m : members) out.get(m).add(members);
        }
        return out;
    }

    /** Secondary suppression of one indicator of one cell, and of every indicator that inherits from it. */
    private static void hide(Rule[][] rules, int cell, Indicator ind) {
        if (rules[cell][ind.ordinal()] == null) rules[cell][ind.ordinal()] = Rule.SECONDARY;
        for (Indicator other : Indicator.ALL) if (other.inheritsFrom == ind) hide(rules, cell, other);
    }

    /** The refusal, naming the cells: usually a revision so small that set beside an earlier release it would show who changed. */
    private static String unprotectable(OutcomeGrid.Block block, OutcomeAttackModel attack, List<Finding> failures) {
        StringBuilder sb = new StringBuilder("cohort " + block.year() + ", " + block.months() + ", " + block.country() + ": "
                + failures.size() + " hidden value(s) would be narrowed below the protection level even with every neighbouring cell "
                + "suppressed (often a revision so small that, beside an earlier public release, it would show who changed); e.g.");
        for (Finding f : failures.subList(0, Math.min(5, failures.size()))) {
            OutcomeAttackModel.TargetSource s = attack.source(f.target());
            sb.append(' ').append(block.cells().get(s.cell()).key()).append(' ').append(s.indicator())
                    .append(String.format(java.util.Locale.ROOT, " in [%.1f, %.1f];", f.min(), f.max()));
        }
        return sb.append(" nothing was published").toString();
    }

    static String name(OutcomeGrid.Block b) {
        return b.year() + " " + b.months() + " " + b.country();
    }
}
