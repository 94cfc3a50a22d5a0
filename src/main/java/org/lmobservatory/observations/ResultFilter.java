package org.lmobservatory.observations;

import java.time.Instant;

/**
 * A narrowing of a result that the observation query itself cannot express (SDMX's lastNObservations per series,
 * updatedAfter), applied between the database and the writer. Its variant joins the ETag and the cache key, so a
 * filtered answer is never served for an unfiltered one or the other way round.
 */
public interface ResultFilter {
    /** What distinguishes this filter's answers, e.g. "lastNObservations=2". */
    String variant();

    ObservationResult apply(ObservationResult result);

    /**
     * Read only the cells changed since this instant (null: all cells), which the database knows from the versions
     * each release wrote and closed; apply then sees those rows only.
     */
    default Instant changedSince() {
        return null;
    }
}
