package org.lmobservatory.releases;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The PostgreSQL advisory lock of one dataset, keyed by a hash of its id (see {@link DatasetLock}). Session locks
 * stay until unlocked; transaction locks until commit or rollback.
 */
@UseClasspathSqlLocator
interface DatasetLockDao {

    @SqlQuery
    boolean tryLock(@Bind("ds") String datasetId);

    /** Waits for the lock. Read as text: pg_advisory_lock returns void, which has no Java mapping. */
    @SqlQuery
    String lock(@Bind("ds") String datasetId);

    @SqlQuery
    boolean tryLockForTransaction(@Bind("ds") String datasetId);

    /** As {@link #lock}, for the transaction. */
    @SqlQuery
    String lockForTransaction(@Bind("ds") String datasetId);

    @SqlQuery
    boolean unlock(@Bind("ds") String datasetId);
}
