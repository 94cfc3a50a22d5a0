package org.lmobservatory.formats;

import org.lmobservatory.web.Languages;

import java.util.Map;

/** Labels of the two axes that formats add to a dataset's own dimensions: time and the indicator (metric). */
final class CubeWords {
    private static final Map<String, String> TIME = Map.of("en", "Time", "sq", "Koha", "sr", "Vreme", "fi", "Aika", "sv", "Tid",
            "bg", "Време", "pl", "Czas", "cs", "Čas");
    private static final Map<String, String> INDICATOR = Map.of("en", "Indicator", "sq", "Treguesi", "sr", "Pokazatelj", "fi", "Tieto",
            "sv", "Uppgift", "bg", "Показател", "pl", "Wskaźnik", "cs", "Ukazatel");

    private CubeWords() {
    }

    static String time(String lang) {
        return Languages.pick(TIME, lang);
    }

    static String indicator(String lang) {
        return Languages.pick(INDICATOR, lang);
    }
}
