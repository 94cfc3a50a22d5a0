package org.lmobservatory.graduates;

import org.lmobservatory.disclosure.DisclosureReport;
import org.lmobservatory.loader.LoadError;

import java.util.List;

/** What load-graduates did: the load, the release it became (if any), the disclosure audit, or every error. */
public record GraduateLoadReport(Status status, long loadId, long graduates, Long releaseId, DisclosureReport disclosure,
                                 int errorCount, List<LoadError> errors, String message, double seconds) {
    public enum Status { PUBLISHED, INVALID, UNCHANGED }
}
