package org.lmobservatory.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The access log: one line per request, in the format of the rest of the log (slf4j-simple's: time, thread, level,
 * logger, message), written by a thread of its own. Why not through slf4j-simple: it formats each time stamp with a
 * shared, synchronised SimpleDateFormat and writes each line to an unbuffered stream under a lock, which was an eighth
 * of the server's CPU on cached answers (JFR profile, issue 16) and serialised every request thread on one monitor.
 * Here the request thread only formats its line and queues it; the writer takes what came every few milliseconds and flushes
 * when it has drained the queue. The level of the logger {@code org.lmobservatory.access} still decides whether lines are written
 * at all ({@code -Dorg.slf4j.simpleLogger.log.org.lmobservatory.access=warn} silences it).
 *
 * <p>Like logback's AsyncAppender, it does not make a request wait for the disk: when the queue is full (the log
 * cannot keep up), lines are dropped and counted ({@link #dropped()}, a meter), rather than slowing every answer.
 */
final class AccessLog {
    private static final Logger LOGGER = LoggerFactory.getLogger("org.lmobservatory.access");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int CAPACITY = 65_536;
    /** How long a line may wait for the writer: short for a reader tailing the log, long next to 65,536 lines of room. */
    private static final long DRAIN_MILLIS = 20;

    private final boolean enabled = LOGGER.isInfoEnabled();
    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(CAPACITY);
    private final LongAdder dropped = new LongAdder();
    private final PrintStream out;
    /** The formatted second of the last time stamp, reused by every line of that second. */
    private volatile Stamp stamp = new Stamp(-1, "");

    private record Stamp(long second, String text) {
    }

    AccessLog(PrintStream target) {
        this.out = target;
        if (enabled) {
            Thread writer = new Thread(this::drain, "access-log");
            writer.setDaemon(true);
            writer.start();
        }
    }

    void line(String method, String path, int status, long millis, String id) {
        if (!enabled) return;
        String line = timestamp(System.currentTimeMillis()) + " [" + Thread.currentThread().getName() + "] INFO org.lmobservatory.access - "
                + method + ' ' + path + ' ' + status + ' ' + millis + " ms id=" + id + '\n';
        if (!lines.offer(line)) dropped.increment();
    }

    long dropped() {
        return dropped.sum();
    }

    private String timestamp(long now) {
        long second = now / 1000;
        Stamp s = stamp;
        if (s.second() != second) {
            s = new Stamp(second, SECOND.format(Instant.ofEpochSecond(second)));
            stamp = s;
        }
        long ms = now % 1000;
        return s.text() + (ms < 10 ? ".00" : ms < 100 ? ".0" : ".") + ms + "+0000";
    }

    /**
     * Whole lines only, one print per batch: the stream is shared with the rest of the log, and PrintStream writes one
     * print at a time, so no other line ever lands inside one of ours.
     */
    private void drain() {
        List<String> batch = new ArrayList<>(1024);
        StringBuilder chunk = new StringBuilder(64 * 1024);
        while (true) {
            try {
                // A pause, not a blocking take: a writer waiting on the queue is woken by every request's line (a
                // context switch per request on a busy server); one waking every DRAIN_MILLIS takes whatever came.
                Thread.sleep(DRAIN_MILLIS);
                while (lines.drainTo(batch, 1024) > 0) {
                    for (String line : batch) chunk.append(line);
                    out.print(chunk);
                    batch.clear();
                    chunk.setLength(0);
                }
                out.flush();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The log's own stream failed: nothing to report it to; keep serving.
            } finally {
                batch.clear();
                chunk.setLength(0);
            }
        }
    }
}
