package org.lmobservatory.graduates;

import org.lmobservatory.disclosure.DisclosureReport;
import org.lmobservatory.loader.LoadError;

import java.util.List;

/**
 * What load-graduates did: the load, the release it became (if any), the disclosure audit, or every error.
 * boundedCounts: counts of republished cohorts kept within the noise bound of an earlier release (operator's eyes
 * only, never published).
 */
public record GraduateLoadReport(Status status, long loadId, long graduates, Long releaseId, DisclosureReport disclosure,
                                 int errorCount, List<LoadError> errors, String message, double seconds, long boundedCounts) {
    public enum Status { PUBLISHED, INVALID, UNCHANGED }
}
