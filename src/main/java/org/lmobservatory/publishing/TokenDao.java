package org.lmobservatory.publishing;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** publishing.token and publishing.audit; on the owner's connections only (the API role cannot see the schema). */
@UseClasspathSqlLocator
public interface TokenDao {

    /** A stored token, its hash included: stays inside this package. */
    record TokenRow(String id, String owner, List<String> datasets, List<String> scopes, String secretHash,
                    Instant createdAt, Instant expiresAt, Instant revokedAt) {
        PublisherToken token() {
            return new PublisherToken(id, owner, datasets, scopes, createdAt, expiresAt, revokedAt);
        }
    }

    @SqlUpdate
    void insert(@Bind("id") String id, @Bind("owner") String owner, @Bind("datasets") String[] datasets,
                @Bind("scopes") String[] scopes, @Bind("hash") String secretHash, @Bind("expires") Instant expiresAt);

    @SqlQuery
    @RegisterConstructorMapper(TokenRow.class)
    Optional<TokenRow> byId(@Bind("id") String id);

    @SqlQuery
    @RegisterConstructorMapper(TokenRow.class)
    List<TokenRow> list();

    /** Returns the number of tokens revoked now (0: unknown, or revoked before). */
    @SqlUpdate
    int revoke(@Bind("id") String id);

    @SqlUpdate
    void audit(@BindMethods AuditEntry entry);

    @SqlQuery
    @RegisterConstructorMapper(AuditEntry.class)
    List<AuditEntry> auditLog(@Bind("token") String tokenId, @Bind("limit") int limit);
}
