package org.lmobservatory.graduates;

import org.lmobservatory.loader.LoadError;

import java.util.ArrayList;
import java.util.List;

/** Errors of one file in file order: the first MAX kept with file, line and column, all of them counted. */
final class ErrorList {
    static final int MAX = 1_000;

    private final String file;
    private final List<LoadError> kept = new ArrayList<>();
    private int count;

    ErrorList(String file) {
        this.file = file;
    }

    void add(int line, String column, String message) {
        count++;
        if (kept.size() < MAX) kept.add(new LoadError(file, line, column, message));
    }

    int count() {
        return count;
    }

    List<LoadError> kept() {
        return List.copyOf(kept);
    }
}
