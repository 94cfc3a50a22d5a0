package org.lmobservatory.formats;

import org.lmobservatory.observations.Aggregation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The observation status flags we publish (SDMX/Eurostat conventions) and what they mean. */
public final class Flags {
    public static final Map<String, String> LEGEND;
    /** Flags the API writes but a data owner's file may not carry: they describe how the API computed a value. */
    public static final Map<String, String> COMPUTED = Map.of(String.valueOf(Aggregation.INCOMPLETE),
            "incomplete: a group's value without a member that had no value for this period");

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("p", "provisional");
        m.put("e", "estimated");
        m.put("b", "break in time series");
        m.put("c", "confidential: suppressed to protect small groups");
        m.put("m", "missing: not available");
        m.put("u", "low reliability");
        m.put("d", "definition differs");
        m.put("n", "not significant");
        m.put("r", "revised");
        m.put("s", "Eurostat estimate");
        m.put("f", "forecast");
        // Kept in this order (the order people are used to), for legends written out in full.
        LEGEND = Collections.unmodifiableMap(m);
    }

    private Flags() {
    }

    /** The meanings in every language of the service (flags.json): one text for downloads, charts, widgets and the portal. */
    private static final Map<String, Map<String, String>> TRANSLATED = translated();

    private static Map<String, Map<String, String>> translated() {
        try (java.io.InputStream in = Flags.class.getResourceAsStream("flags.json")) {
            if (in == null) throw new IllegalStateException("flags.json is missing from the class path");
            return Map.copyOf(new com.fasterxml.jackson.databind.ObjectMapper().readValue(in,
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Map<String, String>>>() {
                    }));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What a flag means in lang (English where it has no translation; the flag itself if unknown). */
    public static String meaning(String flag, String lang) {
        Map<String, String> byLang = TRANSLATED.get(flag);
        return byLang == null ? meaning(flag) : org.lmobservatory.web.Languages.pick(byLang, lang);
    }

    /** What a flag in an answer means (the flag itself if unknown). */
    public static String meaning(String flag) {
        return LEGEND.getOrDefault(flag, COMPUTED.getOrDefault(flag, flag));
    }

    public static boolean known(char flag) {
        return LEGEND.containsKey(String.valueOf(flag));
    }

    /** Legend entries for the flags that occur in a flag string such as "bu". */
    public static String describe(String flags) {
        if (flags == null || flags.isEmpty()) return "";
        StringBuilder out = new StringBuilder();
        for (char f : flags.toCharArray()) {
            if (out.length() > 0) out.append("; ");
            out.append(meaning(String.valueOf(f)));
        }
        return out.toString();
    }
}
