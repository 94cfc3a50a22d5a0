package org.lmobservatory.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Encoded responses keyed by dataset, release and canonical request. Keys carry the release, so a publish makes
 * old entries unreachable at once; {@link #evictDataset} then frees exactly that dataset's memory.
 */
public final class ResponseCache {
    /** dataset and release first, so eviction by dataset is a prefix match. */
    public record Key(String datasetId, long releaseId, String variant) {
    }

    private final Cache<Key, EncodedResponse> cache;

    public ResponseCache(long maxBytes) {
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key k, EncodedResponse v) -> v.weight())
                .recordStats()
                .build();
    }

    /** Hit and miss counts, size and evictions as meters (the cache records its statistics anyway). */
    public void bindTo(io.micrometer.core.instrument.MeterRegistry registry) {
        io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics.monitor(registry, cache, "responses");
    }

    public EncodedResponse get(Key key) {
        return cache.getIfPresent(key);
    }

    public void put(Key key, EncodedResponse response) {
        cache.put(key, response);
    }

    public void evictDataset(String datasetId) {
        cache.asMap().keySet().removeIf(k -> k.datasetId().equals(datasetId));
    }

    public void evictAll() {
        cache.invalidateAll();
    }

    public long size() {
        return cache.estimatedSize();
    }

    public long hits() {
        return cache.stats().hitCount();
    }
}
