package org.lmobservatory.loader.formats;

import org.lmobservatory.catalogue.Code;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.EditDistance;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the code whose label a data owner wrote instead of the code ("Espoo" for 049). Labels are compared without
 * case and accents, and a bilingual label "Espoo / Esbo" also answers to each of its parts. A whole label wins
 * over a part, so "Maarianhamina - Mariehamn" still finds its code when another label has a part "Mariehamn".
 */
final class LabelMatcher {
    /** Either the code, or why there is none. */
    record Outcome(String code, String problem) {
    }

    private final Codelist codelist;
    private final String language;
    private final Map<String, Set<String>> byLabel = new LinkedHashMap<>();
    private final Map<String, Set<String>> byPart = new LinkedHashMap<>();

    LabelMatcher(Codelist codelist, String language) {
        this.codelist = codelist;
        this.language = language;
        for (Code c : codelist.codes()) {
            String label = label(c);
            if (label == null) continue;
            byLabel.computeIfAbsent(normalise(label), k -> new LinkedHashSet<>()).add(c.id());
            for (String part : label.split(" / ")) byPart.computeIfAbsent(normalise(part), k -> new LinkedHashSet<>()).add(c.id());
        }
    }

    Outcome match(String text) {
        String key = normalise(text);
        Set<String> codes = byLabel.get(key);
        if (codes == null) codes = byPart.get(key);
        if (codes != null && codes.size() == 1) return new Outcome(codes.iterator().next(), null);
        if (codes != null) {
            List<String> named = new ArrayList<>();
            for (String code : codes) named.add(code + " (" + label(codelist.code(code).orElseThrow()) + ")");
            return new Outcome(null, "'" + text + "' matches " + codes.size() + " codes of codelist " + codelist.id() + " by label"
                    + languageNote() + ": " + String.join(", ", named) + "; write the code instead, or make the labels distinct");
        }
        return new Outcome(null, "'" + text + "' matches no label of codelist " + codelist.id() + languageNote() + suggestion(key));
    }

    private String suggestion(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Code c : codelist.codes()) {
            String label = label(c);
            if (label == null) continue;
            List<String> candidates = new ArrayList<>(List.of(label.split(" / ")));
            candidates.add(label);
            for (String candidate : candidates) {
                int d = EditDistance.between(key, normalise(candidate));
                if (d < bestDistance) {
                    bestDistance = d;
                    best = "'" + label + "' (" + c.id() + ")";
                }
            }
        }
        return best != null && bestDistance <= Math.max(2, key.length() / 2) ? " (did you mean " + best + "?)" : "";
    }

    private String languageNote() {
        return language == null ? "" : " (language " + language + ")";
    }

    /** The label in the mapping's language, falling back to English, the one language every code has. */
    private String label(Code c) {
        if (language != null && c.labels().containsKey(language)) return c.labels().get(language);
        return c.labels().get("en");
    }

    static String normalise(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }
}
