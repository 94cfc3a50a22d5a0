package org.lmobservatory.formats;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lmobservatory.web.Languages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The headings of a download's metadata (the XLSX Metadata sheet) in the language asked for (sheet-words.json). */
final class SheetWords {
    private static final Map<String, Map<String, String>> WORDS = load();

    private final String lang;

    SheetWords(String lang) {
        this.lang = lang;
    }

    /** The heading in this language; the English key itself for a heading without translations. */
    String get(String english) {
        Map<String, String> byLang = WORDS.get(english);
        return byLang == null ? english : Languages.pick(byLang, lang);
    }

    private static Map<String, Map<String, String>> load() {
        try (InputStream in = SheetWords.class.getResourceAsStream("sheet-words.json")) {
            if (in == null) throw new IllegalStateException("sheet-words.json is missing from the class path");
            return Map.copyOf(new ObjectMapper().readValue(in, new TypeReference<Map<String, Map<String, String>>>() {
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
