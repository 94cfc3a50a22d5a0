package org.lmobservatory.loader;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.lmobservatory.disclosure.AuditEntry;

import java.util.List;

/**
 * The lifecycle of one staging load (staging.load with its load_row, load_error and load_disclosure): begun as
 * 'loading', then valid, invalid or failed; {@code releases.Publisher} marks it published. The rows themselves
 * arrive by COPY ({@link StagingWriter}), not through here. Attach it to the handle that holds the load's
 * transaction, so its statements run in that transaction.
 */
@UseClasspathSqlLocator
public interface StagingLoadDao {

    /** A key staged more than once, with every line it is on, in line order. */
    record DuplicateKey(String keyText, Integer[] lines) {
    }

    /** A new load in status 'loading'; returns its id. */
    @SqlQuery
    long begin(@Bind("ds") String datasetId, @Bind("file") String fileName, @Bind("checksum") String checksum,
               @Bind("format") String format);

    @SqlUpdate
    void finishStaging(@Bind("id") long loadId, @Bind("status") String status, @Bind("mode") String mode,
                       @Bind("rows") long rows, @Bind("errors") int errors);

    @SqlUpdate
    void markFailed(@Bind("id") long loadId);

    @SqlUpdate
    void markValid(@Bind("id") long loadId, @Bind("rows") long rows);

    @SqlUpdate
    void markInvalid(@Bind("id") long loadId, @Bind("errors") int errors);

    @SqlUpdate
    void deleteRows(@Bind("id") long loadId);

    /** Fresh statistics of staging.load_row: with a previous load's deleted rows in them the planner misjudges this one. */
    @SqlUpdate
    void analyzeRows();

    @SqlQuery
    @RegisterConstructorMapper(DuplicateKey.class)
    List<DuplicateKey> duplicateKeys(@Bind("id") long loadId, @Bind("max") int max);

    @SqlBatch
    void insertErrors(@Bind("id") long loadId, @BindMethods List<LoadError> errors);

    /** The kept errors of an invalid load; an empty list writes nothing. */
    default void saveErrors(long loadId, List<LoadError> errors) {
        if (!errors.isEmpty()) insertErrors(loadId, errors);
    }

    @SqlBatch
    void insertDisclosure(@Bind("id") long loadId, @BindMethods List<AuditEntry> entries);
}
