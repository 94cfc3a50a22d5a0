package org.lmobservatory.db;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** WAL positions, as byte offsets (an LSN minus 0/0), so they compare as numbers. */
@UseClasspathSqlLocator
interface ReplicationDao {

    /** Where the primary's WAL ends now: at or past every commit that has returned (the publish's included). */
    @SqlQuery
    long primaryLsn();

    /** A standby's view: whether it is one, how far it has replayed, seconds since the last replayed commit's timestamp. */
    @SqlQuery
    @RegisterConstructorMapper(Standby.class)
    Standby standby();

    record Standby(boolean inRecovery, Long replayed, Double secondsSinceReplay) {
    }
}
