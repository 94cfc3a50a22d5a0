package org.lmobservatory.catalogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A codelist held in memory: codes by id, hierarchy by parent, and suggestions for mistyped codes. */
public record Codelist(String id, String version, Map<String, String> title, Map<String, String> note, List<Code> codes,
                       Map<String, Code> byId) {

    public static Codelist of(String id, String version, Map<String, String> title, Map<String, String> note, List<Code> codes) {
        Map<String, Code> index = new LinkedHashMap<>();
        codes.stream().sorted(Comparator.comparingInt(Code::sortOrder)).forEach(c -> index.put(c.id(), c));
        return new Codelist(id, version, title, note, List.copyOf(index.values()), index);
    }

    public boolean contains(String code) {
        return byId.containsKey(code);
    }

    public Optional<Code> code(String code) {
        return Optional.ofNullable(byId.get(code));
    }

    public int sortOrder(String code) {
        Code c = byId.get(code);
        return c == null ? Integer.MAX_VALUE : c.sortOrder();
    }

    public Set<String> levels() {
        Set<String> levels = new java.util.LinkedHashSet<>();
        for (Code c : codes) if (c.level() != null) levels.add(c.level());
        return levels;
    }

    /** The code and everything below it. */
    public Set<String> descendantsOf(String ancestor) {
        Map<String, List<String>> children = new LinkedHashMap<>();
        for (Code c : codes) if (c.parent() != null) children.computeIfAbsent(c.parent(), k -> new ArrayList<>()).add(c.id());
        Set<String> out = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(ancestor));
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (out.add(next)) todo.addAll(children.getOrDefault(next, List.of()));
        }
        return out;
    }

    /** The closest code by edit distance, if it is close enough to be a likely typo. */
    public Optional<String> suggest(String wrong) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : byId.keySet()) {
            int d = EditDistance.between(wrong.toUpperCase(), candidate.toUpperCase());
            // On a tie, a code of the same length is the likelier typo (FI1X → FI1B rather than FI1).
            boolean better = d < bestDistance
                    || d == bestDistance && best != null && candidate.length() == wrong.length() && best.length() != wrong.length();
            if (better) {
                bestDistance = d;
                best = candidate;
            }
        }
        int tolerance = Math.max(1, Math.min(2, wrong.length() / 3));
        return bestDistance <= tolerance ? Optional.ofNullable(best) : Optional.empty();
    }
}
