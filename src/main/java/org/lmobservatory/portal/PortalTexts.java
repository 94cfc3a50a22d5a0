package org.lmobservatory.portal;

import com.fasterxml.jackson.core.type.TypeReference;
import org.lmobservatory.db.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The portal's words in its seven languages, from portal/texts.json: one entry per key, one string per language, so a
 * translator edits one file. A test checks that every key has every language, so there is no fallback here.
 */
public final class PortalTexts {
    public static final List<String> LANGUAGES = List.of("en", "sq", "fi", "sv", "bg", "pl", "cs");
    private static final Map<String, Map<String, String>> TEXTS = load();

    private final String lang;

    PortalTexts(String lang) {
        if (!LANGUAGES.contains(lang)) throw new IllegalArgumentException("The portal is not in '" + lang + "'");
        this.lang = lang;
    }

    static Map<String, Map<String, String>> all() {
        return TEXTS;
    }

    public String get(String key) {
        Map<String, String> byLang = TEXTS.get(key);
        if (byLang == null) throw new IllegalArgumentException("No portal text '" + key + "'");
        return byLang.get(lang);
    }

    public boolean has(String key) {
        return TEXTS.containsKey(key);
    }

    /** The text with {name} placeholders filled in, e.g. get("updated", "date", "3 May 2025"). */
    public String get(String key, String... namesAndValues) {
        String text = get(key);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) text = text.replace("{" + namesAndValues[i] + "}", namesAndValues[i + 1]);
        return text;
    }

    /** The name of a language in that language, as a language switch shows it. */
    static String nameOf(String lang) {
        return TEXTS.get("languageName").get(lang);
    }

    private static Map<String, Map<String, String>> load() {
        try (InputStream in = PortalTexts.class.getResourceAsStream("/portal/texts.json")) {
            if (in == null) throw new IllegalStateException("portal/texts.json is missing from the classpath");
            return Json.MAPPER.readValue(in, new TypeReference<Map<String, Map<String, String>>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
