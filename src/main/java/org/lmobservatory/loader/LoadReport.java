package org.lmobservatory.loader;

import java.util.List;

/** What a load did: its staging id, how it ended, and every error (up to the kept maximum) with its place. */
public record LoadReport(long loadId, Status status, long rows, int errorCount, List<LoadError> errors, String message,
                         double seconds) {
    public enum Status { VALID, INVALID, UNCHANGED }

    public double rowsPerSecond() {
        return seconds <= 0 ? rows : rows / seconds;
    }
}
