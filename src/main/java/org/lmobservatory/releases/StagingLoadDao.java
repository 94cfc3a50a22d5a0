package org.lmobservatory.releases;

import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.lmobservatory.db.CopyText;
import org.lmobservatory.db.SqlCopy;
import org.lmobservatory.disclosure.AuditEntry;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The lifecycle of one staging load (staging.load with its load_row, load_error and load_disclosure): begun as
 * 'loading' by a loader, then valid, invalid or failed; {@link Publisher} finds a valid one, marks it published and
 * deletes its rows. It lives here, not in loader/, because both need it and loader already depends on releases.
 * The rows themselves arrive by COPY: the statements are here, the streaming is the caller's (loader's StagingWriter,
 * graduates' IndicatorStaging). Attach it to the handle that holds
 * the load's transaction, so its statements run in that transaction.
 */
@UseClasspathSqlLocator
public interface StagingLoadDao extends SqlObject {

    /** One kept error of an invalid load; the file is the load's own, so it is not stored per line. */
    record ErrorLine(int line, String column, String message) {
    }

    /** A load as publishing needs it; status and mode as stored ('valid', 'merge', ...). */
    record StagedLoad(long id, long rowCount, String checksum, String fileName, String status, String mode) {
    }

    /** The first and last period start among a load's rows; both null when it has none. */
    record PeriodBounds(LocalDate lo, LocalDate hi) {
    }

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

    /** The dataset's newest load in status 'valid'. */
    @SqlQuery
    @RegisterConstructorMapper(StagedLoad.class)
    Optional<StagedLoad> latestValid(@Bind("ds") String datasetId);

    /** The load of that dataset with that id, whatever its status. */
    @SqlQuery
    @RegisterConstructorMapper(StagedLoad.class)
    Optional<StagedLoad> byId(@Bind("ds") String datasetId, @Bind("id") long loadId);

    @SqlQuery
    @RegisterConstructorMapper(PeriodBounds.class)
    PeriodBounds periodBounds(@Bind("id") long loadId);

    @SqlUpdate
    void markPublished(@Bind("id") long loadId, @Bind("release") long releaseId);

    @SqlUpdate
    void deleteRows(@Bind("id") long loadId);

    /** Fresh statistics of staging.load_row: with a previous load's deleted rows in them the planner misjudges this one. */
    @SqlUpdate
    void analyzeRows();

    @SqlQuery
    @RegisterConstructorMapper(DuplicateKey.class)
    List<DuplicateKey> duplicateKeys(@Bind("id") long loadId, @Bind("max") int max);

    @SqlBatch
    void insertErrors(@Bind("id") long loadId, @BindMethods List<ErrorLine> errors);

    /** The kept errors of an invalid load; an empty list writes nothing. */
    default void saveErrors(long loadId, List<ErrorLine> errors) {
        if (!errors.isEmpty()) insertErrors(loadId, errors);
    }

    @SqlBatch
    void insertDisclosure(@Bind("id") long loadId, @BindMethods List<AuditEntry> entries);

    /** A data owner's validated rows, each with its merge action (fields: load, line, key, period, value, flags, action). */
    @SqlCopy
    default CopyText copyRows() throws SQLException {
        return CopyText.open(getHandle(), StagingLoadDao.class, "copyRows");
    }

    /** Cells computed from microdata, each with its confidentiality status (fields: …, flags, conf_status). */
    @SqlCopy
    default CopyText copyProtectedRows() throws SQLException {
        return CopyText.open(getHandle(), StagingLoadDao.class, "copyProtectedRows");
    }
}
