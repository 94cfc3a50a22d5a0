package org.lmobservatory.catalogue;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SearchWordsTest {

    @Test
    void queryIsSplitIntoWordsAtAnythingButLettersAndDigits() {
        assertEquals(List.of("labour", "market", "Helsinki", "2024"), CatalogueService.words("labour-market, Helsinki 2024!"));
    }

    @Test
    void oneLetterWordsAndRepeatsAreDropped() {
        assertEquals(List.of("stopa", "płeć"), CatalogueService.words("stopa i płeć i stopa"));
    }

    @Test
    void aQueryIsBoundedInWordsAndLength() {
        assertEquals(8, CatalogueService.words("aa bb cc dd ee ff gg hh ii jj").size());
        assertEquals(64, CatalogueService.words("x".repeat(500)).get(0).length());
    }

    @Test
    void nothingButPunctuationIsNoWords() {
        assertEquals(List.of(), CatalogueService.words(" -,; "));
        assertEquals(List.of(), CatalogueService.words(null));
    }
}
