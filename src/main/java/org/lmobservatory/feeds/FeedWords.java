package org.lmobservatory.feeds;

import java.util.Map;

/** The few words of a feed's titles, in every offered label language (dataset titles come from their definitions). */
final class FeedWords {
    private record Words(String release, String rollback, String allReleases) {
    }

    private static final Map<String, Words> WORDS = Map.of(
            "en", new Words("release", "back to release", "Releases of the Labour Market Observatory"),
            "fi", new Words("julkaisu", "palautettu julkaisuun", "Työmarkkinaobservatorion julkaisut"),
            "sv", new Words("publicering", "återställd till publicering", "Arbetsmarknadsobservatoriets publiceringar"),
            "sq", new Words("publikimi", "kthyer te publikimi", "Publikimet e Observatorit të Tregut të Punës"),
            "sr", new Words("izdanje", "vraćeno na izdanje", "Izdanja Opservatorije tržišta rada"),
            "bg", new Words("издание", "върнато към издание", "Издания на Обсерваторията на пазара на труда"),
            "pl", new Words("wydanie", "przywrócono wydanie", "Wydania Obserwatorium Rynku Pracy"),
            "cs", new Words("vydání", "vráceno k vydání", "Vydání Observatoře trhu práce"));

    private FeedWords() {
    }

    private static Words of(String lang) {
        return WORDS.getOrDefault(lang, WORDS.get("en"));
    }

    /** "Unemployment rate …: release 42" or "…: back to release 41". */
    static String entryTitle(String datasetTitle, Activation a, String lang) {
        String word = a.reason().equals("rollback") ? of(lang).rollback() : of(lang).release();
        return datasetTitle + ": " + word + " " + a.releaseId();
    }

    static String allReleases(String lang) {
        return of(lang).allReleases();
    }
}
