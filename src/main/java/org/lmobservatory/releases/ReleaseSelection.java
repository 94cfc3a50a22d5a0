package org.lmobservatory.releases;

import org.jdbi.v3.core.Handle;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.errors.ObservatoryException;

import java.time.Instant;
import java.util.Map;

/** Resolves a {@link ReleaseSelector} to a release of the dataset, inside the caller's snapshot; 404s say where to look. */
public final class ReleaseSelection {
    private ReleaseSelection() {
    }

    public static Release resolve(Handle h, String datasetId, ReleaseSelector selector) {
        if (selector.releaseId() != null) {
            return ReleaseRepository.byId(h, datasetId, selector.releaseId()).orElseThrow(() -> ErrorKind.UNKNOWN_RELEASE.error(
                    "Dataset '" + datasetId + "' has no release " + selector.releaseId() + ". Its releases are listed at "
                    + releasesPath(datasetId) + ".", Map.of("releases", releasesPath(datasetId))));
        }
        if (selector.asOf() != null) return asOf(h, datasetId, selector.asOf());
        return ReleaseRepository.current(h, datasetId).orElseThrow(() -> notPublished(datasetId));
    }

    /** The one answer for "this dataset has no current release", wherever a request or command finds none. */
    public static ObservatoryException notPublished(String datasetId) {
        return ErrorKind.NO_RELEASE.error("Dataset '" + datasetId + "' is defined but has no published release yet.");
    }

    /** The release that was current at the moment (publishes and rollbacks both count). */
    public static Release asOf(Handle h, String datasetId, Instant moment) {
        return ReleaseRepository.activeAt(h, datasetId, moment).orElseThrow(() -> ErrorKind.NO_RELEASE_AT_TIME.error(
                "Dataset '" + datasetId + "' had no published release at " + moment
                + ". Its releases and their dates are listed at " + releasesPath(datasetId) + ".", Map.of("releases", releasesPath(datasetId))));
    }

    public static String releasesPath(String datasetId) {
        return "/v1/datasets/" + datasetId + "/releases";
    }
}
