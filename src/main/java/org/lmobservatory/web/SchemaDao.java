package org.lmobservatory.web;

import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What readiness asks of the database: Flyway's history, which the API role may read. */
@UseClasspathSqlLocator
interface SchemaDao {

    /** The newest migration applied successfully; null before the first. */
    @SqlQuery
    String migratedVersion();
}
