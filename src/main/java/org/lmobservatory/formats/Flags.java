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
