package org.lmobservatory.widgets;

import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Frequency;
import org.lmobservatory.observations.ObservationQuery;
import org.lmobservatory.observations.ObservationRow;
import org.lmobservatory.observations.ObservationService;
import org.lmobservatory.observations.SeriesKey;
import org.lmobservatory.releases.Release;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The answer to an observation query held in memory. Widgets and charts draw a few hundred cells at most, so
 * they collect the rows through the same {@link ObservationService} facade (and snapshot) the API streams from.
 */
record CollectedObservations(ObservationQuery query, Release release, List<SeriesKey> series, List<ObservationRow> rows) {

    /** The query's rows of the given release, which the caller resolved (and named in its ETag) beforehand. */
    static CollectedObservations collect(ObservationService service, Release release, String datasetId, Map<String, List<String>> params)
            throws Exception {
        ObservationQuery query = service.parse(datasetId, params, null);
        List<CollectedObservations> out = new ArrayList<>(1);
        service.run(query, release, "/v1/datasets/" + datasetId + "/observations", result -> out.add(new CollectedObservations(query, result.release(), List.copyOf(result.series()),
                result.rows().toList())));
        return out.get(0);
    }

    Dataset dataset() {
        return query.dataset();
    }

    /** Every period from the first to the last one seen, without holes, so an absent period becomes a gap too. */
    List<LocalDate> periods() {
        TreeSet<LocalDate> seen = new TreeSet<>();
        rows.forEach(r -> seen.add(r.periodStart()));
        List<LocalDate> periods = new ArrayList<>();
        if (seen.isEmpty()) return periods;
        Frequency frequency = dataset().frequency();
        for (LocalDate p = seen.first(); !p.isAfter(seen.last()); p = frequency.next(p)) periods.add(p);
        return periods;
    }

    /** One row per series, one cell per period of {@link #periods()}; a period without a row is an empty cell. */
    List<List<Cell>> grid(List<LocalDate> periods) {
        List<List<Cell>> grid = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            List<Cell> cells = new ArrayList<>();
            for (int p = 0; p < periods.size(); p++) cells.add(Cell.ABSENT);
            grid.add(cells);
        }
        Map<LocalDate, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < periods.size(); i++) index.put(periods.get(i), i);
        for (ObservationRow row : rows) {
            Integer p = index.get(row.periodStart());
            if (p != null) grid.get(row.seriesIndex()).set(p, new Cell(row.value(), row.flags()));
        }
        return grid;
    }

    /** A cell of a chart or table: value null when suppressed, missing or not published for that period. */
    record Cell(BigDecimal value, String flags) {
        static final Cell ABSENT = new Cell(null, null);

        boolean hasValue() {
            return value != null;
        }

        /** 'c' for a confidential value, 'm' for a missing one, else null (a value, or no row at all). */
        Character withheld() {
            if (value != null || flags == null) return null;
            if (flags.indexOf('c') >= 0) return 'c';
            if (flags.indexOf('m') >= 0) return 'm';
            return null;
        }
    }
}
