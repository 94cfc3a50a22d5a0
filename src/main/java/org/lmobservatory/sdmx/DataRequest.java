package org.lmobservatory.sdmx;

import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.errors.ErrorKind;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An SDMX 2.1 REST data query (flowRef, key, providerRef, startPeriod, endPeriod) as the parameters of our own
 * observation query, so that it is validated, planned and written by the one observation pipeline: a key
 * {@code FI1B+PL91..T} becomes {@code geo=FI1B,PL91&sex=T} (an empty part is every code), the periods become
 * {@code time=start..end}.
 */
final class DataRequest {
    private DataRequest() {
    }

    /**
     * The dataset id a flow reference names: {@code id}, {@code LMO,id} or {@code LMO,id,version} (version 1.0,
     * latest or all). Another agency or version names no flow of ours: a 404, as SDMX's NoResultsFound.
     */
    static String datasetId(String flowRef) {
        String[] parts = flowRef.split(",", -1);
        if (parts.length > 3 || parts.length == 2 && parts[1].isEmpty()) throw noSuchFlow(flowRef);
        if (parts.length == 1) return parts[0];
        if (!ArtefactSelector.matchesAgency(parts[0])) throw noSuchFlow(flowRef);
        if (parts.length == 3 && !ArtefactSelector.matchesVersion(parts[2])) throw noSuchFlow(flowRef);
        return parts[1];
    }

    /** The provider is us: all, or agency LMO (with or without a data provider id). */
    static void checkProvider(String providerRef) {
        if (providerRef == null || providerRef.equals("all")) return;
        String agency = providerRef.split(",", -1)[0];
        if (!ArtefactSelector.matchesAgency(agency)) {
            throw ErrorKind.NOT_FOUND.error("No data of provider '" + providerRef + "': every dataflow here is provided by "
                    + SdmxIds.AGENCY + " (SDMX NoResultsFound). Use all.", Map.of("parameter", "providerRef"));
        }
    }

    /** Our observation query parameters for the key (null or all: everything) and the time bounds (null: open). */
    static Map<String, List<String>> params(Dataset dataset, String key, String startPeriod, String endPeriod) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (key != null && !key.isEmpty() && !key.equals("all")) {
            List<Dimension> dimensions = dataset.dimensions();
            String[] parts = key.split("\\.", -1);
            if (parts.length != dimensions.size()) {
                throw ErrorKind.INVALID_PARAMETER.error("The key '" + key + "' has " + parts.length + " part" + (parts.length == 1 ? "" : "s")
                        + "; dataflow " + dataset.id() + " has " + dimensions.size() + " dimensions ("
                        + String.join(".", dimensions.stream().map(Dimension::id).toList())
                        + "): one part per dimension, separated by dots, codes of one dimension joined by +, an empty part for every code.",
                        Map.of("parameter", "key", "dimensions", dimensions.stream().map(Dimension::id).toList()));
            }
            for (Dimension d : dimensions) {
                String part = parts[d.position()];
                if (!part.isEmpty()) params.put(d.id(), List.of(String.join(",", Arrays.asList(part.split("\\+", -1)))));
            }
        }
        if (startPeriod != null || endPeriod != null) {
            params.put("time", List.of((startPeriod == null ? "" : startPeriod) + ".." + (endPeriod == null ? "" : endPeriod)));
        }
        return params;
    }

    private static RuntimeException noSuchFlow(String flowRef) {
        return ErrorKind.UNKNOWN_DATASET.error("There is no dataflow '" + flowRef + "' (SDMX NoResultsFound). Dataflows are "
                + SdmxIds.AGENCY + ",{dataset id}," + SdmxIds.VERSION + "; the list is at " + SdmxRoutes.DATAFLOW + ".",
                Map.of("parameter", "flowRef"));
    }
}
