package org.lmobservatory.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/** RFC 9457 problem details. Extension members (e.g. allowed, validValues, limit) are flattened into the object. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      @JsonIgnore Map<String, Object> extensions) {
    /** RFC 9457's own members: an extension of the same name would be written twice and could replace the status. */
    private static final java.util.Set<String> STANDARD = java.util.Set.of("type", "title", "status", "detail", "instance");

    public Problem {
        if (extensions != null && extensions.keySet().stream().anyMatch(STANDARD::contains)) {
            java.util.Map<String, Object> own = new java.util.LinkedHashMap<>(extensions);
            own.keySet().removeAll(STANDARD);
            extensions = java.util.Collections.unmodifiableMap(own);
        }
    }

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }
}
