package org.lmobservatory.graduates;

import org.jdbi.v3.core.Handle;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.db.CopyText;
import org.lmobservatory.disclosure.AuditEntry;
import org.lmobservatory.releases.StagingLoadDao;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * Stages protected indicator cells as an ordinary load of the dataset (staging.load_row, with confStatus) plus the
 * load's disclosure audit, so the ordinary Publisher turns them into a release.
 */
final class IndicatorStaging {
    static final List<String> DIMENSIONS = List.of("geo", "field", "sex", "months", "indicator");

    private IndicatorStaging() {
    }

    /** The position of each of geo, field, sex, months, indicator in the dataset's series keys. */
    static int[] positions(Dataset dataset) {
        int[] at = new int[DIMENSIONS.size()];
        for (int i = 0; i < DIMENSIONS.size(); i++) {
            String id = DIMENSIONS.get(i);
            at[i] = dataset.dimension(id).map(Dimension::position).orElseThrow(() -> new IllegalArgumentException(
                    "dataset '" + dataset.id() + "' needs the dimensions " + DIMENSIONS + " (in any order) for graduate indicators; it has "
                            + dataset.dimensions().stream().map(Dimension::id).toList()));
        }
        if (dataset.dimensions().size() != DIMENSIONS.size()) {
            throw new IllegalArgumentException("dataset '" + dataset.id() + "' must have exactly the dimensions " + DIMENSIONS);
        }
        return at;
    }

    static long write(Handle h, long loadId, Dataset dataset, IndicatorBuilder.Result result) throws SQLException {
        int[] at = positions(dataset);
        long rows;
        StagingLoadDao staging = h.attach(StagingLoadDao.class);
        try (CopyText copy = staging.copyProtectedRows()) {
            int n = 0;
            String[] key = new String[DIMENSIONS.size()];
            for (IndicatorBuilder.PublishedCell c : result.cells()) {
                key[at[0]] = c.geo();
                key[at[1]] = c.field();
                key[at[2]] = c.sex();
                key[at[3]] = c.months();
                key[at[4]] = c.indicator();
                copy.field(loadId).field(++n).array(List.of(key)).field(LocalDate.of(c.year(), 1, 1))
                        .field(c.value() == null ? null : c.value().toPlainString()).field(c.flag()).field(c.confStatus());
                copy.endRow();
            }
            rows = copy.finish();
        }
        List<AuditEntry> audit = AuditEntry.of(result.report());
        if (!audit.isEmpty()) staging.insertDisclosure(loadId, audit);
        return rows;
    }
}
