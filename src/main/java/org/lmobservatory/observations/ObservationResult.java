package org.lmobservatory.observations;

import org.lmobservatory.releases.Release;

import java.util.List;
import java.util.stream.Stream;

/**
 * The format-neutral answer to a query: which release, which series (in output order), and the rows as a
 * stream that is read from a database cursor while the writer writes. Writers know this type only.
 */
public record ObservationResult(ObservationQuery query, Release release, List<SeriesKey> series, Stream<ObservationRow> rows,
                                List<String> warnings, long cells, String selfLink) {

    /** The link to the page after the one that ended with this row. */
    public String nextLink(ObservationRow lastRow) {
        return selfLink + (selfLink.contains("?") ? "&" : "?") + "cursor=" + Page.cursor(lastRow.seriesIndex(), lastRow.periodStart());
    }
}
