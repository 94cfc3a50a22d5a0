package org.lmobservatory.errors;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.function.Function;

/**
 * A cache loader that remembers what it last loaded for each key and answers that when the database cannot be
 * reached. The in-memory views (current releases, dataset metadata) expire after seconds; without this, a cached
 * observation answer could not be served during an outage because looking up its release needed the database.
 * The same holds when the admission gate refuses the lookup (db/QueryAdmission) or it runs past its deadline
 * (db/LookupDeadline): metadata a few seconds old beats a 503 or 504.
 * The value handed out again expires like a fresh one, so the database is asked again at most once per expiry.
 */
public final class LastKnown<K, V> implements CacheLoader<K, V> {
    private final Function<K, V> load;
    private final Cache<K, V> last;

    public LastKnown(Function<K, V> load, long maximumSize) {
        this.load = load;
        this.last = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    @Override
    public V load(K key) {
        try {
            V value = load.apply(key);
            if (value != null) last.put(key, value);
            return value;
        } catch (RuntimeException e) {
            V known = last.getIfPresent(key);
            if (known != null && unavailable(e)) return known;
            throw e;
        }
    }

    /** A value known to be outdated (a publish here or elsewhere) must not come back during an outage. */
    public void forget(K key) {
        last.invalidate(key);
    }

    public void forgetAll() {
        last.invalidateAll();
    }

    private static boolean unavailable(RuntimeException e) {
        return DatabaseErrors.translate(e).map(known -> known.kind() == ErrorKind.DATABASE_UNAVAILABLE
                || known.kind() == ErrorKind.DATABASE_BUSY || known.kind() == ErrorKind.OVERLOADED
                // A lookup past its short deadline (db/LookupDeadline): the database is too slow to ask right now.
                || known.kind() == ErrorKind.STATEMENT_TIMEOUT).orElse(false);
    }
}
