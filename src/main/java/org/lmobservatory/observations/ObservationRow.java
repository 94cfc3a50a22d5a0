package org.lmobservatory.observations;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One cell as read from the database; seriesIndex points into {@link ObservationResult#series()}. confStatus is the
 * SDMX confidentiality status (F, C primary, D secondary) where the release recorded one, else null. deleted: a cell
 * that a later release removed (only in SDMX updatedAfter answers that can say so: SDMX-CSV 2.0's ACTION D); it has no
 * value, flags or status.
 */
public record ObservationRow(int seriesIndex, LocalDate periodStart, BigDecimal value, String flags, String confStatus, boolean deleted) {

    public ObservationRow(int seriesIndex, LocalDate periodStart, BigDecimal value, String flags, String confStatus) {
        this(seriesIndex, periodStart, value, flags, confStatus, false);
    }

    public ObservationRow(int seriesIndex, LocalDate periodStart, BigDecimal value, String flags) {
        this(seriesIndex, periodStart, value, flags, null);
    }
}
