package org.lmobservatory.formats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The observation status flags we publish (SDMX/Eurostat conventions) and what they mean. */
public final class Flags {
    public static final Map<String, String> LEGEND;

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

    public static boolean known(char flag) {
        return LEGEND.containsKey(String.valueOf(flag));
    }

    /** Legend entries for the flags that occur in a flag string such as "bu". */
    public static String describe(String flags) {
        if (flags == null || flags.isEmpty()) return "";
        StringBuilder out = new StringBuilder();
        for (char f : flags.toCharArray()) {
            if (out.length() > 0) out.append("; ");
            out.append(LEGEND.getOrDefault(String.valueOf(f), String.valueOf(f)));
        }
        return out.toString();
    }
}
