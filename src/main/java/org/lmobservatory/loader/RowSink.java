package org.lmobservatory.loader;

import java.util.HashMap;
import java.util.Map;

/** Where the rows that passed validation go: a dry run's duplicate check, or staging through COPY. */
interface RowSink extends AutoCloseable {
    void accept(RowValidator.ValidRow row, LoadErrors errors) throws Exception;

    /** The number of rows the file holds for the release. */
    long finish(LoadErrors errors) throws Exception;

    @Override
    default void close() throws Exception {
    }

    /**
     * Writes nothing anywhere and finds duplicate keys in memory, so a dry run reports everything a load would. A real
     * load finds them in the staged rows instead (SQL, no memory bound), see {@link LoadService}.
     */
    final class DryRun implements RowSink {
        private final Map<String, Integer> seen = new HashMap<>();
        private long rows;

        @Override
        public void accept(RowValidator.ValidRow row, LoadErrors errors) {
            if (row.isDelete()) {
                rows++;
                return;
            }
            Integer first = seen.putIfAbsent(String.join("\u0000", row.codes()) + "\u0000" + row.periodStart(), row.line());
            if (first != null) {
                errors.add(row.line(), null, "duplicate observation: same key (" + String.join(", ", row.codes()) + ") and period as line " + first);
            } else {
                rows++;
            }
        }

        @Override
        public long finish(LoadErrors errors) {
            return rows;
        }
    }

    /** COPY into staging.load_row; after the first error nothing more is written, since the load will be refused. */
    final class Staging implements RowSink {
        private final StagingWriter writer;

        Staging(StagingWriter writer) {
            this.writer = writer;
        }

        @Override
        public void accept(RowValidator.ValidRow row, LoadErrors errors) throws Exception {
            if (errors.count() == 0) writer.write(row);
        }

        @Override
        public long finish(LoadErrors errors) throws Exception {
            return writer.finish();
        }

        @Override
        public void close() throws Exception {
            writer.close();
        }
    }
}
