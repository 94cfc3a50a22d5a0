package org.lmobservatory.releases;

import org.jdbi.v3.core.Jdbi;

/**
 * Who can read a release before its announced instant. The public never can: the database hides a scheduled release,
 * its rows and its series from every role but the owner (row-level security, migration V15), so no endpoint or cache of
 * the public API can show it. Pre-release access (reviewers named for a release, e.g. holders of a publisher token) is
 * decided here and served through the owner's connection, with {@link #PRE_RELEASE_CACHE_CONTROL}.
 */
public final class Embargo {
    /** What a pre-release answer must carry: no shared cache may keep it, no browser may store it. */
    public static final String PRE_RELEASE_CACHE_CONTROL = "private, no-store";

    /** Where a release stands for readers. */
    public enum Visibility { PUBLIC, EMBARGOED, CANCELLED, UNKNOWN }

    /** Someone asking to read a release: the public, or a principal named for some releases before their instant. */
    @FunctionalInterface
    public interface Reader {
        /** The public (no credentials): reads published releases only. */
        Reader PUBLIC = (datasetId, releaseId) -> false;

        /** Whether this reader was named for pre-release access to the release. */
        boolean namedFor(String datasetId, long releaseId);
    }

    private final Jdbi jdbi;

    public Embargo(Jdbi ownerJdbi) {
        this.jdbi = ownerJdbi;
    }

    public Visibility visibility(long releaseId) {
        return jdbi.withExtension(ScheduleDao.class, dao -> dao.byId(releaseId)).map(r -> switch (r.status()) {
            case "published" -> Visibility.PUBLIC;
            case "scheduled" -> Visibility.EMBARGOED;
            default -> Visibility.CANCELLED;
        }).orElse(Visibility.UNKNOWN);
    }

    /**
     * A published release: anyone. A scheduled one: only a reader named for it. A cancelled or unknown one: nobody
     * (its rows are gone). Read from the database each time, so the answer flips at the activation, not a cache later.
     */
    public boolean canRead(long releaseId, Reader reader) {
        return jdbi.withExtension(ScheduleDao.class, dao -> dao.byId(releaseId)).map(r -> switch (r.status()) {
            case "published" -> true;
            case "scheduled" -> reader != null && reader.namedFor(r.datasetId(), releaseId);
            default -> false;
        }).orElse(false);
    }

    /** The release for a reader who may read it (canRead), a scheduled one included; empty for everyone else. */
    public java.util.Optional<Release> readable(String datasetId, long releaseId, Reader reader) {
        if (!canRead(releaseId, reader)) return java.util.Optional.empty();
        return jdbi.withExtension(ReleaseDao.class, dao -> dao.byIdUnderEmbargo(datasetId, releaseId));
    }
}
