package org.lmobservatory.portal;

import java.util.List;
import java.util.Locale;

/** Which portal language an Accept-Language header (RFC 9110 §12.5.4: ranges with weights) prefers. */
final class AcceptLanguage {
    private AcceptLanguage() {
    }

    /** The best of the offered languages by the header's weights and basic filtering (RFC 4647); the first offered when none fits. */
    static String choose(String header, List<String> offered) {
        if (header == null || header.isBlank()) return offered.get(0);
        try {
            String match = Locale.lookupTag(Locale.LanguageRange.parse(header), offered);
            if (match != null) return match;
            // lookupTag does not let "sv" answer "sv-FI" the other way round: try each range's primary language too.
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String primary = range.getRange().split("-")[0];
                if (range.getWeight() > 0 && offered.contains(primary)) return primary;
            }
        } catch (IllegalArgumentException malformed) {
            // A header we cannot read chooses nothing, as if it were absent.
        }
        return offered.get(0);
    }
}
