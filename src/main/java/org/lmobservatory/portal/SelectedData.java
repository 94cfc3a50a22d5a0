package org.lmobservatory.portal;

import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.errors.ObservatoryException;
import org.lmobservatory.observations.ObservationQuery;
import org.lmobservatory.observations.ObservationRow;
import org.lmobservatory.observations.ObservationService;
import org.lmobservatory.observations.SeriesKey;
import org.lmobservatory.releases.Citation;
import org.lmobservatory.releases.Release;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells of a selection, read through the observation facade the API uses (same parser, same snapshot, same
 * cell order), held in memory since a page shows at most a few thousand. cells is the size the query plans;
 * tooMany says the rows were not read because it is above the page's limit (series and rows are then empty).
 */
record SelectedData(ObservationQuery query, List<SeriesKey> series, List<ObservationRow> rows, long cells, boolean tooMany,
                    Citation citation) {

    static SelectedData read(ObservationService observations, Release release, String datasetId, Map<String, List<String>> filters,
                             String lang, long maxCells) throws Exception {
        Map<String, List<String>> params = new LinkedHashMap<>(filters);
        // The default format (JSON, paged at 10,000 rows, more than a page's limit): the citation then names the selection alone.
        params.put("lang", List.of(lang));
        ObservationQuery query = observations.parse(datasetId, params, null);
        List<SelectedData> out = new ArrayList<>(1);
        try {
            observations.run(query, release, "/v1/datasets/" + datasetId + "/observations", result -> {
                boolean tooMany = result.cells() > maxCells;
                out.add(new SelectedData(query, tooMany ? List.of() : List.copyOf(result.series()),
                        tooMany ? List.of() : result.rows().toList(), result.cells(), tooMany, result.citation()));
            });
        } catch (ObservatoryException e) {
            // Beyond even the CSV limit: as too many for the page, which says to narrow the selection.
            if (e.kind() != ErrorKind.TOO_MANY_CELLS) throw e;
            Object cells = e.extensions().get("cells");
            return new SelectedData(query, List.of(), List.of(), cells instanceof Number n ? n.longValue() : Long.MAX_VALUE, true, null);
        }
        return out.get(0);
    }
}
