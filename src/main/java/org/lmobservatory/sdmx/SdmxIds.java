package org.lmobservatory.sdmx;

import org.lmobservatory.formats.CsvTable;

/** The identifiers every SDMX artefact of ours shares: agency LMO, version 1.0, the SDMX concept ids, URNs. */
final class SdmxIds {
    static final String AGENCY = CsvTable.SDMX_AGENCY;
    static final String VERSION = CsvTable.SDMX_VERSION;
    static final String TIME_PERIOD = "TIME_PERIOD";
    static final String OBS_VALUE = "OBS_VALUE";

    private SdmxIds() {
    }

    /** e.g. urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=LMO:unemployment-rate(1.0) */
    static String urn(String urnClass, String id) {
        return "urn:sdmx:org.sdmx.infomodel." + urnClass + "=" + AGENCY + ":" + id + "(" + VERSION + ")";
    }
}
