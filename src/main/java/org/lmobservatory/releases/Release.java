package org.lmobservatory.releases;

import java.time.Instant;
import java.time.LocalDate;

/** One publication of a dataset. period bounds are period starts; null when the release is empty. */
public record Release(long id, String datasetId, Instant publishedAt, long rowCount, String inputChecksum,
                      String inputFile, String note, LocalDate periodMin, LocalDate periodMax) {
}
