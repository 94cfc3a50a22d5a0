package org.lmobservatory.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/** RFC 9457 problem details. Extension members (e.g. allowed, validValues, limit) are flattened into the object. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      @JsonIgnore Map<String, Object> extensions) {

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }
}
