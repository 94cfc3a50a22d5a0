package org.lmobservatory.dcat;

import org.lmobservatory.catalogue.Frequency;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Our codes as the EU Publications Office's authority tables, which DCAT-AP 3 asks for (data themes, languages,
 * countries, frequencies, file types, licences). The tables are stable URIs, so a small map is the whole mapping;
 * a theme or licence with no entry is left out of the catalogue rather than guessed.
 */
final class EuVocabularies {
    static final String AUTHORITY = "http://publications.europa.eu/resource/authority/";
    static final String DATA_THEME = AUTHORITY + "data-theme";

    /** Our THEME codelist → EU data themes (a dataset may sit in two). */
    private static final Map<String, List<String>> THEMES = Map.of(
            "labour-market", List.of("SOCI", "ECON"),
            "education", List.of("EDUC"),
            "graduate-outcomes", List.of("EDUC", "SOCI"),
            "skills-demand", List.of("ECON", "EDUC"));

    /** Licence ids of dataset definitions (SPDX spelling) → the EU licence table. */
    private static final Map<String, String> LICENCES = Map.of(
            "CC-BY-4.0", "CC_BY_4_0",
            "CC0-1.0", "CC0",
            "CC-BY-SA-4.0", "CC_BYSA_4_0",
            "CC-BY-3.0", "CC_BY_3_0",
            "ODC-BY-1.0", "ODC_BY",
            "ODbL-1.0", "ODC_BL",
            "PDDL-1.0", "ODC_PDDL");

    /**
     * The same licences → their ADMS licence types (what the licence asks of a user), which DCAT-AP recommends on a
     * licence document. A licence given as a URI of its own has no entry: its type is not ours to say.
     */
    private static final Map<String, List<String>> LICENCE_TYPES = Map.of(
            "CC-BY-4.0", List.of("Attribution"),
            "CC0-1.0", List.of("PublicDomain"),
            "CC-BY-SA-4.0", List.of("Attribution", "ShareAlike"),
            "CC-BY-3.0", List.of("Attribution"),
            "ODC-BY-1.0", List.of("Attribution"),
            "ODbL-1.0", List.of("Attribution", "ShareAlike"),
            "PDDL-1.0", List.of("PublicDomain"));

    private EuVocabularies() {
    }

    static List<String> themes(String theme) {
        return THEMES.getOrDefault(theme, List.of()).stream().map(t -> DATA_THEME + "/" + t).toList();
    }

    /** An ISO 639-1 language (en) → the EU language table (ENG), by its ISO 639-2/T code, which that table uses. */
    static String language(String iso6391) {
        return AUTHORITY + "language/" + Locale.forLanguageTag(iso6391).getISO3Language().toUpperCase(Locale.ROOT);
    }

    /**
     * An ISO 3166 alpha-2 country (FI) → the EU country table (FIN). Kosovo* has no ISO 3166 code (XK is user-assigned
     * and absent from Java's tables): XKX is the code used for it by the EU table (not checked against the live table
     * from here; correct it here if the table says otherwise). A country without an entry is left out.
     */
    static Optional<String> country(String alpha2) {
        if (alpha2.equals("XK")) return Optional.of(AUTHORITY + "country/XKX");
        try {
            String alpha3 = new Locale("", alpha2).getISO3Country();
            return alpha3.isEmpty() ? Optional.empty() : Optional.of(AUTHORITY + "country/" + alpha3);
        } catch (java.util.MissingResourceException e) {
            return Optional.empty();
        }
    }

    static String frequency(Frequency f) {
        return AUTHORITY + "frequency/" + switch (f) {
            case A -> "ANNUAL";
            case Q -> "QUARTERLY";
            case M -> "MONTHLY";
        };
    }

    static String fileType(String type) {
        return AUTHORITY + "file-type/" + type;
    }

    /** A licence URI: the definition's own if it is one, else the EU table's entry for its id, else SPDX's. */
    static String licence(String licence) {
        if (licence.startsWith("http://") || licence.startsWith("https://")) return licence;
        String eu = LICENCES.get(licence);
        return eu != null ? AUTHORITY + "licence/" + eu : "https://spdx.org/licenses/" + licence;
    }

    /** The ADMS licence types of a licence id (empty when unknown), with their English labels. */
    static Map<String, String> licenceTypes(String licence) {
        Map<String, String> labels = Map.of("Attribution", "Attribution", "PublicDomain", "Public domain", "ShareAlike", "Share-alike");
        Map<String, String> types = new java.util.LinkedHashMap<>();
        LICENCE_TYPES.getOrDefault(licence, List.of()).forEach(t -> types.put(t, labels.get(t)));
        return types;
    }
}
