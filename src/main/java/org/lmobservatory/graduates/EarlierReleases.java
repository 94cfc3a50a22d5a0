package org.lmobservatory.graduates;

import org.jdbi.v3.core.Handle;
import org.lmobservatory.disclosure.AuditEntry;
import org.lmobservatory.disclosure.DisclosureSettings;
import org.lmobservatory.releases.ReleaseDao;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The earlier public releases of a graduate dataset that a reader can set beside the new one: every release stays
 * readable by release=, so a new release is audited together with each earlier perturbed release of the same cohort
 * that differs from this load by at most {@link #MAX_CHANGED} records (beyond that the two are too far apart for one to
 * narrow the other below the protection level). Releases published before perturbation are not linked: their exact
 * values are not what this method protects (README, Disclosure control, limits).
 *
 * <p>They are read before the grid is built: a republished cohort's new values are kept within the noise bound of
 * what these releases published ({@link #valuesOf}, {@link org.lmobservatory.disclosure.BoundedNoise}).
 */
final class EarlierReleases {
    static final int MAX_CHANGED = 25;

    private record Version(long releaseId, DisclosureSettings settings, int maxNoise, int changed, Map<List<String>, BigDecimal[]> cells) {
    }

    private final Map<Integer, List<Version>> byCohort;

    private EarlierReleases(Map<Integer, List<Version>> byCohort) {
        this.byCohort = byCohort;
    }

    static EarlierReleases none() {
        return new EarlierReleases(Map.of());
    }

    /** One earlier release of one cohort, its published values by cell (year, months, geo, field, sex): for tests. */
    static EarlierReleases of(int cohort, long releaseId, Map<List<String>, BigDecimal[]> cells, DisclosureSettings settings, int maxNoise, int changed) {
        return new EarlierReleases(Map.of(cohort, List.of(new Version(releaseId, settings, maxNoise, changed, cells))));
    }

    static EarlierReleases of(Handle h, String datasetId, long loadId, int[] positions, DisclosureSettings settings) {
        Map<Integer, List<Version>> out = new HashMap<>();
        List<Long> releases = h.attach(PublishedIndicatorDao.class).perturbedReleases(datasetId);
        Map<Long, List<AuditEntry>> audits = h.attach(ReleaseDao.class).audit(releases);
        List<Candidate> candidates = new ArrayList<>();
        java.util.Set<Integer> revised = new java.util.HashSet<>();
        for (long release : releases) {
            List<AuditEntry> audit = audits.get(release);
            DisclosureSettings theirs = AuditEntry.settings(audit);
            int noise = AuditEntry.threshold(audit, AuditEntry.NOISE);
            Map<Integer, Integer> changed = changedRecords(h, loadId, release);
            List<Integer> near = new ArrayList<>();
            changed.forEach((cohort, n) -> {
                if (n <= MAX_CHANGED) near.add(cohort);
                if (n <= MAX_CHANGED && (n > 0 || !theirs.equals(settings))) revised.add(cohort);
            });
            if (near.isEmpty()) continue;
            candidates.add(new Candidate(release, theirs, noise, changed, near));
        }
        // Unchanged records under unchanged thresholds give the very same noise, so such a release is left out — unless
        // the cohort is also linked to a revised release: then the new values are bounded by that release too
        // (BoundedNoise), which may move them off the identical release's, and both are combined.
        for (Candidate c : candidates) {
            List<Integer> linked = c.near().stream().filter(revised::contains).toList();
            if (linked.isEmpty()) continue;
            Map<List<String>, BigDecimal[]> cells = published(h, c.releaseId(), linked, positions);
            for (int cohort : linked) {
                out.computeIfAbsent(cohort, k -> new ArrayList<>()).add(new Version(c.releaseId(), c.settings(), c.maxNoise(), c.changed().get(cohort), cells));
            }
        }
        return new EarlierReleases(out);
    }

    private record Candidate(long releaseId, DisclosureSettings settings, int maxNoise, Map<Integer, Integer> changed, List<Integer> near) {
    }

    /**
     * What the linked earlier releases published for the counts of one cell (year, months, geo, field, sex), as a
     * reader can recover them: per {@link Measure} (index = ordinal) and, at index {@link Measure#COUNT}, the earnings
     * median band, a list of {lo, hi} ranges, one per earlier release that published a value. TRACKED and the band are
     * published as they are (lo = hi); the employed, in-education and NEET counts are backed out of their rate and the
     * published TRACKED: every numerator that rounds to the rate and passes that release's minimum count (the earlier
     * noisy numerator is one of them; over fewer than 1,000 people it is the only one). The in-field and field-known
     * counts are not: their population is never published, so no count can be backed out of IN_FIELD_RATE; nor is
     * earnings-known, which shows only as "at least min-population".
     */
    List<List<long[]>> valuesOf(List<String> key) {
        List<List<long[]>> out = new ArrayList<>();
        for (int i = 0; i <= Measure.COUNT; i++) out.add(new ArrayList<>());
        for (Version v : byCohort.getOrDefault(Integer.parseInt(key.get(0)), List.of())) {
            BigDecimal[] shown = v.cells().get(key);
            if (shown == null) continue;
            BigDecimal tracked = shown[Indicator.TRACKED.ordinal()];
            if (tracked != null) {
                long t = tracked.longValueExact();
                out.get(Measure.TRACKED.ordinal()).add(new long[]{t, t});
                for (Indicator rate : List.of(Indicator.EMP_RATE, Indicator.EDU_RATE, Indicator.NEET_RATE)) {
                    BigDecimal value = shown[rate.ordinal()];
                    long[] range = value == null ? null : numerators(value, t, v.settings().minCount());
                    if (range != null) out.get(rate.numerator.ordinal()).add(range);
                }
            }
            BigDecimal band = shown[Indicator.EARN_BAND_MEDIAN.ordinal()];
            if (band != null) out.get(Measure.COUNT).add(new long[]{band.longValueExact(), band.longValueExact()});
        }
        return out;
    }

    /** The integers n in [minCount, total − minCount] with {@link Indicator#percent}(n, total) = rate, as {lo, hi}; null if none. */
    static long[] numerators(BigDecimal rate, long total, int minCount) {
        if (total <= 0) return null;
        long centre = rate.multiply(BigDecimal.valueOf(total)).divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.HALF_UP).longValue();
        long spread = total / 1000 + 2;
        long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
        for (long n = Math.max(minCount, centre - spread); n <= Math.min(total - minCount, centre + spread); n++) {
            if (Indicator.percent(n, total).compareTo(rate) == 0) {
                lo = Math.min(lo, n);
                hi = Math.max(hi, n);
            }
        }
        return lo > hi ? null : new long[]{lo, hi};
    }

    /** The earlier releases of this block's cohort, aligned to the block's cells. */
    List<OutcomeAttackModel.Link> linksFor(OutcomeGrid.Block block) {
        List<OutcomeAttackModel.Link> links = new ArrayList<>();
        for (Version v : byCohort.getOrDefault(block.year(), List.of())) {
            BigDecimal[][] shown = new BigDecimal[block.cells().size()][];
            for (int i = 0; i < shown.length; i++) shown[i] = v.cells().get(block.cells().get(i).key());
            links.add(new OutcomeAttackModel.Link(v.releaseId(), shown, v.maxNoise(), v.settings().minPopulation(), v.settings().minCount(), v.changed()));
        }
        return links;
    }

    /** Per cohort of this load: records added plus records removed since the release (a corrected record counts twice). */
    private static Map<Integer, Integer> changedRecords(Handle h, long loadId, long release) {
        Map<Integer, Integer> out = new HashMap<>();
        for (GraduateDao.CohortChange c : h.attach(GraduateDao.class).changedRecords(loadId, release)) {
            if (c.inLoad() && c.inRelease()) out.put(c.cohort(), (int) Math.min(Integer.MAX_VALUE, c.changed()));
        }
        return out;
    }

    /** year, months, geo, field, sex → value per indicator (null where suppressed), for the given cohorts of a release. */
    private static Map<List<String>, BigDecimal[]> published(Handle h, long release, List<Integer> cohorts, int[] positions) {
        Map<List<String>, BigDecimal[]> out = new HashMap<>();
        for (PublishedIndicatorDao.Cell c : h.attach(PublishedIndicatorDao.class).cells(release, cohorts.toArray(Integer[]::new))) {
            String[] key = c.key();
            Indicator ind = Indicator.valueOf(key[positions[4]]);
            List<String> cell = List.of(Integer.toString(c.year()), key[positions[3]], key[positions[0]], key[positions[1]], key[positions[2]]);
            out.computeIfAbsent(cell, k -> new BigDecimal[Indicator.ALL.size()])[ind.ordinal()] = c.value();
        }
        return out;
    }
}
