package org.lmobservatory.webhooks;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Subscriptions and their delivery log (schema webhook, owner connection only). */
@UseClasspathSqlLocator
public interface SubscriptionDao {

    record SubscriptionRow(UUID id, String url, List<String> datasets, List<String> events, String secret, Instant createdAt) {
    }

    record DeliveryRow(long id, String event, String datasetId, long releaseId, Instant activatedAt, String status, int attempts,
                       Instant nextAttemptAt, Instant deliveredAt) {
    }

    record AttemptRow(long deliveryId, int attempt, Instant attemptedAt, Integer statusCode, String error, int durationMs) {
    }

    @SqlUpdate
    void insert(@Bind("id") UUID id, @Bind("url") String url, @Bind("datasets") String[] datasets, @Bind("events") String[] events,
                @Bind("secret") String secret, @Bind("client") String client);

    @SqlQuery
    int lockClient(@Bind("client") String client);

    @SqlQuery
    int countOfClient(@Bind("client") String client);

    @SqlQuery
    @RegisterConstructorMapper(SubscriptionRow.class)
    Optional<SubscriptionRow> find(@Bind("id") UUID id);

    @SqlUpdate
    int delete(@Bind("id") UUID id);

    /** Newest first. */
    @SqlQuery
    @RegisterConstructorMapper(DeliveryRow.class)
    List<DeliveryRow> deliveries(@Bind("id") UUID subscriptionId, @Bind("limit") int limit);

    @SqlQuery
    @RegisterConstructorMapper(AttemptRow.class)
    List<AttemptRow> attempts(@Bind("ids") Long[] deliveryIds);
}
