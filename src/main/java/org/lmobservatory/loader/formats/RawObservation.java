package org.lmobservatory.loader.formats;

import java.util.List;

/**
 * One observation as a reader found it, before validation: codes in dataset dimension order, texts as written.
 * action is the SDMX-CSV action of an incremental load (I, A, M or R: insert or replace; D: delete) and null for
 * an ordinary load, which replaces the whole release. A delete may leave codes or time empty, meaning "any".
 */
public record RawObservation(int line, List<String> codes, String time, String value, String flags, String action) {
    public RawObservation(int line, List<String> codes, String time, String value, String flags) {
        this(line, codes, time, value, flags, null);
    }

    public boolean isDelete() {
        return "D".equals(action);
    }
}
