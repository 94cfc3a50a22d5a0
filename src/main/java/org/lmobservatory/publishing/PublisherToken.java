package org.lmobservatory.publishing;

import java.time.Instant;
import java.util.List;

/** A data owner's token as the CLI lists it: never its secret nor its hash. */
public record PublisherToken(String id, String owner, List<String> datasets, List<String> scopes, Instant createdAt,
                             Instant expiresAt, Instant revokedAt) {

    /** Usable now: neither revoked nor expired. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    public boolean allows(String datasetId, Scope scope) {
        return datasets.contains(datasetId) && scopes.contains(scope.word());
    }
}
