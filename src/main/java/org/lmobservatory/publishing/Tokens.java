package org.lmobservatory.publishing;

import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.errors.ErrorKind;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Facade of the data owners' tokens: created (shown once), listed and revoked by the command line; checked on every
 * publisher API request. Lookup by the token's public id, verification by Argon2id ({@link TokenHash}); the outcome
 * of every check is the caller's to audit.
 */
public final class Tokens {
    private final Jdbi owner;

    /** owner: the owner's connections; the API role cannot see the publishing schema. */
    public Tokens(Jdbi owner) {
        this.owner = owner;
    }

    /** A new token and its text, which is shown once and never stored. */
    public record Created(PublisherToken token, String text) {
    }

    public Created create(String ownerName, List<String> datasets, List<Scope> scopes, Instant expiresAt) {
        if (ownerName == null || ownerName.isBlank()) throw new IllegalArgumentException("--owner must name the organisation");
        if (datasets.isEmpty()) throw new IllegalArgumentException("--datasets must name at least one dataset");
        if (scopes.isEmpty()) throw new IllegalArgumentException("--scope must be load, publish or both");
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) throw new IllegalArgumentException("--expires " + expiresAt + " is in the past");
        // A typo in a dataset id would make a token that can do nothing; every dataset must be defined first.
        CatalogueService catalogue = new CatalogueService(owner);
        datasets.forEach(catalogue::dataset);
        TokenText text = TokenText.generate();
        List<String> scopeWords = scopes.stream().distinct().map(Scope::word).toList();
        List<String> distinctDatasets = datasets.stream().distinct().toList();
        owner.useExtension(TokenDao.class, dao -> dao.insert(text.id(), ownerName.trim(), distinctDatasets.toArray(String[]::new), scopeWords.toArray(String[]::new),
                TokenHash.hash(text.secret()), expiresAt));
        PublisherToken token = owner.withExtension(TokenDao.class, dao -> dao.byId(text.id())).orElseThrow().token();
        return new Created(token, text.text());
    }

    public List<PublisherToken> list() {
        return owner.withExtension(TokenDao.class, dao -> dao.list().stream().map(TokenDao.TokenRow::token).toList());
    }

    /** True when the token was active and is revoked now; false when it was unknown or revoked before. */
    public boolean revoke(String id) {
        return owner.withExtension(TokenDao.class, dao -> dao.revoke(id.trim().toLowerCase(Locale.ROOT))) > 0;
    }

    public List<AuditEntry> log(Optional<String> tokenId, int limit) {
        return owner.withExtension(TokenDao.class, dao -> dao.auditLog(tokenId.orElse(null), limit));
    }

    public void audit(AuditEntry entry) {
        owner.useExtension(TokenDao.class, dao -> dao.audit(entry));
    }

    /** The public id of the token in an Authorization header, when it is well-formed (for the audit of refusals). */
    static Optional<String> claimedId(String authorization) {
        return bearer(authorization).flatMap(TokenText::parse).map(TokenText::id);
    }

    /**
     * The active token of an {@code Authorization: Bearer …} header, or a 401 problem. Unknown id and wrong secret read
     * the same, so the answer does not tell which ids exist.
     */
    public PublisherToken authenticate(String authorization) {
        String value = bearer(authorization).orElseThrow(() -> ErrorKind.UNAUTHORIZED.error(
                "This endpoint needs a publisher token: send Authorization: Bearer lmo_… (created with 'token create')."));
        TokenText text = TokenText.parse(value).orElseThrow(TokenProblems::unrecognised);
        Optional<TokenDao.TokenRow> found = owner.withExtension(TokenDao.class, dao -> dao.byId(text.id()));
        // An unknown id costs a hash as well, so the time of the answer does not tell which ids exist.
        boolean verified = TokenHash.verify(text.secret(), found.map(TokenDao.TokenRow::secretHash).orElse(TokenProblems.DECOY));
        if (found.isEmpty() || !verified) throw TokenProblems.unrecognised();
        TokenDao.TokenRow row = found.get();
        if (row.revokedAt() != null) {
            throw ErrorKind.UNAUTHORIZED.error("Token " + row.id() + " was revoked at " + row.revokedAt() + "; ask for a new one.");
        }
        if (row.expiresAt() != null && !row.expiresAt().isAfter(Instant.now())) {
            throw ErrorKind.UNAUTHORIZED.error("Token " + row.id() + " expired at " + row.expiresAt() + "; ask for a new one.");
        }
        return row.token();
    }

    /** A 403 problem unless the token covers this dataset and action. */
    public static void authorize(PublisherToken token, String datasetId, Scope scope) {
        if (!token.datasets().contains(datasetId)) {
            throw ErrorKind.FORBIDDEN.error("Token " + token.id() + " of " + token.owner() + " is not for dataset '" + datasetId
                    + "'; it covers " + String.join(", ", token.datasets()) + ".");
        }
        if (!token.scopes().contains(scope.word())) {
            throw ErrorKind.FORBIDDEN.error("Token " + token.id() + " may " + String.join(" and ", token.scopes()) + ", not " + scope.word() + ".");
        }
    }

    private static Optional<String> bearer(String authorization) {
        if (authorization == null) return Optional.empty();
        String trimmed = authorization.trim();
        if (trimmed.length() < 7 || !trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        return Optional.of(trimmed.substring(7).trim());
    }

    private static final class TokenProblems {
        static final String DECOY = TokenHash.hash("decoy");

        static org.lmobservatory.errors.ObservatoryException unrecognised() {
            return ErrorKind.UNAUTHORIZED.error("The bearer token is not recognised. Tokens look like lmo_<id>_<secret>, as 'token create' printed it.");
        }
    }
}
