package org.lmobservatory.formats;

import org.lmobservatory.observations.ObservationResult;
import org.lmobservatory.observations.OutputFormat;
import org.lmobservatory.observations.TableOptions;

import java.io.IOException;
import java.io.OutputStream;

/**
 * SDMX-CSV 2.0 (dataflow LMO:{dataset}(1.0), action I) or 1.0 (DATAFLOW column): one record per observation with
 * dimension codes, TIME_PERIOD in SDMX notation (2024, 2024-Q3, 2024-07), OBS_VALUE with '.' decimals, OBS_STATUS
 * (Eurostat flag letters), UNIT_MEASURE and UNIT_MULT.
 */
public final class SdmxCsvWriter implements ObservationWriter {
    private final OutputFormat format;

    public SdmxCsvWriter(OutputFormat format) {
        this.format = format;
    }

    @Override
    public String contentType() {
        return format.contentType();
    }

    @Override
    public void write(ObservationResult result, OutputStream out) throws IOException {
        CsvOut csv = new CsvOut(out, TableOptions.CsvDialect.RFC_4180);
        LongCsv.write(result, CsvTable.sdmx(result), csv);
        csv.flush();
    }
}
