package org.lmobservatory.graduates;

import org.lmobservatory.disclosure.AttackerModel;
import org.lmobservatory.disclosure.LinearExpression;
import org.lmobservatory.disclosure.ProtectionLevel;
import org.lmobservatory.disclosure.Rule;
import org.lmobservatory.disclosure.Target;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reader of one block knows, as a linear model over the true counts of every cell, and the hidden quantities
 * that must stay uncertain. The reader knows everything README's "Disclosure control" says: the relations between the
 * counts ({@link Measure}), the sums inside the block, the noise bound and the publication thresholds, and every
 * published value — of this release and of the earlier public releases of the same cohort. A suppressed value tells
 * nothing (every suppressed cell is C, whatever the reason).
 *
 * <p>Built from the values exactly as they are published ({@link Indicator#value}), so the auditor attacks what
 * readers get, not what the code meant to publish.
 */
final class OutcomeAttackModel {
    /** Where a target comes from, so a failure can be answered with more suppression nearby. */
    record TargetSource(int cell, Indicator indicator) {
    }

    /**
     * An earlier public release of the block's cohort: its published values per cell of this block (null row: the cell
     * was not in it; null value: suppressed), its noise bound and thresholds, and how many records differ from this
     * load (no cell can have moved by more).
     */
    record Link(long releaseId, BigDecimal[][] shown, int maxNoise, int minPopulation, int minCount, int changedRecords) {
    }


    private final AttackerModel model = new AttackerModel();
    /** No count of the block exceeds this (see {@link OutcomeGrid.Block#cap()}). */
    private long cap;
    /** The true value of every variable, in creation order: the truth must satisfy the model (checked before each audit). */
    private double[] truth = new double[256];
    private final List<Target> targets = new ArrayList<>();
    private final Map<String, TargetSource> sources = new HashMap<>();
    /** The published value of this release behind a variable's bound or a constraint, so that hiding it loosens them. */
    private final Map<Integer, TargetSource> shownByVariable = new HashMap<>();
    private final Map<Integer, TargetSource> shownByConstraint = new HashMap<>();

    AttackerModel model() {
        return model;
    }

    List<Target> targets() {
        return targets;
    }

    TargetSource source(Target t) {
        return sources.get(t.name());
    }

    /** The published values of this release behind the given pins (bounds and constraints); earlier releases' are fixed. */
    List<TargetSource> shownBehind(org.lmobservatory.disclosure.Pins pins) {
        List<TargetSource> out = new ArrayList<>();
        for (int v : pins.variables()) if (shownByVariable.containsKey(v)) out.add(shownByVariable.get(v));
        for (int r : pins.constraints()) if (shownByConstraint.containsKey(r)) out.add(shownByConstraint.get(r));
        return out;
    }

    /** What this release would publish: per cell and indicator the value, null where suppressed. */
    static BigDecimal[][] shown(OutcomeGrid.Block block, Rule[][] rules) {
        BigDecimal[][] out = new BigDecimal[block.cells().size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new BigDecimal[Indicator.ALL.size()];
            for (Indicator ind : Indicator.ALL) if (rules[i][ind.ordinal()] == null) out[i][ind.ordinal()] = ind.value(block.cells().get(i));
        }
        return out;
    }

    static OutcomeAttackModel of(OutcomeGrid.Block block, Rule[][] rules, int minPopulation, int minCount, int maxNoise,
                                 ProtectionLevel protection, List<Link> links) {
        OutcomeAttackModel m = new OutcomeAttackModel();
        m.cap = block.cap() + maxNoise;
        List<OutcomeGrid.OutcomeCell> cells = block.cells();
        int[][] v = new int[cells.size()][Measure.COUNT];
        for (int i = 0; i < cells.size(); i++) {
            for (Measure x : Measure.ALL) v[i][x.ordinal()] = m.variable(i + ":" + x, 0, m.cap, cells.get(i).truth()[x.ordinal()]);
            m.cellRelations(v[i]);
        }
        // Every cell is the sum of its school × field × sex atoms, each non-negative and bound by the status relations:
        // this implies every published sum, and the bounds that come from unpublished cells (Fréchet bounds).
        List<OutcomeGrid.Atom> atoms = block.atoms();
        int[][] a = new int[atoms.size()][Measure.COUNT];
        for (int j = 0; j < atoms.size(); j++) {
            for (Measure x : Measure.ALL) a[j][x.ordinal()] = m.variable("atom " + atoms.get(j).school() + "|" + atoms.get(j).field() + "|"
                    + atoms.get(j).sex() + ":" + x, 0, m.cap, atoms.get(j).truth()[x.ordinal()]);
            m.cellRelations(a[j]);
        }
        for (int i = 0; i < cells.size(); i++) {
            for (Measure x : Measure.ALL) {
                if (block.atomsOf()[i].length == 0) {
                    m.model.bounds(v[i][x.ordinal()], 0, 0);
                    continue;
                }
                List<Integer> parts = new ArrayList<>();
                for (int j : block.atomsOf()[i]) parts.add(a[j][x.ordinal()]);
                m.model.equal(v[i][x.ordinal()], parts);
            }
        }
        BigDecimal[][] shown = shown(block, rules);
        for (int i = 0; i < cells.size(); i++) {
            int rowsBefore = m.model.constraintCount();
            int variablesBefore = m.model.variableCount();
            m.reveal(v[i], shown[i], cells.get(i).noisy(), maxNoise, 1, minPopulation, minCount, i + "");
            // Rows and helper variables added here come from this cell's IN_FIELD_RATE, the only value revealed through them.
            for (int r = rowsBefore; r < m.model.constraintCount(); r++) m.shownByConstraint.put(r, new TargetSource(i, Indicator.IN_FIELD_RATE));
            for (int x = variablesBefore; x < m.model.variableCount(); x++) m.shownByVariable.put(x, new TargetSource(i, Indicator.IN_FIELD_RATE));
            for (Indicator ind : Indicator.ALL) {
                if (shown[i][ind.ordinal()] != null && ind != Indicator.IN_FIELD_RATE) m.shownByVariable.put(v[i][ind.numerator.ordinal()], new TargetSource(i, ind));
            }
            for (Link l : links) {
                // The earlier release saw counts that differ from these by at most the records changed since.
                if (l.shown()[i] != null) m.reveal(v[i], l.shown()[i], null, l.maxNoise() + l.changedRecords(), 0, l.minPopulation(), l.minCount(), i + "@" + l.releaseId());
            }
        }
        for (int i = 0; i < cells.size(); i++) {
            for (Indicator ind : Indicator.ALL) {
                // A cell no school of the country can contribute to is known to be empty: there is no one in it to protect.
                if (shown[i][ind.ordinal()] != null || publishedEarlier(links, i, ind) || block.atomsOf()[i].length == 0) continue;
                m.hidden(cells.get(i), v[i], ind, protection, i);
            }
        }
        return m;
    }

    private int variable(String name, long lower, long upper, double trueValue) {
        int v = model.variable(name, lower, upper);
        if (v >= truth.length) truth = java.util.Arrays.copyOf(truth, 2 * truth.length);
        truth[v] = trueValue;
        return v;
    }

    /** What in the model the truth breaks (nothing, unless the model misstates what is published); null truth: not known. */
    List<String> violatedByTruth(int max) {
        return model.violations(java.util.Arrays.copyOf(truth, model.variableCount()), max);
    }

    /** A value some earlier release published is public already (with its noise): what remains to protect is the rest. */
    private static boolean publishedEarlier(List<Link> links, int cell, Indicator ind) {
        for (Link l : links) if (l.shown()[cell] != null && l.shown()[cell][ind.ordinal()] != null) return true;
        return false;
    }

    /** tracked = employed + education - both + neet; both <= employed, education; inField <= inFieldKnown <= employed; earningsKnown <= employed. */
    private void cellRelations(int[] v) {
        model.constrain(LinearExpression.of(new int[]{v[Measure.TRACKED.ordinal()], v[Measure.EMPLOYED.ordinal()],
                v[Measure.EDUCATION.ordinal()], v[Measure.BOTH.ordinal()], v[Measure.NEET.ordinal()]}, new double[]{1, -1, -1, 1, -1}), 0.0, 0.0);
        model.atMost(v[Measure.BOTH.ordinal()], v[Measure.EMPLOYED.ordinal()]);
        model.atMost(v[Measure.BOTH.ordinal()], v[Measure.EDUCATION.ordinal()]);
        model.atMost(v[Measure.IN_FIELD.ordinal()], v[Measure.IN_FIELD_KNOWN.ordinal()]);
        model.atMost(v[Measure.IN_FIELD_KNOWN.ordinal()], v[Measure.EMPLOYED.ordinal()]);
        model.atMost(v[Measure.EARNINGS_KNOWN.ordinal()], v[Measure.EMPLOYED.ordinal()]);
    }

    /**
     * What the published values of one cell reveal about its true counts, each count being within `tolerance` of the
     * one the values were computed from. least: what a published (hence positive) count says of the true one (1 for
     * this release; 0 for an earlier one, since the person may have left since).
     */
    private void reveal(int[] v, BigDecimal[] shown, long[] noisy, int tolerance, long least, int minPopulation, int minCount, String tag) {
        BigDecimal trackedShown = shown[Indicator.TRACKED.ordinal()];
        for (Indicator ind : Indicator.ALL) {
            BigDecimal value = shown[ind.ordinal()];
            if (value == null) continue;
            int numerator = v[ind.numerator.ordinal()];
            switch (ind) {
                case TRACKED -> model.bounds(numerator, Math.max(least, value.longValueExact() - tolerance), value.longValueExact() + tolerance);
                case EMP_RATE, EDU_RATE, NEET_RATE -> {
                    if (trackedShown == null) continue;
                    long total = trackedShown.longValueExact();
                    long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
                    // The integers n' that give the published rate over the published population and passed the thresholds.
                    for (long n = minCount; n <= total - minCount; n++) {
                        if (Indicator.percent(n, total).compareTo(value) == 0) {
                            lo = Math.min(lo, n);
                            hi = Math.max(hi, n);
                        }
                    }
                    if (lo > hi) throw new IllegalStateException("published rate " + value + " over " + total + " fits no count (cell " + tag + " " + ind + ")");
                    model.bounds(numerator, Math.max(least, lo - tolerance), hi + tolerance);
                }
                case IN_FIELD_RATE -> {
                    // Its population (employed with a known field match) is not published: the rate ties I' to K' linearly.
                    // Their true values are known here only for this release (the perturbed counts); NaN marks an earlier one.
                    int shownIn = variable(tag + ":I'", minCount, cap, noisy == null ? Double.NaN : noisy[Measure.IN_FIELD.ordinal()]);
                    int shownKnown = variable(tag + ":K'", minPopulation, cap, noisy == null ? Double.NaN : noisy[Measure.IN_FIELD_KNOWN.ordinal()]);
                    model.constrain(LinearExpression.of(new int[]{shownIn, numerator}, new double[]{1, -1}), (double) -tolerance, (double) tolerance);
                    model.constrain(LinearExpression.of(new int[]{shownKnown, v[Measure.IN_FIELD_KNOWN.ordinal()]}, new double[]{1, -1}), (double) -tolerance, (double) tolerance);
                    model.constrain(LinearExpression.of(new int[]{shownKnown, shownIn}, new double[]{1, -1}), (double) minCount, null);
                    double low = value.subtract(new BigDecimal("0.05")).doubleValue() / 100;
                    double high = value.add(new BigDecimal("0.05")).doubleValue() / 100;
                    model.constrain(LinearExpression.of(new int[]{shownIn, shownKnown}, new double[]{1, -low}), 0.0, null);
                    model.constrain(LinearExpression.of(new int[]{shownIn, shownKnown}, new double[]{1, -high}), null, 0.0);
                }
                case EARN_BAND_MEDIAN -> model.bounds(numerator, Math.max(least, minPopulation - tolerance), cap);
            }
        }
    }

    private void hidden(OutcomeGrid.OutcomeCell c, int[] v, Indicator ind, ProtectionLevel protection, int cell) {
        if (ind == Indicator.EARN_BAND_MEDIAN) return;
        long n = c.truth()[ind.numerator.ordinal()];
        long total = c.truth()[ind.denominator.ordinal()];
        target(cell, ind, "count", LinearExpression.variable(v[ind.numerator.ordinal()]), n, protection);
        if (ind.isRate()) {
            target(cell, ind, "complement", LinearExpression.difference(v[ind.denominator.ordinal()], v[ind.numerator.ordinal()]), total - n, protection);
        }
    }

    private void target(int cell, Indicator ind, String what, LinearExpression expression, long truth, ProtectionLevel protection) {
        String name = cell + ":" + ind + ":" + what;
        targets.add(new Target(name, expression, truth, protection.below(truth), protection.above(truth)));
        sources.put(name, new TargetSource(cell, ind));
    }
}
