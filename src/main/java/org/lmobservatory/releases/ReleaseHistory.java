package org.lmobservatory.releases;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.lmobservatory.db.QueryAdmission;

import java.util.List;

/** A dataset's published releases, newest first, and which one is current: for the portal's list of releases. */
public final class ReleaseHistory {
    public record Entry(Release release, boolean current) {
    }

    private final Jdbi lookups;
    private final QueryAdmission admission;

    public ReleaseHistory(Jdbi lookups, QueryAdmission admission) {
        this.lookups = lookups;
        this.admission = admission;
    }

    /** One snapshot, so the list and the current release agree even while a publish commits. */
    public List<Entry> of(String datasetId) {
        return admission.get(() -> lookups.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            ReleaseDao dao = h.attach(ReleaseDao.class);
            long current = dao.current(datasetId).map(Release::id).orElse(-1L);
            return dao.list(datasetId).stream().map(r -> new Entry(r, r.id() == current)).toList();
        }));
    }
}
