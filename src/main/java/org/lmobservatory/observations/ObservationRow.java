package org.lmobservatory.observations;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One cell as read from the database; seriesIndex points into {@link ObservationResult#series()}. */
public record ObservationRow(int seriesIndex, LocalDate periodStart, BigDecimal value, String flags) {
}
