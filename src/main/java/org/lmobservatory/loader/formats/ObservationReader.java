package org.lmobservatory.loader.formats;

import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;

import java.io.IOException;
import java.util.List;

/**
 * One input format. A reader maps its file's layout onto the dataset's dimensions and hands out raw rows;
 * validation, staging and publishing are the same for every format.
 */
public interface ObservationReader extends AutoCloseable {
    /** Reads the header or structure; problems that make the whole file unusable go to errors. */
    void open(Dataset dataset, ErrorSink errors) throws IOException;

    /**
     * As {@link #open(Dataset, ErrorSink)}, with the codelists of the dataset's dimensions (in dimension order) for
     * readers that match labels to codes or check a file's categories once instead of on every row.
     */
    default void open(Dataset dataset, List<Codelist> codelists, ErrorSink errors) throws IOException {
        open(dataset, errors);
    }

    /** The next row, or null at the end. Row-level format problems go to errors and the row is skipped. */
    RawObservation next(ErrorSink errors) throws IOException;

    /**
     * True when the file describes changes to the current release (SDMX-CSV with an ACTION column) rather than the
     * whole dataset; known after {@link #open}.
     */
    default boolean incremental() {
        return false;
    }

    /** What the reader did beyond mapping rows that the data owner should know (e.g. values dropped); "" if nothing. */
    default String summary() {
        return "";
    }

    /**
     * Where a row is for people, in formats without lines (JSON-stat: {@code $.value[17] (geo=FI1B, time=1996-02)}),
     * so that problems found after reading (validation, code recoding, staging) name the cell; null: the row's line says it.
     */
    default String where(int line) {
        return null;
    }

    @Override
    void close() throws IOException;

    interface ErrorSink {
        void add(int line, String column, String message);

        int count();
    }
}
