package org.lmobservatory.catalogue;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The response header fields that tell a client a dataset is discontinued, so a script that only reads the data (and
 * never the catalogue) can still notice: Deprecation (RFC 9745) from the day it was discontinued, and Link
 * rel="successor-version" (RFC 5829) to the dataset that replaces it. No Sunset (RFC 8594): that would announce the
 * URL stops answering, and a discontinued dataset's releases stay served (they are cited).
 */
public final class LifecycleHeaders {
    private LifecycleHeaders() {
    }

    /** Empty for a dataset still produced; Link holds only the successor link, to be joined with other links. */
    public static Map<String, String> of(Dataset d) {
        Map<String, String> headers = new LinkedHashMap<>();
        Dataset.Lifecycle l = d.lifecycle();
        if (!l.discontinued()) return headers;
        // RFC 9745: a structured-field Date, seconds since the epoch; the dataset is deprecated from the start of that day.
        headers.put("Deprecation", "@" + l.discontinuedOn().atStartOfDay().toEpochSecond(ZoneOffset.UTC));
        if (l.successor() != null) {
            headers.put("Link", "<" + CatalogueRoutes.DATASETS + "/" + l.successor() + ">; rel=\"successor-version\"");
        }
        return headers;
    }
}
