package org.lmobservatory.catalogue;

import java.util.Map;

/** A dataset dimension; position is its place in every series key (0-based). */
public record Dimension(String id, int position, String codelistId, String role, Map<String, String> label) {
    public boolean isGeo() {
        return "geo".equals(role);
    }
}
