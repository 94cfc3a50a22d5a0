package org.lmobservatory.loader;

import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.loader.formats.InputFormats;
import org.lmobservatory.loader.formats.ObservationReader;
import org.lmobservatory.loader.formats.RawObservation;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The one path of an observation file: its format's reader → {@link RowValidator} → a {@link RowSink}, errors into one {@link LoadErrors}. */
final class RowPipeline {
    /** How many rows the sink took, whether the file merges into the current release (ACTION column), the reader's note. */
    record Outcome(long rows, boolean incremental, String readerSummary) {
    }

    private RowPipeline() {
    }

    static Outcome run(Path file, String format, Optional<Path> mapping, Dataset dataset, List<Codelist> codelists,
                       RowValidator validator, RowSink sink, LoadErrors errors) throws Exception {
        try (InputStream in = Files.newInputStream(file); ObservationReader reader = InputFormats.open(format, in, mapping)) {
            reader.open(dataset, codelists, errors);
            boolean incremental = reader.incremental();
            ObservationReader.ErrorSink rows = located(reader, errors);
            RawObservation raw;
            while ((raw = reader.next(errors)) != null) {
                RowValidator.ValidRow row = validator.validate(raw, rows);
                if (row != null) sink.accept(row, errors);
            }
            return new Outcome(sink.finish(errors), incremental, reader.summary());
        }
    }

    /** Row problems named where the reader says the row is (a JSON-stat cell's path and coordinates) rather than by a line. */
    private static ObservationReader.ErrorSink located(ObservationReader reader, LoadErrors errors) {
        return new ObservationReader.ErrorSink() {
            @Override
            public void add(int line, String column, String message) {
                String where = reader.where(line);
                if (where == null) errors.add(line, column, message);
                else errors.add(0, column, where + ": " + message);
            }

            @Override
            public int count() {
                return errors.count();
            }
        };
    }
}
