package org.lmobservatory.feeds;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;

/** The history of releases becoming current (published.release_activation), newest first. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(Activation.class)
public interface FeedDao {

    /**
     * The newest activations of one dataset (datasetId) or of all (null). Only those whose moment has come: a release
     * scheduled for later is not announced before it is visible.
     */
    @SqlQuery
    List<Activation> activations(@Bind("ds") String datasetId, @Bind("limit") int limit);
}
