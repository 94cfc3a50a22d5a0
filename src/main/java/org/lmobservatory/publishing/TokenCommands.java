package org.lmobservatory.publishing;

import org.lmobservatory.cli.CommandSet;
import org.lmobservatory.cli.ExitCodes;
import org.lmobservatory.cli.Session;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** token create, list, revoke and log: the data owners' publisher tokens (see publishing/Tokens). */
@Command(name = "token", description = "Publisher tokens for the publisher API: create, list, revoke, log.")
public final class TokenCommands implements CommandSet, Callable<Integer> {
    private final Session session;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public TokenCommands(Session session) {
        this.session = session;
    }

    /** {@code token} alone: what it can do, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(session.err());
        return ExitCodes.USAGE;
    }

    @Command(name = "create", description = {"Create a token for a data owner; it is printed once and stored only as an Argon2id hash.",
            "Send it as 'Authorization: Bearer <token>' to /v1/publish/…"})
    int create(@Option(names = "--owner", required = true, paramLabel = "ORG", description = "The organisation that holds it.") String owner,
               @Option(names = "--datasets", required = true, split = ",", paramLabel = "ID,…", description = "The datasets it may touch.") List<String> datasets,
               @Option(names = "--scope", required = true, split = ",", paramLabel = "load,publish", converter = ScopeWords.class,
                       description = "What it may do: load (upload, read reports), publish, or both.") List<Scope> scopes,
               @Option(names = "--expires", paramLabel = "WHEN", converter = Expiry.class,
                       description = "When it stops working: a date (valid through that day, UTC), an instant, or a number of days (90d).") Instant expires) {
        Tokens.Created created = new Tokens(session.database().owner()).create(owner, datasets, scopes, expires);
        PublisherToken t = created.token();
        session.out().println(created.text());
        session.err().println("token " + t.id() + " for " + t.owner() + ": " + String.join(",", t.scopes()) + " on " + String.join(",", t.datasets())
                + (t.expiresAt() == null ? ", no expiry" : ", expires " + t.expiresAt())
                + ". Store it now: it is shown only this once.");
        return ExitCodes.OK;
    }

    @Command(name = "list", description = "List tokens (id, owner, datasets, scopes, state); never their secrets.")
    int list() {
        Instant now = Instant.now();
        List<PublisherToken> tokens = new Tokens(session.database().owner()).list();
        if (tokens.isEmpty()) session.err().println("no tokens; create one with: token create --owner ORG --datasets ID --scope load,publish");
        for (PublisherToken t : tokens) {
            String state = t.revokedAt() != null ? "revoked " + t.revokedAt()
                    : t.expiresAt() != null && !t.expiresAt().isAfter(now) ? "expired " + t.expiresAt()
                    : t.expiresAt() != null ? "active until " + t.expiresAt() : "active";
            session.out().println(String.join("\t", t.id(), t.owner(), String.join(",", t.datasets()), String.join(",", t.scopes()),
                    "created " + t.createdAt(), state));
        }
        return ExitCodes.OK;
    }

    @Command(name = "revoke", description = "Revoke a token at once; its next request is a 401.")
    int revoke(@Parameters(paramLabel = "ID", description = "The token's id (token list).") String id) {
        if (new Tokens(session.database().owner()).revoke(id)) {
            session.out().println("revoked token " + id);
            return ExitCodes.OK;
        }
        session.err().println("error: no active token " + id + " (see: token list)");
        return ExitCodes.NOT_FOUND;
    }

    @Command(name = "log", description = "The audit of the publisher API, newest first: who did what to which dataset, from which file and address.")
    int log(@Option(names = "--token", paramLabel = "ID", description = "Only this token's uses.") String tokenId,
            @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most this many lines (default 100).") int limit) {
        for (AuditEntry e : new Tokens(session.database().owner()).log(Optional.ofNullable(tokenId), Math.max(1, limit))) {
            session.out().println(String.join("\t", e.at().toString(), dash(e.tokenId()), dash(e.owner()), e.action(), dash(e.datasetId()),
                    e.outcome(), e.fileChecksum() == null ? "-" : "sha256:" + e.fileChecksum(),
                    e.loadId() == null ? "-" : "load " + e.loadId(), e.releaseId() == null ? "-" : "release " + e.releaseId(), dash(e.remoteAddress())));
        }
        return ExitCodes.OK;
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    static final class ScopeWords implements CommandLine.ITypeConverter<Scope> {
        @Override
        public Scope convert(String value) {
            return Scope.of(value).orElseThrow(() -> new CommandLine.TypeConversionException("'" + value + "' is not a scope; use load, publish or both"));
        }
    }

    static final class Expiry implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            String v = value.trim();
            try {
                if (v.matches("\\d{1,5}d")) return Instant.now().plusSeconds(86_400L * Long.parseLong(v.substring(0, v.length() - 1)));
                if (v.matches("\\d{4}-\\d{2}-\\d{2}")) return LocalDate.parse(v).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                return Instant.parse(v);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a date (2027-06-30), an instant (2027-06-30T12:00:00Z) or days (90d)");
            }
        }
    }
}
