package org.lmobservatory.publishing;

import org.jdbi.v3.core.mapper.reflect.ColumnName;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What the validation report reads: a staging load, its kept errors, and what it would change against the current release. */
@UseClasspathSqlLocator
public interface UploadDao {

    record LoadRow(long id, String datasetId, String fileName, String checksum, String format, String status, String mode,
                   long rowCount, int errorCount, Instant startedAt, Instant finishedAt, Long releaseId) {
    }

    record ErrorRow(int lineNo, String col, String message) {
    }

    /** One changed cell; change is 'added', 'removed' or 'revised'. The totals repeat on every row (window counts). */
    record ChangeRow(List<String> key, LocalDate periodStart, String change,
                     @ColumnName("old_value") BigDecimal oldValue, @ColumnName("old_flags") String oldFlags,
                     @ColumnName("new_value") BigDecimal newValue, @ColumnName("new_flags") String newFlags, Integer lineNo,
                     long added, long removed, long revised) {
    }

    @SqlQuery
    @RegisterConstructorMapper(LoadRow.class)
    Optional<LoadRow> load(@Bind("ds") String datasetId, @Bind("id") long loadId);

    @SqlQuery
    @RegisterConstructorMapper(ErrorRow.class)
    List<ErrorRow> errors(@Bind("id") long loadId, @Bind("limit") int limit);

    /**
     * The first {@code limit} changes in key and period order, each with the totals of all changes. For an incremental
     * (merge) load only its own rows are compared: what it leaves out stays, so nothing counts as removed.
     */
    @SqlQuery
    @RegisterConstructorMapper(ChangeRow.class)
    List<ChangeRow> changes(@Bind("ds") String datasetId, @Bind("id") long loadId, @Bind("merge") boolean merge, @Bind("limit") int limit);
}
