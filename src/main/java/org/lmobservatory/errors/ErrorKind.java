package org.lmobservatory.errors;

import java.util.Map;

/**
 * Every error the observatory reports on purpose, whether the API or the command line meets it. Each kind fixes the
 * HTTP status, the problem type slug (rendered as {@code <base>/problems/<slug>}) and the title, so the same condition
 * reads the same everywhere; the detail says what happened this time. Domain code throws {@link ObservatoryException}
 * and knows nothing of HTTP or exit codes: web/ProblemHandlers and cli/ExitCodes translate.
 */
public enum ErrorKind {
    // Requests that cannot be understood as asked.
    INVALID_PARAMETER(400, "invalid-parameter", Titles.BAD_REQUEST),
    // A release scheduled for an instant that has passed, or rescheduled/cancelled without a reason.
    INVALID_SCHEDULE(400, "invalid-schedule", "Invalid schedule"),
    UNKNOWN_PARAMETER(400, "unknown-parameter", Titles.BAD_REQUEST),
    MISSING_PARAMETER(400, "missing-parameter", Titles.BAD_REQUEST),
    REPEATED_PARAMETER(400, "repeated-parameter", Titles.BAD_REQUEST),
    CONFLICTING_PARAMETERS(400, "conflicting-parameters", Titles.BAD_REQUEST),
    INVALID_CURSOR(400, "invalid-cursor", Titles.BAD_REQUEST),
    INVALID_TIME(400, "invalid-time", Titles.BAD_REQUEST),
    UNKNOWN_CODE(400, "unknown-code", Titles.BAD_REQUEST),
    UNKNOWN_LEVEL(400, "unknown-level", Titles.BAD_REQUEST),
    NO_GEO_DIMENSION(400, "no-geo-dimension", Titles.BAD_REQUEST),
    // Groups asked of a measure whose values cannot be combined from its members' (a median, mean, quantile or category).
    NOT_AGGREGATABLE(400, "not-aggregatable", Titles.BAD_REQUEST),
    UNSUPPORTED_LANGUAGE(400, "unsupported-language", Titles.BAD_REQUEST),
    TOO_MANY_CODES(400, "too-many-codes", Titles.BAD_REQUEST),
    TOO_MANY_SERIES(400, "too-many-series", Titles.BAD_REQUEST),
    TOO_MANY_PERIODS(400, "too-many-periods", Titles.BAD_REQUEST),
    RELEASE_NOT_SELECTABLE(400, "release-not-selectable", Titles.BAD_REQUEST),
    // A request body that is not the JSON document the operation reads (malformed, or a member of the wrong type).
    INVALID_BODY(400, "invalid-body", Titles.BAD_REQUEST),

    // The publisher API (publishing/): no usable bearer token (401, with WWW-Authenticate), or a token that does not
    // cover this dataset or action (403).
    UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
    FORBIDDEN(403, "forbidden", "Forbidden"),

    // Things that do not exist (yet).
    UNKNOWN_DATASET(404, "unknown-dataset", Titles.NOT_FOUND),
    UNKNOWN_CODELIST(404, "unknown-codelist", Titles.NOT_FOUND),
    NOT_A_WIDGET(404, "not-a-widget", Titles.NOT_FOUND),
    NOT_FOUND(404, "not-found", Titles.NOT_FOUND),
    UNKNOWN_RELEASE(404, "unknown-release", "Unknown release"),
    NO_RELEASE(404, "no-release", "Not published yet"),
    NO_RELEASE_AT_TIME(404, "no-release-at-time", "No release at that time"),
    NO_VALID_LOAD(404, "no-valid-load", "Nothing to publish"),
    UNKNOWN_LOAD(404, "unknown-load", Titles.NOT_FOUND),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    // Refused by Jetty before any route runs (web/JettyProblems): a request line or header block over the server's
    // limit, or a message that is not valid HTTP.
    URI_TOO_LONG(414, "uri-too-long", "URI too long"),
    HEADERS_TOO_LARGE(431, "headers-too-large", "Request header fields too large"),
    MALFORMED_REQUEST(400, "malformed-request", Titles.BAD_REQUEST),
    // Over the per-client quota; Retry-After depends on the client's bucket, so web/RateLimits sets it.
    RATE_LIMITED(429, "rate-limited", "Too many requests"),

    // The request is understood but the data's state forbids it.
    LOAD_NOT_PUBLISHABLE(409, "load-not-publishable", Titles.NOT_PUBLISHABLE),
    EMPTY_LOAD(409, "empty-load", Titles.NOT_PUBLISHABLE),
    // Rescheduling or cancelling a release that is already out (or cancelled); scheduling a second one for a dataset.
    RELEASE_NOT_SCHEDULED(409, "release-not-scheduled", "Release is not scheduled"),
    ALREADY_SCHEDULED(409, "already-scheduled", "Another release is scheduled"),
    // A file given to the loader (definition, code list) that cannot be used as it is.
    INVALID_DEFINITION(422, "invalid-definition", "Invalid definition"),
    // Webhook subscriptions (webhooks/): an address deliveries may not go to, and the subscription's secret as proof.
    WEBHOOK_URL_REFUSED(422, "webhook-url-refused", "Webhook URL refused"),
    SUBSCRIPTION_SECRET_REQUIRED(401, "subscription-secret-required", "Subscription secret required"),
    WRONG_SUBSCRIPTION_SECRET(403, "wrong-subscription-secret", "Wrong subscription secret"),
    UNKNOWN_SUBSCRIPTION(404, "unknown-subscription", Titles.NOT_FOUND),
    // A client that already holds as many subscriptions as /v1/limits allows: it must delete one first.
    SUBSCRIPTION_LIMIT(409, "subscription-limit", "Too many subscriptions"),
    TOO_MANY_CELLS(413, "too-many-cells", "Query too large"),
    BODY_TOO_LARGE(413, "body-too-large", "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    UNSUPPORTED_FORMAT(501, "unsupported-format", "Not implemented"),
    // A publish with an announced instant ("at"): scheduled releases are not wired into the publisher API yet.

    // The database could not answer (mapped from SQLSTATE by DatabaseErrors). The last number is the Retry-After in
    // seconds: these pass, so clients (and scripts) should try again rather than report a bug.
    DATABASE_UNAVAILABLE(503, "database-unavailable", Titles.UNAVAILABLE, 5),
    DATABASE_BUSY(503, "database-busy", Titles.UNAVAILABLE, 5),
    DATABASE_CONFLICT(503, "database-conflict", Titles.UNAVAILABLE, 1),
    // More database queries at once than the admission gate (db/QueryAdmission) lets through, for longer than it waits:
    // the database itself is fine, so a second later is worth trying. Cached answers never meet this.
    OVERLOADED(503, "overloaded", Titles.UNAVAILABLE, 1),
    STATEMENT_TIMEOUT(504, "statement-timeout", "Query took too long", 30),
    // A bulk download could not be written to disk (observations/http/BulkDownloads, errors/StorageErrors). 503 with
    // Retry-After rather than 507 Insufficient Storage: 507 is WebDAV's, and curl --retry, wget, HTTP libraries and
    // CDNs treat it as final, while a full disk clears once an operator frees space and the same request then works.
    // The problem type, not the status, tells a full disk from an unwritable directory or an unreachable database.
    STORAGE_FULL(503, "storage-full", Titles.UNAVAILABLE, 60),
    STORAGE_UNAVAILABLE(503, "storage-unavailable", Titles.UNAVAILABLE, 60),
    // Only the command line meets this one: the embedded PostgreSQL's data directory is held by another process.
    DATABASE_IN_USE(503, "database-in-use", "Database in use", 0),

    INTERNAL_ERROR(500, "internal-error", "Internal server error");

    private final int status;
    private final String slug;
    private final String title;
    private final int retryAfterSeconds;

    ErrorKind(int status, String slug, String title) {
        this(status, slug, title, 0);
    }

    ErrorKind(int status, String slug, String title, int retryAfterSeconds) {
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** Seconds after which the same request may well succeed; 0 when repeating it cannot help. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ObservatoryException error(String detail) {
        return new ObservatoryException(this, detail, Map.of());
    }

    /** With extension members (e.g. parameter, allowed, releases) that clients can act on without parsing the detail. */
    public ObservatoryException error(String detail, Map<String, Object> extensions) {
        return new ObservatoryException(this, detail, extensions);
    }

    private static final class Titles {
        static final String BAD_REQUEST = "Bad request";
        static final String NOT_FOUND = "Not found";
        static final String NOT_PUBLISHABLE = "Load cannot be published";
        static final String UNAVAILABLE = "Service unavailable";
    }
}
