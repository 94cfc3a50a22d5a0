package org.lmobservatory.publishing;

import java.util.Map;

/**
 * Limits of the publisher API: the largest upload in bytes ({@code LMO_MAX_UPLOAD_BYTES}, default 2 GiB; the body is
 * streamed to a temporary file, so memory does not grow with it) and how many changed cells a report lists
 * ({@code LMO_UPLOAD_SAMPLE}, default 100; the totals count all of them).
 */
public record PublishingSettings(long maxUploadBytes, int sampleLimit) {

    public static PublishingSettings from(Map<String, String> env) {
        return new PublishingSettings(positive(env, "LMO_MAX_UPLOAD_BYTES", 2L << 30), (int) Math.min(10_000, positive(env, "LMO_UPLOAD_SAMPLE", 100)));
    }

    private static long positive(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) return fallback;
        try {
            long n = Long.parseLong(value.trim());
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive whole number, not '" + value + "'");
    }
}
