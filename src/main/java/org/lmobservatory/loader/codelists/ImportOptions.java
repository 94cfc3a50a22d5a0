package org.lmobservatory.loader.codelists;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the command line says about an import: the target codelist id, the classification version the file's codes
 * belong to, and the language of its labels (absent: the file's own convention, see each reader).
 */
public record ImportOptions(String codelistId, Optional<String> version, Optional<String> language) {
    private static final Pattern LANGUAGE_SUFFIX = Pattern.compile(".*_([a-z]{2})\\.[A-Za-z]+");

    /** The given language, else the one a file name like nace2_bg.csv ends with, else the fallback. */
    String languageOr(Path file, String fallback) {
        if (language.isPresent()) return language.get();
        Matcher m = LANGUAGE_SUFFIX.matcher(file.getFileName().toString());
        return m.matches() ? m.group(1) : fallback;
    }
}
