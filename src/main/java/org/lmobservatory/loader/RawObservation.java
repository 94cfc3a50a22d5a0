package org.lmobservatory.loader;

import java.util.List;

/** One observation as a reader found it, before validation: codes in dataset dimension order, texts as written. */
public record RawObservation(int line, List<String> codes, String time, String value, String flags) {
}
