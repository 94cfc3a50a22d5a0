package org.lmobservatory.formats;

import java.util.LinkedHashMap;
import java.util.Map;

/** The headers that depend on the format of an observation response; contentDisposition and link may be null. */
public record ResponseHeaders(String contentType, String contentDisposition, String link) {

    /** Header name → value for the ones that are set, for a route to copy onto its response. */
    public Map<String, String> asMap() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        if (contentDisposition != null) headers.put("Content-Disposition", contentDisposition);
        if (link != null) headers.put("Link", link);
        return headers;
    }
}
