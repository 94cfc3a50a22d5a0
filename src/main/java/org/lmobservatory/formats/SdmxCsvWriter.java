package org.lmobservatory.formats;

import org.lmobservatory.observations.ObservationResult;
import org.lmobservatory.observations.OutputFormat;
import org.lmobservatory.observations.TableOptions;

import java.io.IOException;
import java.io.OutputStream;

/**
 * SDMX-CSV 2.0 (dataflow LMO:{dataset}(1.0), action I): one record per observation with dimension codes,
 * TIME_PERIOD in SDMX notation (2024, 2024-Q3, 2024-07), OBS_VALUE with '.' decimals, OBS_FLAG (Eurostat flag
 * letters), UNIT_MEASURE and UNIT_MULT.
 */
public final class SdmxCsvWriter implements ObservationWriter {

    @Override
    public String contentType() {
        return OutputFormat.SDMX_CSV.contentType();
    }

    @Override
    public void write(ObservationResult result, OutputStream out) throws IOException {
        CsvOut csv = new CsvOut(out, TableOptions.CsvDialect.RFC_4180);
        LongCsv.write(result, CsvTable.sdmx(result), csv);
        csv.flush();
    }
}
