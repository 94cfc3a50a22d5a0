package org.lmobservatory.widgets;

import java.math.BigDecimal;
import org.lmobservatory.catalogue.Unit;
import org.lmobservatory.web.Languages;

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

    /**
     * A series; {@code unit} is its measure's own unit when the chart mixes measures (a count among rates must keep
     * its 0 decimals and "persons", not the dataset's placeholder unit), null to use the chart's.
     */
    record Series(String code, String label, List<Cell> cells, Unit unit) {
        Series(String code, String label, List<Cell> cells) {
            this(code, label, cells, null);
        }
    }

    /** A value of a series with the decimals and unit it is measured in: "227 persons", "61,3 %". */
    String withUnit(LocaleFormat f, Series s, BigDecimal value) {
        if (s.unit() == null) return f.withUnit(value, decimals, unitId, unitLabel);
        return f.withUnit(value, s.unit().decimals(), s.unit().id(), Languages.pick(s.unit().label(), lang));
    }

    boolean isEmpty() {
        return periods.isEmpty() || series.isEmpty();
    }
}
