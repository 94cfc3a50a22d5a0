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

    /** The closest codes by edit distance, if close enough to be likely typos (several when they tie). */
    public List<String> suggest(String wrong) {
        int bestDistance = Integer.MAX_VALUE;
        List<String> best = new ArrayList<>();
        for (String candidate : byId.keySet()) {
            int d = EditDistance.between(wrong.toUpperCase(), candidate.toUpperCase());
            if (d < bestDistance) {
                bestDistance = d;
                best.clear();
            }
            if (d == bestDistance) best.add(candidate);
        }
        int tolerance = Math.max(1, Math.min(2, wrong.length() / 3));
        if (bestDistance > tolerance) return List.of();
        // A code of the same length is the likelier typo (FI1X → FI1B rather than FI1).
        List<String> sameLength = best.stream().filter(c -> c.length() == wrong.length()).toList();
        List<String> pick = sameLength.isEmpty() ? best : sameLength;
        return pick.subList(0, Math.min(4, pick.size()));
    }

    /** "FI1B" or "FI19, FI1B or FI1C": for messages. */
    public static String orList(List<String> codes) {
        if (codes.size() <= 1) return String.join("", codes);
        return String.join(", ", codes.subList(0, codes.size() - 1)) + " or " + codes.get(codes.size() - 1);
    }
}
