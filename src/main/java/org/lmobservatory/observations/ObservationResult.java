package org.lmobservatory.observations;

import org.lmobservatory.releases.Citation;
import org.lmobservatory.releases.Release;

import java.util.List;
import java.util.stream.Stream;

/**
 * The format-neutral answer to a query: which release, which series (in output order), and the rows as a
 * stream that is read from a database cursor while the writer writes. Writers know this type only.
 * citation (may be null) says how to cite the response; confidentiality is true when the release was published under
 * disclosure control, so every row carries a confStatus and writers add that column.
 */
public record ObservationResult(ObservationQuery query, Release release, List<SeriesKey> series, Stream<ObservationRow> rows,
                                List<String> warnings, long cells, String selfLink, Citation citation, boolean confidentiality) {

    public ObservationResult(ObservationQuery query, Release release, List<SeriesKey> series, Stream<ObservationRow> rows,
                             List<String> warnings, long cells, String selfLink) {
        this(query, release, series, rows, warnings, cells, selfLink, null, false);
    }

    /** The link to the page after the one that ended with this row. */
    public String nextLink(ObservationRow lastRow) {
        return selfLink + (selfLink.contains("?") ? "&" : "?") + "cursor=" + Page.cursor(lastRow.seriesIndex(), lastRow.periodStart());
    }
}
