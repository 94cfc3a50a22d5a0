package org.lmobservatory.releases;

import org.jdbi.v3.core.Handle;
import org.lmobservatory.web.ProblemException;

import java.time.Instant;
import java.util.Map;

/** Resolves a {@link ReleaseSelector} to a release of the dataset, inside the caller's snapshot; 404s say where to look. */
public final class ReleaseSelection {
    private ReleaseSelection() {
    }

    public static Release resolve(Handle h, String datasetId, ReleaseSelector selector) {
        if (selector.releaseId() != null) {
            return ReleaseRepository.byId(h, datasetId, selector.releaseId()).orElseThrow(() -> new ProblemException(404, "unknown-release",
                    "Unknown release", "Dataset '" + datasetId + "' has no release " + selector.releaseId() + ". Its releases are listed at "
                    + releasesPath(datasetId) + ".", Map.of("releases", releasesPath(datasetId))));
        }
        if (selector.asOf() != null) return asOf(h, datasetId, selector.asOf());
        return ReleaseRepository.current(h, datasetId).orElseThrow(() -> new ProblemException(404, "no-release",
                "Not published yet", "Dataset '" + datasetId + "' is defined but has no published release yet."));
    }

    /** The release that was current at the moment (publishes and rollbacks both count). */
    public static Release asOf(Handle h, String datasetId, Instant moment) {
        return ReleaseRepository.activeAt(h, datasetId, moment).orElseThrow(() -> new ProblemException(404, "no-release-at-time",
                "No release at that time", "Dataset '" + datasetId + "' had no published release at " + moment
                + ". Its releases and their dates are listed at " + releasesPath(datasetId) + ".", Map.of("releases", releasesPath(datasetId))));
    }

    public static String releasesPath(String datasetId) {
        return "/v1/datasets/" + datasetId + "/releases";
    }
}
