package org.lmobservatory.formats;

import org.lmobservatory.observations.ObservationResult;
import org.lmobservatory.observations.ObservationRow;
import org.lmobservatory.observations.SeriesKey;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Regroups the observation stream (series in output order, periods ascending) into one row per series with a
 * cell slot per period, holding one series at a time.
 */
final class WideRows implements Iterator<WideRows.Row> {
    /** cells[i] is the observation of period i, or null when the series has none. */
    record Row(SeriesKey key, ObservationRow[] cells) {
    }

    private final ObservationResult result;
    private final Periods periods;
    private final Iterator<ObservationRow> rows;
    private ObservationRow pending;

    WideRows(ObservationResult result, Periods periods) {
        this.result = result;
        this.periods = periods;
        this.rows = result.rows().iterator();
        this.pending = rows.hasNext() ? rows.next() : null;
    }

    @Override
    public boolean hasNext() {
        return pending != null;
    }

    @Override
    public Row next() {
        if (pending == null) throw new NoSuchElementException();
        int series = pending.seriesIndex();
        ObservationRow[] cells = new ObservationRow[periods.size()];
        while (pending != null && pending.seriesIndex() == series) {
            cells[periods.indexOf(pending.periodStart())] = pending;
            pending = rows.hasNext() ? rows.next() : null;
        }
        return new Row(result.series().get(series), cells);
    }
}
