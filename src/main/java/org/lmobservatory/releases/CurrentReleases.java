package org.lmobservatory.releases;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.lmobservatory.db.QueryAdmission;
import org.lmobservatory.errors.LastKnown;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Which release of each dataset is current, held in memory so a cached answer needs no database round trip.
 * A publish anywhere reaches every instance through {@link ReleaseListener}; the expiry is only a safety net
 * for a listener that lost its connection.
 */
public final class CurrentReleases {
    private final LoadingCache<String, Optional<Release>> current;
    private final LastKnown<String, Optional<Release>> lastKnown;
    private final List<Consumer<String>> onChange = new CopyOnWriteArrayList<>();

    /** releases: one that opens its own handle per read ({@code jdbi.onDemand}). */
    public CurrentReleases(ReleaseDao releases) {
        this(releases, QueryAdmission.unlimited());
    }

    /** admission: the API's gate; a miss of this view is a database query like any other and waits its turn there. */
    public CurrentReleases(ReleaseDao releases, QueryAdmission admission) {
        // While the database is unreachable, or the gate full, the last known release stays current, so cached answers
        // can still be served.
        this.lastKnown = new LastKnown<>(id -> admission.get(() -> releases.current(id)), 10_000);
        this.current = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(60)).maximumSize(10_000).build(lastKnown);
    }

    public Release of(String datasetId) {
        return current.get(datasetId).orElseThrow(() -> ReleaseResolver.notPublished(datasetId));
    }

    /** Called when a dataset got a new current release (publish or rollback), here or on another instance. */
    public void changed(String datasetId) {
        lastKnown.forget(datasetId);
        current.invalidate(datasetId);
        onChange.forEach(listener -> listener.accept(datasetId));
    }

    /** After the listener was disconnected (publishes may have been missed): read every dataset's release again. */
    public void reloadAll() {
        current.invalidateAll();
    }

    public void onChange(Consumer<String> listener) {
        onChange.add(listener);
    }
}
