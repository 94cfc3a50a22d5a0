package org.lmobservatory.portal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PortalTextsTest {

    @Test
    void everyTextIsInEveryPortalLanguage() {
        for (Map.Entry<String, Map<String, String>> text : PortalTexts.all().entrySet()) {
            assertEquals(PortalTexts.LANGUAGES.stream().sorted().toList(), text.getValue().keySet().stream().sorted().toList(), text.getKey());
            text.getValue().forEach((lang, s) -> assertFalse(s.isBlank(), text.getKey() + " in " + lang));
        }
    }

    @Test
    void everyThemeHasAName() {
        for (String theme : PortalPages.THEMES) new PortalTexts("sq").get("theme." + theme);
    }

    @Test
    void acceptLanguageIsReadWithItsWeights() {
        List<String> offered = PortalTexts.LANGUAGES;
        assertEquals("cs", AcceptLanguage.choose("cs-CZ,cs;q=0.9", offered));
        assertEquals("fi", AcceptLanguage.choose("en;q=0.2, fi", offered));
        assertEquals("sv", AcceptLanguage.choose("sv-FI", offered));
        assertEquals("sq", AcceptLanguage.choose("sq-XK, sr;q=0.9", offered));
        assertEquals("en", AcceptLanguage.choose("de", offered));
        assertEquals("en", AcceptLanguage.choose("fi;q=0", offered));
        assertEquals("en", AcceptLanguage.choose("q=;;,", offered));
    }
}
