package org.lmobservatory.disclosure;

import java.util.Map;

/**
 * How the codes of one dimension add up: child code to parent code, where the parent's cell is the sum of its
 * children's cells. A flat dimension (a time period, a follow-up point) has no parents and forms no groups.
 */
public record Hierarchy(Map<String, String> parents) {
    public Hierarchy {
        parents = Map.copyOf(parents);
    }

    public static Hierarchy flat() {
        return new Hierarchy(Map.of());
    }

    public String parentOf(String code) {
        return parents.get(code);
    }
}
