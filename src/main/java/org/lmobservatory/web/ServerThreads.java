package org.lmobservatory.web;

import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.lmobservatory.db.QueryAdmission;

/**
 * Jetty's request threads, sized from the admission gate rather than left at Javalin's default of 250. A request
 * holds a thread on the database's account only while it runs a query or waits for a permit, so at most
 * {@code permits + maxWaiting} threads are ever held that way (520 with the defaults). With Javalin's 250, that alone
 * could take every thread, and /health, cached answers and the 503 refusals themselves would queue behind the flood
 * in Jetty's job queue. The pool therefore has {@link #SPARE} more threads than the gate can hold, for everything that
 * never touches the database. Threads beyond the minimum die after a minute idle, so the size costs memory only
 * while a flood lasts.
 */
public final class ServerThreads {
    /** Threads no database work can take: health, readiness, metrics, cached answers, 304s, refusals, Jetty's own. */
    static final int SPARE = 200;
    private static final int MIN_THREADS = 8;
    private static final int IDLE_TIMEOUT_MS = 60_000;

    private ServerThreads() {
    }

    public static QueuedThreadPool pool(QueryAdmission gate) {
        int max = (int) Math.min(4_096L, (long) gate.permits() + gate.maxWaiting() + SPARE);
        QueuedThreadPool pool = new QueuedThreadPool(max, MIN_THREADS, IDLE_TIMEOUT_MS);
        pool.setName("JettyServerThreadPool");
        return pool;
    }
}
