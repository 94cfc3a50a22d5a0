package org.lmobservatory.disclosure;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The suppressed cells of one table and the rule that suppressed each. A cell keeps its first reason. */
public final class Protection {
    private final Map<List<String>, Rule> suppressed = new LinkedHashMap<>();

    /** True when the cell was not suppressed before. */
    public boolean suppress(List<String> key, Rule rule) {
        return suppressed.putIfAbsent(key, rule) == null;
    }

    public boolean isSuppressed(List<String> key) {
        return suppressed.containsKey(key);
    }

    /** The reason, or null for a published cell. */
    public Rule rule(List<String> key) {
        return suppressed.get(key);
    }

    public Set<List<String>> keys() {
        return suppressed.keySet();
    }

    public Map<Rule, Long> counts() {
        Map<Rule, Long> out = new EnumMap<>(Rule.class);
        for (Rule r : Rule.values()) out.put(r, 0L);
        suppressed.values().forEach(r -> out.merge(r, 1L, Long::sum));
        return out;
    }
}
