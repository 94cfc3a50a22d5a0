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

    static EarlierReleases of(Handle h, String datasetId, long loadId, int[] positions, DisclosureSettings settings) {
        Map<Integer, List<Version>> out = new HashMap<>();
        List<Long> releases = h.attach(PublishedIndicatorDao.class).perturbedReleases(datasetId);
        Map<Long, List<AuditEntry>> audits = h.attach(ReleaseDao.class).audit(releases);
        for (long release : releases) {
            List<AuditEntry> audit = audits.get(release);
            DisclosureSettings theirs = AuditEntry.settings(audit);
            int noise = AuditEntry.threshold(audit, AuditEntry.NOISE);
            Map<Integer, Integer> changed = changedRecords(h, loadId, release);
            List<Integer> linked = new ArrayList<>();
            changed.forEach((cohort, n) -> {
                // Unchanged records under unchanged thresholds give the very same published values: nothing new to combine.
                if (n <= MAX_CHANGED && (n > 0 || !theirs.equals(settings))) linked.add(cohort);
            });
            if (linked.isEmpty()) continue;
            Map<List<String>, BigDecimal[]> cells = published(h, release, linked, positions);
            for (int cohort : linked) out.computeIfAbsent(cohort, k -> new ArrayList<>()).add(new Version(release, theirs, noise, changed.get(cohort), cells));
        }
        return new EarlierReleases(out);
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
