package org.lmobservatory.graduates;

import org.jdbi.v3.sqlobject.SingleValue;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** staging.disclosure_secret: one secret per dataset, never replaced once made. */
@UseClasspathSqlLocator
interface DisclosureSecretDao {

    /** Stores the secret unless the dataset has one already (a concurrent first load keeps the one that won). */
    @SqlUpdate
    void insertIfAbsent(@Bind("ds") String datasetId, @Bind("secret") byte[] secret);

    /** SingleValue: without it Jdbi reads an array return type as one element per row. */
    @SqlQuery
    @SingleValue
    byte[] secret(@Bind("ds") String datasetId);
}
