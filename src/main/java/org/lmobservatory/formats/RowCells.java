package org.lmobservatory.formats;

import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.disclosure.DisclosureView;
import org.lmobservatory.observations.ObservationQuery;
import org.lmobservatory.observations.ObservationRow;
import org.lmobservatory.observations.SeriesKey;
import org.lmobservatory.web.Languages;

/** The text of every non-value cell of a table row, by column role; the same for CSV, SDMX-CSV and XLSX. */
final class RowCells {
    private final Dataset dataset;
    private final RowLabels labels;
    private final String unitLabel;

    RowCells(ObservationQuery query) {
        this.dataset = query.dataset();
        this.labels = new RowLabels(query);
        this.unitLabel = Languages.pick(dataset.unit().label(), query.lang());
    }

    /** row is null for the series part of a wide row (dimensions and unit). */
    String text(CsvColumn column, SeriesKey key, ObservationRow row) {
        return switch (column.role()) {
            case CONSTANT -> column.constant();
            case CODE -> key.codes().get(column.dimension().position());
            case LABEL -> labels.label(column.dimension().position(), key.codes().get(column.dimension().position()));
            case TIME -> dataset.frequency().label(row.periodStart());
            case UNIT -> unitLabel;
            case UNIT_CODE -> dataset.unit().id();
            case UNIT_MULTIPLIER -> Integer.toString(dataset.unit().multiplier());
            case FLAG -> row == null || row.flags() == null ? "" : row.flags();
            case FLAG_LABEL -> row == null ? "" : Flags.describe(row.flags());
            case CONF_STATUS -> row == null || row.confStatus() == null ? "" : row.confStatus();
            case CONF_STATUS_LABEL -> row == null || row.confStatus() == null ? "" : DisclosureView.CONF_STATUS.getOrDefault(row.confStatus(), "");
            case VALUE -> throw new IllegalArgumentException("values are written by the format, as text or as numbers");
        };
    }
}
