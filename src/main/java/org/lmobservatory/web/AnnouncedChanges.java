package org.lmobservatory.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The next instant at which a scheduled release becomes current, as the release activators of this process last read
 * it. An answer cached for the usual five minutes just before that instant would outlive its release: a reader (or a
 * CDN) would keep serving the old numbers after the announced publication. So freshness ends at the instant instead.
 * One activator per server; a process may run several servers (tests), so each reports under its own key and the
 * earliest instant counts — which can only shorten a cache lifetime, never lengthen one.
 */
public final class AnnouncedChanges {
    private static final Map<Object, Instant> NEXT = new ConcurrentHashMap<>();

    private AnnouncedChanges() {
    }

    /** source's next announced instant, or null when it has none scheduled. */
    public static void report(Object source, Instant next) {
        if (next == null) NEXT.remove(source);
        else NEXT.put(source, next);
    }

    /** max-age for an answer sent now: the usual one, or the seconds left until the next announced instant if fewer. */
    static long maxAgeSeconds(long usual, Instant now) {
        long age = usual;
        for (Instant at : NEXT.values()) {
            if (at.isBefore(now)) continue; // due now: the activator is switching; the listener invalidates on switch
            age = Math.min(age, Duration.between(now, at).toSeconds());
        }
        return age;
    }
}
