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

    /** What the options may map a status to besides flags: the cell is zero (PxWeb's "-", magnitude nil). */
    static final String ZERO = "zero";

    /**
     * Mappings to suggest for statuses that offices use and that we do not read by ourselves, with what they mean
     * there: the choice stays the data owner's (an office's "x" may be confidential or not applicable).
     */
    private static final Map<String, String> SUGGESTIONS = Map.ofEntries(
            Map.entry("-", "{\"status\": {\"-\": \"zero\"}} loads it as the value 0 (PxWeb, Statistics Sweden, Norway, Finland: "
                    + "magnitude nil); {\"-\": \"m\"} as not available"),
            Map.entry("x", "{\"status\": {\"x\": \"c\"}} if it hides a confidential value (Statistics Canada, Destatis: suppressed), "
                    + "{\"x\": \"m\"} if it means not available or not applicable"),
            Map.entry("[c]", "{\"status\": {\"[c]\": \"c\"}} (ONS: confidential)"),
            Map.entry("[x]", "{\"status\": {\"[x]\": \"m\"}} (ONS: not available)"),
            Map.entry("[z]", "{\"status\": {\"[z]\": \"m\"}} (ONS: not applicable)"),
            Map.entry("[u]", "{\"status\": {\"[u]\": \"u\"}} (ONS: low reliability)"),
            Map.entry("a", "{\"status\": {\"a\": \"\"}} (Statistics Canada's quality grades A–D: no flag of ours)"),
            Map.entry("*", "{\"status\": {\"*\": \"u\"}} if it marks low reliability, {\"*\": \"c\"} if confidential"));

    /** Flags for a status; missingMark says the status itself declares the value not available; zero, that the value is 0. */
    record Mapped(String flags, boolean missingMark, boolean zero) {
        Mapped(String flags, boolean missingMark) {
            this(flags, missingMark, false);
        }
    }

    /** How to map an unknown status in the JSON-stat options: a fitting suggestion for common ones, else the general form. */
    static String suggestion(String status) {
        String known = SUGGESTIONS.get(status.strip().toLowerCase(java.util.Locale.ROOT));
        if (known != null) return "map it in the JSON-stat options: " + known;
        return "map it to our flags in the JSON-stat options, e.g. {\"status\": {\"" + status + "\": \"e\"}} (\"\" for none, \""
                + ZERO + "\" for a value of 0)";
    }

    private final Map<String, String> overrides;

    JsonStatStatus(Map<String, String> overrides) {
        this.overrides = overrides;
    }

    Optional<Mapped> map(String status) {
        if (overrides.containsKey(status)) {
            String to = overrides.get(status).toLowerCase(java.util.Locale.ROOT);
            return Optional.of(to.equals(ZERO) ? new Mapped("", false, true) : new Mapped(to, false));
        }
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
