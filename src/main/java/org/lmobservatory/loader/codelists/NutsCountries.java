package org.lmobservatory.loader.codelists;

import java.util.Map;

/**
 * Countries of the NUTS files: English name (the lists themselves carry regions only) and the language of the
 * national labels Eurostat publishes. "mul" marks countries whose labels mix languages (BE, CH).
 */
final class NutsCountries {
    private record Country(String name, String language) {
    }

    private static final Map<String, Country> COUNTRIES = Map.ofEntries(
            Map.entry("AT", new Country("Austria", "de")), Map.entry("BE", new Country("Belgium", "mul")),
            Map.entry("BG", new Country("Bulgaria", "bg")), Map.entry("CY", new Country("Cyprus", "el")),
            Map.entry("CZ", new Country("Czechia", "cs")), Map.entry("DE", new Country("Germany", "de")),
            Map.entry("DK", new Country("Denmark", "da")), Map.entry("EE", new Country("Estonia", "et")),
            Map.entry("EL", new Country("Greece", "el")), Map.entry("GR", new Country("Greece", "el")),
            Map.entry("ES", new Country("Spain", "es")), Map.entry("FI", new Country("Finland", "fi")),
            Map.entry("FR", new Country("France", "fr")), Map.entry("HR", new Country("Croatia", "hr")),
            Map.entry("HU", new Country("Hungary", "hu")), Map.entry("IE", new Country("Ireland", "en")),
            Map.entry("IT", new Country("Italy", "it")), Map.entry("LT", new Country("Lithuania", "lt")),
            Map.entry("LU", new Country("Luxembourg", "fr")), Map.entry("LV", new Country("Latvia", "lv")),
            Map.entry("MT", new Country("Malta", "mt")), Map.entry("NL", new Country("Netherlands", "nl")),
            Map.entry("PL", new Country("Poland", "pl")), Map.entry("PT", new Country("Portugal", "pt")),
            Map.entry("RO", new Country("Romania", "ro")), Map.entry("SE", new Country("Sweden", "sv")),
            Map.entry("SI", new Country("Slovenia", "sl")), Map.entry("SK", new Country("Slovakia", "sk")),
            Map.entry("AL", new Country("Albania", "sq")), Map.entry("CH", new Country("Switzerland", "mul")),
            Map.entry("IS", new Country("Iceland", "is")), Map.entry("LI", new Country("Liechtenstein", "de")),
            Map.entry("ME", new Country("Montenegro", "sr")), Map.entry("MK", new Country("North Macedonia", "mk")),
            Map.entry("NO", new Country("Norway", "no")), Map.entry("RS", new Country("Serbia", "sr")),
            Map.entry("TR", new Country("Türkiye", "tr")), Map.entry("UK", new Country("United Kingdom", "en")),
            Map.entry("XK", new Country("Kosovo", "sq")));

    private NutsCountries() {
    }

    /** The English name, or the code itself for a country we have no name for. */
    static String name(String country) {
        Country c = COUNTRIES.get(country);
        return c == null ? country : c.name();
    }

    /** The language national labels of the country are written in; "mul" when unknown or mixed. */
    static String language(String country) {
        Country c = COUNTRIES.get(country);
        return c == null ? "mul" : c.language();
    }
}
