package org.lmobservatory.widgets;

import org.lmobservatory.catalogue.Frequency;
import org.lmobservatory.widgets.CollectedObservations.Cell;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything a chart shows, already in the reader's language: texts, the period axis and one row of cells per
 * series (aligned with periods; a cell without value is drawn as a gap).
 */
record ChartModel(ChartType type, String lang, String title, String subtitle, String unitId, String unitLabel, int decimals,
                  Frequency frequency, List<LocalDate> periods, List<Series> series, List<String> footer, String accent) {

    record Series(String code, String label, List<Cell> cells) {
    }

    boolean isEmpty() {
        return periods.isEmpty() || series.isEmpty();
    }
}
