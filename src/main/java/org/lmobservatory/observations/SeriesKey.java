package org.lmobservatory.observations;

import java.util.List;

/** A series of the release: its id and one code per dimension, in dataset order. */
public record SeriesKey(long id, List<String> codes) {
}
