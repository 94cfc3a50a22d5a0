package org.lmobservatory.db;

import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.errors.ObservatoryException;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gate in front of the database for API requests: at most {@code permits} queries run at once; a request beyond
 * them waits in line at most {@code maxWaitMillis}, and at most {@code maxWaiting} requests wait at all. Anything else
 * is refused at once with a 503 {@link ErrorKind#OVERLOADED} problem (Retry-After: 1).
 *
 * <p>Why: without it, one client with a thousand connections of uncached queries had every server thread blocked on
 * the connection pool for its full timeout, and health checks and cached answers queued behind them. With it, a
 * request holds a server thread on the database's account for at most the wait plus its own query, and the number of
 * threads held that way is bounded (permits + waiting), so the rest of the thread pool stays free for work that never
 * touches the database. The short wait is back-pressure: a flooding client is slowed to one refusal per wait instead
 * of spinning on instant refusals.
 *
 * <p>Callers wrap only the database work, after the response cache and the 304 check, so those never wait here. A
 * thread that already holds a permit (e.g. a catalogue lookup inside an observation query) passes straight through:
 * waiting for a second permit while holding one could deadlock the gate.
 */
public final class QueryAdmission {
    private final int permits;
    private final long maxWaitMillis;
    private final int maxWaiting;
    private final Semaphore running;
    private final AtomicInteger waiting = new AtomicInteger();
    private final ThreadLocal<int[]> held = ThreadLocal.withInitial(() -> new int[1]);
    private final Runnable onRejection;

    public interface Work {
        void run() throws Exception;
    }

    public QueryAdmission(int permits, long maxWaitMillis, int maxWaiting, Runnable onRejection) {
        if (permits < 1) throw new IllegalArgumentException("at least one concurrent query, got " + permits);
        this.permits = permits;
        this.maxWaitMillis = Math.max(0, maxWaitMillis);
        this.maxWaiting = Math.max(0, maxWaiting);
        // Fair: whoever waited longest gets the next free permit, so no request starves behind newer ones.
        this.running = new Semaphore(permits, true);
        this.onRejection = onRejection;
    }

    /** For the loader and tools, which are not admitted through a gate: everything passes. */
    public static QueryAdmission unlimited() {
        return new QueryAdmission(Integer.MAX_VALUE, 0, 0, () -> { });
    }

    public <T> T call(Callable<T> work) throws Exception {
        int[] depth = held.get();
        if (depth[0] > 0) return work.call();
        acquire();
        depth[0]++;
        try {
            return work.call();
        } finally {
            depth[0]--;
            running.release();
        }
    }

    public void run(Work work) throws Exception {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** For work that throws no checked exception (e.g. a cache loader). */
    public <T> T get(java.util.function.Supplier<T> work) {
        try {
            return call(work::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void acquire() {
        if (running.tryAcquire()) return;
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            throw refused();
        }
        try {
            if (running.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS)) return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting.decrementAndGet();
        }
        throw refused();
    }

    private ObservatoryException refused() {
        onRejection.run();
        return ErrorKind.OVERLOADED.error("The server is running as many database queries as it allows (" + permits
                        + ") and could not start this one within " + maxWaitMillis + " ms. Please retry after a second; answers "
                        + "already computed (and 304 revalidations) are served meanwhile.",
                Map.of("maxConcurrentQueries", permits, "limits", "/v1/limits"));
    }

    public int permits() {
        return permits;
    }

    public long maxWaitMillis() {
        return maxWaitMillis;
    }

    public int maxWaiting() {
        return maxWaiting;
    }

    /** Queries running now. */
    public int inUse() {
        return permits - running.availablePermits();
    }

    /** Requests waiting for a permit now. */
    public int waiting() {
        return waiting.get();
    }
}
