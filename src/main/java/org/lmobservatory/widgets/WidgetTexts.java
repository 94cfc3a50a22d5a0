package org.lmobservatory.widgets;

import com.fasterxml.jackson.core.type.TypeReference;
import org.lmobservatory.db.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The words of widgets and charts in the seven widget languages, from widgets/texts.json (one entry per key, one
 * string per language, so translators edit one file). Other API languages fall back to English.
 */
final class WidgetTexts {
    static final List<String> LANGUAGES = List.of("en", "sq", "fi", "sv", "bg", "pl", "cs");
    private static final Map<String, Map<String, String>> TEXTS = load();

    private final String lang;

    WidgetTexts(String lang) {
        this.lang = LANGUAGES.contains(lang) ? lang : "en";
    }

    static Map<String, Map<String, String>> all() {
        return TEXTS;
    }

    String get(String key) {
        Map<String, String> byLang = TEXTS.get(key);
        if (byLang == null) throw new IllegalArgumentException("No widget text '" + key + "'");
        return byLang.getOrDefault(lang, byLang.get("en"));
    }

    /** The text with {name} placeholders filled in, e.g. get("changeSince", "period", "2024"). */
    String get(String key, String... namesAndValues) {
        String text = get(key);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) text = text.replace("{" + namesAndValues[i] + "}", namesAndValues[i + 1]);
        return text;
    }

    /** What a status flag means; unknown flags are shown as themselves. */
    String flag(char flag) {
        return org.lmobservatory.formats.Flags.meaning(String.valueOf(flag), lang);
    }

    /** A territorial level's name ("region" → "alue"), or the level id for levels without a translation. */
    String level(String level) {
        Map<String, String> byLang = TEXTS.get("level." + level);
        return byLang == null ? level : byLang.getOrDefault(lang, byLang.get("en"));
    }

    private static Map<String, Map<String, String>> load() {
        try (InputStream in = WidgetTexts.class.getResourceAsStream("/widgets/texts.json")) {
            if (in == null) throw new IllegalStateException("widgets/texts.json is missing from the classpath");
            return Json.MAPPER.readValue(in, new TypeReference<Map<String, Map<String, String>>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
