package org.lmobservatory.formats;

import org.lmobservatory.observations.ObservationResult;
import org.lmobservatory.observations.ObservationRow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** One CSV record per series: dimensions, unit, then value and flag of every period of the result. */
final class WideCsv {
    private WideCsv() {
    }

    static void write(ObservationResult result, CsvOut csv) throws IOException {
        Periods periods = Periods.of(result.query(), result.release());
        List<CsvColumn> columns = CsvTable.wide(result.query(), periods);
        RowCells cells = new RowCells(result.query());
        csv.record(columns.stream().map(CsvColumn::title).toList());
        List<String> record = new ArrayList<>(columns.size());
        WideRows rows = new WideRows(result, periods);
        while (rows.hasNext()) {
            WideRows.Row row = rows.next();
            record.clear();
            for (CsvColumn c : columns) {
                if (c.period() < 0) {
                    record.add(cells.text(c, row.key(), null));
                    continue;
                }
                ObservationRow cell = row.cells()[c.period()];
                if (cell == null) record.add("");
                else if (c.role() == CsvColumn.Role.VALUE) record.add(cells.value(row.key(), cell, csv));
                else record.add(cells.text(c, row.key(), cell));
            }
            csv.record(record);
        }
    }
}
