package org.lmobservatory.graduates;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.db.CopyText;
import org.lmobservatory.disclosure.AuditEntry;
import org.lmobservatory.releases.DatasetLock;
import org.lmobservatory.releases.Publisher;
import org.lmobservatory.releases.Release;
import org.lmobservatory.releases.ReleaseDao;
import org.lmobservatory.releases.StagingLoadDao;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * EQAVET indicators 5a, 5b and 6a of one country, computed from the CURRENT PUBLISHED release of a graduate-outcomes
 * dataset and published as a release of their own dataset through the ordinary publish path.
 *
 * <p>Only published values are read, never the graduate records: 5a = 100 − NEET_RATE, 5b = EMP_RATE,
 * 6a = IN_FIELD_RATE, at 12 months, all fields, both sexes. Each value is an exact function of one published value,
 * so the derived dataset tells nobody anything graduate-outcomes does not; a suppressed source value stays suppressed
 * (same flags, same confStatus), which is what keeps it so. The derivation names its source release in its checksum,
 * so running it again on the same release publishes nothing.
 */
public final class EqavetDerivation {
    static final String MONTHS = "M12";
    static final String FIELD = "TOTAL";
    static final String SEX = "T";
    /** EQAVET code ← graduate-outcomes indicator; 5a is the complement of the NEET rate. */
    static final Map<String, String> SOURCE = Map.of("EQAVET_5A", Indicator.NEET_RATE.name(), "EQAVET_5B", Indicator.EMP_RATE.name(),
            "EQAVET_6A", Indicator.IN_FIELD_RATE.name());
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Jdbi jdbi;
    private final Publisher publisher;

    public EqavetDerivation(Jdbi ownerJdbi, Publisher publisher) {
        this.jdbi = ownerJdbi;
        this.publisher = publisher;
    }

    /** What a derivation did: published a release (with its id and rows), or found nothing new to publish. */
    public record Report(boolean published, Long releaseId, long rows, String message) {
    }

    /** Derives targetId from the current release of sourceId for the areas (country, regions, …, schools) of country. */
    public Report derive(String sourceId, String targetId, String country) throws SQLException {
        CatalogueService catalogue = new CatalogueService(jdbi);
        Dataset source = catalogue.dataset(sourceId);
        Dataset target = catalogue.dataset(targetId);
        Optional<Release> from = catalogue.currentRelease(sourceId);
        if (from.isEmpty()) return new Report(false, null, 0, sourceId + " has no release yet; nothing to derive " + targetId + " from.");
        String checksum = "derived from " + sourceId + " release " + from.get().id() + " (EQAVET 5a 5b 6a, " + country + ", " + MONTHS + ")";
        Optional<Release> current = catalogue.currentRelease(targetId);
        if (current.isPresent() && current.get().inputChecksum().equals(checksum)) {
            return new Report(false, current.get().id(), 0, targetId + " is already " + checksum + "; nothing to do.");
        }
        List<String> areas = new ArrayList<>(catalogue.codelistOf(dimension(source, "geo")).descendantsOf(country));
        List<EqavetDao.SourceCell> cells = jdbi.withExtension(EqavetDao.class, dao -> dao.sourceCells(from.get().id(),
                at(source, "geo"), at(source, "field"), at(source, "sex"), at(source, "months"), at(source, "indicator"),
                areas.toArray(String[]::new), FIELD, SEX, MONTHS, SOURCE.values().toArray(String[]::new)));
        if (cells.isEmpty()) return new Report(false, null, 0, sourceId + " release " + from.get().id() + " has no values for " + country + "; nothing published.");
        List<AuditEntry> audit = jdbi.withExtension(ReleaseDao.class, r -> r.audit(List.of(from.get().id())).getOrDefault(from.get().id(), List.of()));
        try (Handle h = jdbi.open(); DatasetLock lock = DatasetLock.acquire(h, targetId)) {
            return h.inTransaction(t -> {
                StagingLoadDao loads = t.attach(StagingLoadDao.class);
                long loadId = loads.begin(targetId, sourceId + " release " + from.get().id(), checksum, "derived");
                long rows = stage(t, loadId, target, cells);
                loads.markValid(loadId, rows);
                // The values carry the source's protection, so its disclosure audit is theirs too: it makes the API show
                // thresholds, method and every row's confStatus for this dataset as for its source.
                if (!audit.isEmpty()) loads.insertDisclosure(loadId, audit);
                Publisher.Published p = publisher.publish(t, targetId, loadId, "EQAVET indicators derived from " + sourceId + " release " + from.get().id());
                return new Report(true, p.releaseId(), p.rows(), String.format("%s: %d EQAVET values from %s release %d published as release %d",
                        targetId, p.rows(), sourceId, from.get().id(), p.releaseId()));
            });
        }
    }

    private static long stage(Handle h, long loadId, Dataset target, List<EqavetDao.SourceCell> cells) throws SQLException {
        int geoAt = dimension(target, "geo").position();
        int indicatorAt = target.dimensions().stream().filter(d -> !d.id().equals("geo")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("dataset '" + target.id() + "' needs an indicator dimension")).position();
        try (CopyText copy = new CopyText(h.getConnection(),
                "COPY staging.load_row (load_id, line_no, key, period_start, value, flags, conf_status) FROM STDIN")) {
            int line = 0;
            String[] key = new String[target.dimensions().size()];
            for (EqavetDao.SourceCell c : cells) {
                for (Map.Entry<String, String> e : SOURCE.entrySet()) {
                    if (!e.getValue().equals(c.indicator())) continue;
                    key[geoAt] = c.geo();
                    key[indicatorAt] = e.getKey();
                    copy.field(loadId).field(++line).array(List.of(key)).field(c.periodStart())
                            .field(value(e.getKey(), c.value())).field(c.flags()).field(c.confStatus());
                    copy.endRow();
                }
            }
            return copy.finish();
        }
    }

    /** The EQAVET value of a published source value; null stays null (suppressed or missing at the source). */
    static String value(String eqavet, BigDecimal source) {
        if (source == null) return null;
        return (eqavet.equals("EQAVET_5A") ? HUNDRED.subtract(source) : source).toPlainString();
    }

    private static int at(Dataset d, String dimension) {
        return dimension(d, dimension).position() + 1; // SQL arrays count from 1
    }

    private static Dimension dimension(Dataset d, String id) {
        return d.dimension(id).orElseThrow(() -> new IllegalArgumentException("dataset '" + d.id() + "' has no dimension '" + id + "'"));
    }
}
