package org.lmobservatory.observations;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One cell as read from the database; seriesIndex points into {@link ObservationResult#series()}. confStatus is the
 * SDMX confidentiality status (F, C primary, D secondary) where the release recorded one, else null.
 */
public record ObservationRow(int seriesIndex, LocalDate periodStart, BigDecimal value, String flags, String confStatus) {

    public ObservationRow(int seriesIndex, LocalDate periodStart, BigDecimal value, String flags) {
        this(seriesIndex, periodStart, value, flags, null);
    }
}
