package org.lmobservatory.loader.formats;

import org.lmobservatory.formats.Flags;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a JSON-stat status as our flags. Letters that are our flags pass through (e, p, c, b, u, …); the
 * "not available" marks of statistical offices (":" Eurostat, "." and ".." PxWeb/SSB) become m. Anything else is
 * unknown and must be mapped explicitly in the options' "status", because guessing a status could publish a
 * confidential cell or hide a provisional one.
 */
final class JsonStatStatus {
    private static final List<String> MARKS_LONGEST_FIRST = List.of("...", "..", ".", ":");

    /** Flags for a status; missingMark says the status itself declares the value not available. */
    record Mapped(String flags, boolean missingMark) {
    }

    private final Map<String, String> overrides;

    JsonStatStatus(Map<String, String> overrides) {
        this.overrides = overrides;
    }

    Optional<Mapped> map(String status) {
        if (overrides.containsKey(status)) return Optional.of(new Mapped(overrides.get(status).toLowerCase(), false));
        String s = status.strip();
        if (s.isEmpty()) return Optional.of(new Mapped("", false));
        String letters = s;
        boolean missing = false;
        for (String mark : MARKS_LONGEST_FIRST) {
            if (s.startsWith(mark)) {
                missing = true;
                letters = s.substring(mark.length()).strip();
                break;
            }
        }
        StringBuilder flags = new StringBuilder(missing ? "m" : "");
        for (char c : letters.toLowerCase().toCharArray()) {
            if (c == ' ') continue;
            if (!Flags.known(c)) return Optional.empty();
            if (flags.indexOf(String.valueOf(c)) < 0) flags.append(c);
        }
        return Optional.of(new Mapped(flags.toString(), missing));
    }
}
