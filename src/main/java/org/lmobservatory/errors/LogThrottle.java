package org.lmobservatory.errors;

import org.slf4j.Logger;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One log line per interval for a condition that repeats on every request or every retry (a database outage): the
 * first occurrence is logged at once, later ones only count, and the next line says how many were left out. Without
 * it an outage under load wrote a warning per request.
 */
public final class LogThrottle {
    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final AtomicLong next = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    public LogThrottle(Logger log, long intervalSeconds) {
        this(log, intervalSeconds, System::nanoTime);
    }

    LogThrottle(Logger log, long intervalSeconds, LongSupplier clock) {
        this.log = log;
        this.intervalNanos = intervalSeconds * 1_000_000_000L;
        this.clock = clock;
    }

    /** Logs a warning unless one was logged within the interval; SLF4J placeholders as usual. */
    public void warn(String format, Object... args) {
        long now = clock.getAsLong();
        long due = next.get();
        if ((due != Long.MIN_VALUE && now - due < 0) || !next.compareAndSet(due, now + intervalNanos)) {
            suppressed.incrementAndGet();
            return;
        }
        long left = suppressed.getAndSet(0);
        log.warn(left == 0 ? format : format + " (" + left + " more like this since the last line)", args);
    }
}
