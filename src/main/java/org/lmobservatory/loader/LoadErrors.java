package org.lmobservatory.loader;

import org.lmobservatory.loader.DefinitionFiles.InvalidDefinitionException;
import org.lmobservatory.loader.formats.ObservationReader;
import org.lmobservatory.releases.StagingLoadDao;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems of one input file in file order, each with file, line, column and reason: the first {@link #MAX_KEPT}
 * are kept, all are counted. The one collector of observation loads, graduate loads and codelist imports.
 */
public final class LoadErrors implements ObservationReader.ErrorSink {
    public static final int MAX_KEPT = 1_000;

    private final String file;
    private final boolean columnInMessage;
    private final List<LoadError> kept = new ArrayList<>();
    private int count;

    private LoadErrors(String file, boolean columnInMessage) {
        this.file = file;
        this.columnInMessage = columnInMessage;
    }

    public static LoadErrors of(String file) {
        return new LoadErrors(file, false);
    }

    /** For files whose columns have names a reader needs to see in the message (codelist files: "LABEL: empty"). */
    public static LoadErrors namingColumns(String file) {
        return new LoadErrors(file, true);
    }

    @Override
    public void add(int line, String column, String message) {
        count++;
        if (kept.size() < MAX_KEPT) {
            kept.add(new LoadError(file, line, column, columnInMessage && column != null ? column + ": " + message : message));
        }
    }

    @Override
    public int count() {
        return count;
    }

    public List<LoadError> kept() {
        return List.copyOf(kept);
    }

    /** The kept errors as staging.load_error stores them. */
    public List<StagingLoadDao.ErrorLine> keptLines() {
        return kept.stream().map(e -> new StagingLoadDao.ErrorLine(e.line(), e.column(), e.message())).toList();
    }

    /** Stops an import that stores nothing from a file with errors, reporting them all. */
    public void throwIfAny() {
        if (count == 0) return;
        List<LoadError> all = new ArrayList<>(kept);
        if (count > kept.size()) all.add(new LoadError(file, 0, null, "… and " + (count - kept.size()) + " more errors"));
        throw new InvalidDefinitionException(all);
    }
}
