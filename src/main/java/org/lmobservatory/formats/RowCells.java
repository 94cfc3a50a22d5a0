package org.lmobservatory.formats;

import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Unit;
import org.lmobservatory.disclosure.DisclosureView;
import org.lmobservatory.observations.ObservationQuery;
import org.lmobservatory.observations.ObservationRow;
import org.lmobservatory.observations.SeriesKey;
import org.lmobservatory.web.Languages;

/** The text of every non-value cell of a table row, by column role; the same for CSV, SDMX-CSV and XLSX. */
final class RowCells {
    private final Dataset dataset;
    private final RowLabels labels;
    private final SeriesUnits units;
    private final String lang;

    RowCells(ObservationQuery query) {
        this.dataset = query.dataset();
        this.labels = new RowLabels(query);
        this.units = new SeriesUnits(dataset);
        this.lang = query.lang();
    }

    /** The unit of the series' values (the measure's, when the dataset has a measure dimension). */
    Unit unit(SeriesKey key) {
        return units.of(key);
    }

    /** A category value's code, or null when the value is a number (or absent). */
    String categoryCode(SeriesKey key, ObservationRow row) {
        return row == null ? null : units.category(key, row.value()).map(c -> c.id()).orElse(null);
    }

    /** The value as CSV text: a category's code, or the number in the dialect's decimal mark. */
    String value(SeriesKey key, ObservationRow row, CsvOut csv) {
        String code = categoryCode(key, row);
        return code != null ? code : csv.number(row.value());
    }

    /** row is null for the series part of a wide row (dimensions and unit). */
    String text(CsvColumn column, SeriesKey key, ObservationRow row) {
        return switch (column.role()) {
            // SDMX-CSV 2.0: a cell deleted since an SDMX updatedAfter instant is an ACTION D record (ObservationRow.deleted).
            case CONSTANT -> row != null && row.deleted() && column.name().equals("ACTION") ? "D" : column.constant();
            case CODE -> key.codes().get(column.dimension().position());
            case LABEL -> labels.label(column.dimension().position(), key.codes().get(column.dimension().position()));
            case TIME -> dataset.frequency().label(row.periodStart());
            case UNIT -> Languages.pick(unit(key).label(), lang);
            case UNIT_CODE -> unit(key).id();
            case UNIT_MULTIPLIER -> Integer.toString(unit(key).multiplier());
            case FLAG -> row == null || row.flags() == null ? "" : row.flags();
            case FLAG_LABEL -> row == null ? "" : Flags.describe(row.flags());
            case CONF_STATUS -> row == null || row.confStatus() == null ? "" : row.confStatus();
            case CONF_STATUS_LABEL -> row == null || row.confStatus() == null ? "" : DisclosureView.CONF_STATUS.getOrDefault(row.confStatus(), "");
            case VALUE_LABEL -> row == null ? "" : units.category(key, row.value()).map(c -> Languages.pick(c.labels(), lang)).orElse("");
            case VALUE -> throw new IllegalArgumentException("values are written by the format, as text or as numbers");
        };
    }
}
