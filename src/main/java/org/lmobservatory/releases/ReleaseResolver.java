package org.lmobservatory.releases;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.db.QueryAdmission;
import org.lmobservatory.db.ReadReplicas;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.errors.ObservatoryException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The one answer to "which release does this request read": release=&lt;id&gt;, asOf=&lt;instant or date&gt;, or
 * neither for the current one. Every route that reads observations (the observations themselves, their CSVW
 * metadata, chart.svg, the bulk download, revisions) picks its release here, so a pinned link means the same release
 * on all of them; a route that can only read the current release says so with a 400 instead of ignoring the pin.
 */
public final class ReleaseResolver {
    private final CurrentReleases current;
    private final Jdbi jdbi;
    private final QueryAdmission admission;
    private final Jdbi primary;
    private final ReadReplicas replicas;
    // A release, once readable, never changes, so a pin resolved once needs no database again: pinned links (citations)
    // keep working while the gate is full or the database away. Only hits are kept; an unknown id is asked again.
    private final Cache<PinnedRelease, Release> pinned = Caffeine.newBuilder().maximumSize(10_000).build();
    // The release current at a past moment never changes either, once no transaction that started before that moment
    // can still commit an activation (activated_at is the activating transaction's start): moments older than this
    // margin are kept, newer ones (and the future) are asked every time.
    static final Duration SETTLED = Duration.ofMinutes(10);
    private final Duration settled;
    private final Cache<MomentPin, Release> moments = Caffeine.newBuilder().maximumSize(10_000).build();

    private record PinnedRelease(String datasetId, long releaseId) {
    }

    private record MomentPin(String datasetId, Instant moment) {
    }

    public ReleaseResolver(CurrentReleases current, Jdbi jdbi) {
        this(current, jdbi, QueryAdmission.unlimited());
    }

    /** admission: the API's gate; resolving a pin reads the database, so it waits there as the observation query does. */
    public ReleaseResolver(CurrentReleases current, Jdbi jdbi, QueryAdmission admission) {
        this(current, jdbi, admission, jdbi, null);
    }

    /**
     * With read replicas: {@code jdbi} reads wherever the node's reads go, {@code primary} is the API role on the
     * primary. A pinned release the replica has not replayed yet is looked up there (see {@link #pinnedOnPrimary}).
     */
    public ReleaseResolver(CurrentReleases current, Jdbi jdbi, QueryAdmission admission, Jdbi primary, ReadReplicas replicas) {
        this(current, jdbi, admission, primary, replicas, SETTLED);
    }

    ReleaseResolver(CurrentReleases current, Jdbi jdbi, QueryAdmission admission, Duration settled) {
        this(current, jdbi, admission, jdbi, null, settled);
    }

    private ReleaseResolver(CurrentReleases current, Jdbi jdbi, QueryAdmission admission, Jdbi primary, ReadReplicas replicas, Duration settled) {
        this.current = current;
        this.jdbi = jdbi;
        this.admission = admission;
        this.primary = primary;
        this.replicas = replicas;
        this.settled = settled;
    }

    /** release= and asOf= of a query string; both absent is the current release. */
    public static ReleaseSelector selector(Map<String, List<String>> params) {
        return ReleaseParams.selector(single(params, "release"), single(params, "asOf"));
    }

    /**
     * The current release comes from the in-memory view, so it is the one the caller's ETag names; a pinned release is
     * read from the database and never changes once resolved.
     */
    public Release resolve(String datasetId, ReleaseSelector selector) {
        if (selector.current()) return current.of(datasetId);
        if (selector.releaseId() == null) {
            if (selector.asOf().isAfter(Instant.now().minus(settled))) return admission.get(() -> jdbi.withHandle(h -> resolve(h, datasetId, selector)));
            MomentPin key = new MomentPin(datasetId, selector.asOf());
            Release known = moments.getIfPresent(key);
            if (known != null) return known;
            Release resolved = admission.get(() -> jdbi.withHandle(h -> resolve(h, datasetId, selector)));
            moments.put(key, resolved);
            return resolved;
        }
        PinnedRelease key = new PinnedRelease(datasetId, selector.releaseId());
        Release known = pinned.getIfPresent(key);
        if (known != null) return known;
        Release resolved = admission.get(() -> pinned(datasetId, selector));
        pinned.put(key, resolved);
        return resolved;
    }

    private Release pinned(String datasetId, ReleaseSelector selector) {
        try {
            return jdbi.withHandle(h -> resolve(h, datasetId, selector));
        } catch (ObservatoryException e) {
            if (replicas == null || !replicas.configured() || e.kind() != ErrorKind.UNKNOWN_RELEASE) throw e;
            return pinnedOnPrimary(datasetId, selector);
        }
    }

    /**
     * A release published a moment ago is known to the primary before the replica has replayed it (the publisher's
     * answer names it at once). Found there, the node's reads stay off every replica that has not replayed the
     * primary's position read after it, so the rows of this request, and of every later one pinned to it, are there.
     */
    private Release pinnedOnPrimary(String datasetId, ReleaseSelector selector) {
        record Found(Release release, long lsn) {
        }
        Found found = primary.withHandle(h -> new Found(resolve(h, datasetId, selector), replicas.primaryLsn()));
        replicas.requireReplayOf(found.lsn());
        return found.release();
    }

    /** Inside the caller's snapshot, for routes that read several releases together (revisions). */
    public static Release resolve(Handle h, String datasetId, ReleaseSelector selector) {
        if (selector.releaseId() != null) {
            return h.attach(ReleaseDao.class).byId(datasetId, selector.releaseId()).orElseThrow(() -> ErrorKind.UNKNOWN_RELEASE.error(
                    "Dataset '" + datasetId + "' has no release " + selector.releaseId() + ". Its releases are listed at "
                    + releasesPath(datasetId) + ".", Map.of("releases", releasesPath(datasetId))));
        }
        if (selector.asOf() != null) return asOf(h, datasetId, selector.asOf());
        return h.attach(ReleaseDao.class).current(datasetId).orElseThrow(() -> notPublished(datasetId));
    }

    /** The one answer for "this dataset has no current release", wherever a request or command finds none. */
    public static ObservatoryException notPublished(String datasetId) {
        return ErrorKind.NO_RELEASE.error("Dataset '" + datasetId + "' is defined but has no published release yet.");
    }

    /** For a route that shows only the current release (the indicator widget, a rolling window by design). */
    public Release currentOnly(String datasetId, Map<String, List<String>> params, String what) {
        if (params.containsKey("release") || params.containsKey("asOf")) {
            throw ErrorKind.RELEASE_NOT_SELECTABLE.error(what + " always shows the current release; release= and "
                    + "asOf= cannot be honoured here. The numbers of an earlier release are at /v1/datasets/" + datasetId
                    + "/observations or /chart.svg with release= or asOf=.", Map.of("parameter", params.containsKey("release") ? "release" : "asOf"));
        }
        return current.of(datasetId);
    }

    /** The release that was current at the moment (publishes and rollbacks both count). */
    public static Release asOf(Handle h, String datasetId, Instant moment) {
        return h.attach(ReleaseDao.class).activeAt(datasetId, moment).orElseThrow(() -> ErrorKind.NO_RELEASE_AT_TIME.error(
                "Dataset '" + datasetId + "' had no published release at " + moment
                + ". Its releases and their dates are listed at " + releasesPath(datasetId) + ".", Map.of("releases", releasesPath(datasetId))));
    }

    public static String releasesPath(String datasetId) {
        return "/v1/datasets/" + datasetId + "/releases";
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.getOrDefault(name, List.of());
        if (values.size() > 1) throw ErrorKind.REPEATED_PARAMETER.error("Parameter '" + name + "' may be given only once.");
        if (values.isEmpty() || values.get(0).isBlank()) return null;
        return values.get(0).trim();
    }
}
