package org.lmobservatory.webhooks;

import java.util.Map;

/**
 * How webhooks are delivered, and how many subscriptions one client may hold (maxPerClient). allowPrivate lets subscriptions name loopback and private-network addresses (off in
 * production: a public endpoint that POSTs wherever it is told would reach the server's own network; tests turn it
 * on for their receiver on 127.0.0.1). A failed attempt is retried after retryBaseMillis, doubling each time up to an
 * hour, until maxAttempts; each attempt may take timeoutMillis.
 */
public record WebhookSettings(boolean allowPrivate, long retryBaseMillis, int maxAttempts, long timeoutMillis, long pollMillis, int maxPerClient) {
    /** Enough for an organisation's tools (one per dataset group, a test one, a spare); not enough to fill the table. */
    public static final int DEFAULT_MAX_PER_CLIENT = 20;

    public WebhookSettings(boolean allowPrivate, long retryBaseMillis, int maxAttempts, long timeoutMillis, long pollMillis) {
        this(allowPrivate, retryBaseMillis, maxAttempts, timeoutMillis, pollMillis, DEFAULT_MAX_PER_CLIENT);
    }

    public static WebhookSettings defaults() {
        return new WebhookSettings(false, 30_000, 10, 10_000, 1_000, DEFAULT_MAX_PER_CLIENT);
    }

    public static WebhookSettings fromEnvironment() {
        return from(System.getenv());
    }

    public static WebhookSettings from(Map<String, String> env) {
        WebhookSettings d = defaults();
        return new WebhookSettings(
                Boolean.parseBoolean(env.getOrDefault("LMO_WEBHOOKS_ALLOW_PRIVATE", "false").trim()),
                Math.max(100, number(env, "LMO_WEBHOOKS_RETRY_BASE_MS", d.retryBaseMillis())),
                (int) Math.max(1, number(env, "LMO_WEBHOOKS_MAX_ATTEMPTS", d.maxAttempts())),
                Math.max(500, number(env, "LMO_WEBHOOKS_TIMEOUT_MS", d.timeoutMillis())),
                d.pollMillis(),
                (int) Math.min(100_000, Math.max(1, number(env, "LMO_WEBHOOKS_MAX_PER_CLIENT", d.maxPerClient()))));
    }

    /** Delay before the attempt after {@code attemptsMade} failed ones: base, 2×base, 4×base …, at most an hour. */
    public long retryDelayMillis(int attemptsMade) {
        long delay = retryBaseMillis << Math.min(20, Math.max(0, attemptsMade - 1));
        return Math.min(delay, 3_600_000L);
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) return fallback;
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Environment variable " + name + " must be a whole number, got '" + raw + "'");
        }
    }
}
