package org.lmobservatory.loader.codelists;

import org.lmobservatory.loader.DefinitionFiles.InvalidDefinitionException;
import org.lmobservatory.loader.LoadError;

import java.util.ArrayList;
import java.util.List;

/** Problems of one codelist file, each with file, line, column and reason; the first 1,000 are kept, all are counted. */
final class ImportErrors {
    private static final int MAX_KEPT = 1_000;

    private final String file;
    private final List<LoadError> kept = new ArrayList<>();
    private int count;

    ImportErrors(String file) {
        this.file = file;
    }

    void add(int line, String column, String message) {
        count++;
        if (kept.size() < MAX_KEPT) kept.add(new LoadError(file, line, column, column == null ? message : column + ": " + message));
    }

    int count() {
        return count;
    }

    /** Nothing is stored from a file with errors: the import stops here and reports them all. */
    void throwIfAny() {
        if (count == 0) return;
        List<LoadError> all = new ArrayList<>(kept);
        if (count > kept.size()) all.add(new LoadError(file, 0, null, "… and " + (count - kept.size()) + " more errors"));
        throw new InvalidDefinitionException(all);
    }
}
