package org.lmobservatory.formats;

import org.lmobservatory.observations.ObservationQuery;
import org.lmobservatory.observations.ObservationResult;
import org.lmobservatory.observations.OutputFormat;
import org.lmobservatory.observations.TableOptions;

import java.io.IOException;
import java.io.OutputStream;

/**
 * CSV (UTF-8, CRLF, header row). Long layout: one row per observation with codes and/or labels per dimension,
 * time, value, unit, flag and what the flag means. Wide layout: one row per series, a value and a flag column per
 * period. Values have no thousands separator and the dialect's decimal mark, so spreadsheets read them as numbers.
 */
public final class CsvObservationWriter implements ObservationWriter {

    @Override
    public String contentType() {
        return OutputFormat.CSV.contentType();
    }

    @Override
    public void write(ObservationResult result, OutputStream out) throws IOException {
        ObservationQuery q = result.query();
        CsvOut csv = new CsvOut(out, q.table().dialect());
        if (q.table().layout() == TableOptions.Layout.WIDE) {
            WideCsv.write(result, csv);
        } else {
            LongCsv.write(result, CsvTable.longTable(result), csv);
        }
        csv.flush();
    }
}
