package org.lmobservatory.formats;

import org.lmobservatory.observations.ObservationResult;
import org.lmobservatory.observations.ObservationRow;
import org.lmobservatory.observations.SeriesKey;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** One CSV record per observation, for whichever long column list (our CSV, SDMX-CSV) is given. */
final class LongCsv {
    private LongCsv() {
    }

    static void write(ObservationResult result, List<CsvColumn> columns, CsvOut csv) throws IOException {
        RowCells cells = new RowCells(result.query());
        csv.record(columns.stream().map(CsvColumn::title).toList());
        List<String> record = new ArrayList<>(columns.size());
        Iterator<ObservationRow> rows = result.rows().iterator();
        while (rows.hasNext()) {
            ObservationRow row = rows.next();
            SeriesKey key = result.series().get(row.seriesIndex());
            record.clear();
            for (CsvColumn c : columns) {
                record.add(c.role() == CsvColumn.Role.VALUE ? cells.value(key, row, csv) : cells.text(c, key, row));
            }
            csv.record(record);
        }
    }
}
