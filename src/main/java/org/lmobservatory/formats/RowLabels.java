package org.lmobservatory.formats;

import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.observations.ObservationQuery;
import org.lmobservatory.web.Languages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Label lookup for series codes in the query's language, resolved once per code rather than per row. */
final class RowLabels {
    private final List<Map<String, String>> byDimension = new ArrayList<>();

    RowLabels(ObservationQuery query) {
        for (Codelist codelist : query.codelists()) {
            Map<String, String> labels = new HashMap<>();
            codelist.codes().forEach(c -> labels.put(c.id(), Languages.pick(c.labels(), query.lang())));
            byDimension.add(labels);
        }
    }

    String label(int dimension, String code) {
        return byDimension.get(dimension).getOrDefault(code, code);
    }
}
