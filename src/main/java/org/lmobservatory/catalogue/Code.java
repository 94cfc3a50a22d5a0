package org.lmobservatory.catalogue;

import java.util.List;
import java.util.Map;

/**
 * A code of a codelist. validIn lists the classification versions it belongs to (null: the list is not versioned);
 * successors say what became of it in later versions.
 */
public record Code(String id, String parent, String level, Map<String, String> labels, int sortOrder, List<String> validIn,
                   List<Successor> successors) {

    /** The code (or one of the codes) that replaced this one from toVersion on; kind: recode, split, merge, boundary. */
    public record Successor(String id, String kind, String fromVersion, String toVersion) {
    }

    public Code(String id, String parent, String level, Map<String, String> labels, int sortOrder) {
        this(id, parent, level, labels, sortOrder, null, List.of());
    }

    /** True when the code belongs to the version (or nothing says otherwise). */
    public boolean validIn(String version) {
        return validIn == null || version == null || validIn.contains(version);
    }
}
