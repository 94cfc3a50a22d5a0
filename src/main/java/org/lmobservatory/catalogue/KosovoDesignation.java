package org.lmobservatory.catalogue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lmobservatory.web.Languages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;

/**
 * The footnote the EU institutions put on every mention of Kosovo (the "*" of "Kosovo*"): wherever a Kosovo area is
 * shown — the portal, charts, widgets, downloads' metadata — the reader gets it, in their language. One text for all.
 */
public final class KosovoDesignation {
    private static final Map<String, String> FOOTNOTE = load();

    private KosovoDesignation() {
    }

    /** Whether a territorial code is Kosovo or an area of it: XK, XK01 (a region), XK_27 (a municipality). */
    public static boolean isKosovo(String geoCode) {
        return geoCode != null && geoCode.startsWith("XK");
    }

    public static boolean anyKosovo(Collection<String> geoCodes) {
        return geoCodes.stream().anyMatch(KosovoDesignation::isKosovo);
    }

    /** "*This designation is without prejudice to positions on status, …" in lang (English when it has none). */
    public static String footnote(String lang) {
        return Languages.pick(FOOTNOTE, lang);
    }

    private static Map<String, String> load() {
        try (InputStream in = KosovoDesignation.class.getResourceAsStream("kosovo-designation.json")) {
            if (in == null) throw new IllegalStateException("kosovo-designation.json is missing from the class path");
            return Map.copyOf(new ObjectMapper().readValue(in, new TypeReference<Map<String, String>>() {
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
