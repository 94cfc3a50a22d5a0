package org.lmobservatory.publishing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a token may do: load (upload and read validation reports) and publish (make a load a release). */
public enum Scope {
    LOAD, PUBLISH;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Scope> of(String word) {
        return Arrays.stream(values()).filter(s -> s.word().equals(word.trim())).findFirst();
    }
}
