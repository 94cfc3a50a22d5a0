package org.lmobservatory.formats;

import org.lmobservatory.catalogue.Frequency;
import org.lmobservatory.observations.ObservationQuery;
import org.lmobservatory.observations.TimeFilter;
import org.lmobservatory.releases.Release;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The periods a result spans, for formats whose columns or cube axis are periods (wide tables, JSON-stat): every
 * period of the release's time coverage inside the query's time window. Computed from the release bounds rather
 * than collected from the rows, so the header can be written before the first row arrives; a period with no
 * observation for the selected series is an empty column (or null cells), which is what it is.
 */
public final class Periods {
    private final List<LocalDate> starts;
    private final Map<LocalDate, Integer> index = new HashMap<>();
    private final Frequency frequency;

    private Periods(List<LocalDate> starts, Frequency frequency) {
        this.starts = starts;
        this.frequency = frequency;
        for (int i = 0; i < starts.size(); i++) index.put(starts.get(i), i);
    }

    public static Periods of(ObservationQuery query, Release release) {
        Frequency frequency = query.dataset().frequency();
        List<LocalDate> starts = new ArrayList<>();
        if (release.periodMin() != null) {
            TimeFilter.Window window = query.time().resolve(release, frequency);
            for (LocalDate p = release.periodMin(); !p.isAfter(release.periodMax()); p = frequency.next(p)) {
                if (window.toExclusive() != null && !p.isBefore(window.toExclusive())) break;
                if (window.from() == null || !p.isBefore(window.from())) starts.add(p);
            }
        }
        return new Periods(List.copyOf(starts), frequency);
    }

    public List<LocalDate> starts() {
        return starts;
    }

    public int size() {
        return starts.size();
    }

    public String label(int i) {
        return frequency.label(starts.get(i));
    }

    /** Position of a period start among the result's periods. */
    public int indexOf(LocalDate start) {
        Integer i = index.get(start);
        if (i == null) throw new IllegalStateException("period " + start + " lies outside the result's periods " + starts);
        return i;
    }
}
