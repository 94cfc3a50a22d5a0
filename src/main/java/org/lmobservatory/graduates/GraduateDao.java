package org.lmobservatory.graduates;

import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.lmobservatory.db.CopyText;
import org.lmobservatory.db.SqlCopy;

import java.sql.SQLException;
import java.util.List;

/**
 * The confidential graduate microdata of a load (staging.graduate, written by COPY in {@link GraduateStaging}) and
 * the per-release digest of it (staging.release_digest). Everything here runs inside the load's one transaction.
 */
@UseClasspathSqlLocator
interface GraduateDao extends SqlObject {

    /** A graduate id seen again at lineNo, first seen at firstLine. */
    record DuplicateId(int lineNo, String graduateId, int firstLine) {
    }

    /** The content digest of one cohort: the sum of its records' content hashes (as text: it overflows bigint) and their count. */
    record CohortDigest(int year, String digest, long records) {
    }

    /** Records changed in one cohort since a release, and whether the cohort is in the load and in the release. */
    record CohortChange(int cohort, long changed, boolean inLoad, boolean inRelease) {
    }

    @SqlQuery
    @RegisterConstructorMapper(DuplicateId.class)
    List<DuplicateId> duplicateIds(@Bind("id") long loadId, @Bind("max") int max);

    /** Data minimisation: only the microdata of the latest load of a dataset is kept. */
    @SqlUpdate
    void deleteOtherLoads(@Bind("ds") String datasetId, @Bind("load") long loadId);

    @SqlQuery
    List<String> fieldsIn(@Bind("load") long loadId);

    @SqlQuery
    @RegisterConstructorMapper(CohortDigest.class)
    List<CohortDigest> cohortDigests(@Bind("load") long loadId);

    /** See {@link OutcomeCounts}: counts and key sums per cell, by GROUPING SETS over the staged records. */
    @SqlQuery
    @RegisterRowMapper(OutcomeCounts.RowMapping.class)
    List<OutcomeCounts.Row> outcomeCounts(@Bind("load") long loadId);

    @SqlQuery
    @RegisterConstructorMapper(CohortChange.class)
    List<CohortChange> changedRecords(@Bind("load") long loadId, @Bind("release") long releaseId);

    @SqlUpdate
    void saveReleaseDigest(@Bind("release") long releaseId, @Bind("load") long loadId);

    /** The load's graduate records, streamed by {@link GraduateStaging}; the column order is that of its fields. */
    @SqlCopy
    default CopyText copyGraduates() throws SQLException {
        return CopyText.open(getHandle(), GraduateDao.class, "copyGraduates");
    }
}
