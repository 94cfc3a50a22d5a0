package org.lmobservatory.webhooks;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** The delivery queue as the dispatcher works it: claim one due delivery, log the attempt, settle it. */
@UseClasspathSqlLocator
public interface DeliveryDao {

    /** A claimed delivery with what its payload says and where it goes. */
    record Due(long id, UUID subscriptionId, String event, int attempts, String url, String secret, String datasetId,
               long releaseId, Instant activatedAt, Instant publishedAt, long rowCount, String note, LocalDate periodMin,
               LocalDate periodMax) {
    }

    /**
     * The oldest due delivery, locked for the rest of the caller's transaction; rows another instance holds are
     * skipped (FOR UPDATE SKIP LOCKED), so each attempt is made by exactly one instance.
     */
    @SqlQuery
    @RegisterConstructorMapper(Due.class)
    Optional<Due> claimDue();

    @SqlUpdate
    void recordAttempt(@Bind("delivery") long deliveryId, @Bind("attempt") int attempt, @Bind("status") Integer statusCode,
                       @Bind("error") String error, @Bind("ms") int durationMs);

    @SqlUpdate
    void delivered(@Bind("id") long id, @Bind("attempts") int attempts);

    @SqlUpdate
    void retryLater(@Bind("id") long id, @Bind("attempts") int attempts, @Bind("ms") long delayMillis);

    @SqlUpdate
    void failed(@Bind("id") long id, @Bind("attempts") int attempts);
}
