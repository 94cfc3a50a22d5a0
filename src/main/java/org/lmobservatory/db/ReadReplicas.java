package org.lmobservatory.db;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.lmobservatory.errors.LogThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends the API's published reads to a streaming replica, and keeps them consistent with what the node serves.
 * <p>
 * The node reads from one target at a time: the first configured replica that is up and has replayed at least the
 * node's <em>floor</em>, else the primary. The floor is the WAL position of the newest publish the node has switched
 * to (or of a pinned release found only on the primary); a replica below it may lack rows the node already names, so
 * it is not used until it catches up. The primary has every committed row, so falling back to it is always safe;
 * going back to a replica waits until that replica has replayed the primary's position at the moment of deciding.
 * <p>
 * A publish reaches the node by NOTIFY, with the primary's WAL position read right after it ({@link #afterReplay}).
 * The node keeps serving the previous release until its replica has replayed that position (the monitor samples
 * every {@link #TICK_MS} ms), then switches. A replica that has not replayed it within {@code maxWaitMs} is left for
 * the primary until it catches up: a scheduled release must become visible at its announced time, and a lagging
 * replica must not hold it back without bound.
 * <p>
 * Without replicas ({@link #none()}) nothing here runs and every action happens at once, as before.
 */
public final class ReadReplicas implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReadReplicas.class);
    static final long TICK_MS = 100;

    private final List<Replica> replicas;
    private final DataSource primary;
    private final Jdbi primaryJdbi;
    private final long maxWaitNanos;
    private final RoutedReads routed = new RoutedReads(this);
    private final List<Runnable> onSwitch = new CopyOnWriteArrayList<>();
    private final LogThrottle lostLog = new LogThrottle(log, 30);
    private final ScheduledExecutorService monitor;

    /** Where reads go now; null is the primary. Read on every connection, written under the lock. */
    private volatile Replica target;
    private volatile long primaryLsn = -1;
    private long floor;
    private long returnFloor = -1;
    private final Deque<Pending> pending = new ArrayDeque<>();

    private record Pending(long lsn, long deadline, Runnable action) {
    }

    /** What /ready shows of one replica; lag is null while unknown (replica or primary unreachable). */
    public record ReplicaStatus(String name, String state, boolean up, Long lagBytes, Double lagSeconds, String problem) {
    }

    /** {@code readsFrom}: "primary" or the name of the replica that serves this node's reads. */
    public record ReplicasStatus(String readsFrom, List<ReplicaStatus> replicas) {
    }

    ReadReplicas(List<Replica> replicas, DataSource primary, long maxWaitMs) {
        this.replicas = List.copyOf(replicas);
        this.primary = primary;
        this.primaryJdbi = Jdbi.create(primary).installPlugin(new SqlObjectPlugin());
        this.maxWaitNanos = maxWaitMs * 1_000_000L;
        this.monitor = replicas.isEmpty() ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "replica-monitor");
            t.setDaemon(true);
            return t;
        });
        if (monitor != null) monitor.scheduleWithFixedDelay(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** No replicas: every read on the primary, every switch at once. */
    public static ReadReplicas none(DataSource primary) {
        return new ReadReplicas(List.of(), primary, 0);
    }

    public boolean configured() {
        return !replicas.isEmpty();
    }

    /** The API's read connections: the current target's, or the primary's when a replica refuses one. */
    DataSource reads() {
        return routed;
    }

    /** Called when reads move between the primary and a replica: what is cached from the old target is read again. */
    public void onSwitch(Runnable listener) {
        onSwitch.add(listener);
    }

    /**
     * Runs {@code action} (a switch to a new release) once this node's reads see WAL position {@code lsn}: at once
     * without replicas or while reading from the primary, else when the replica has replayed it, or after the
     * bounded wait, with reads moved to the primary.
     */
    public void afterReplay(long lsn, Runnable action) {
        if (!configured()) {
            action.run();
            return;
        }
        List<Runnable> due;
        synchronized (this) {
            pending.addLast(new Pending(lsn, System.nanoTime() + maxWaitNanos, action));
            due = duePending();
        }
        due.forEach(ReadReplicas::runQuietly);
    }

    /** The node is about to name data at this primary position: no replica below it serves this node's reads any more. */
    public void requireReplayOf(long lsn) {
        List<Runnable> due = new ArrayList<>();
        synchronized (this) {
            floor = Math.max(floor, lsn);
            Replica t = target;
            if (t != null && t.replayed < floor) switchTo(null, due);
        }
        due.forEach(ReadReplicas::runQuietly);
    }

    /** The primary's WAL position now, through the API's own pool (the function is open to every role). */
    public long primaryLsn() {
        return primaryJdbi.withExtension(ReplicationDao.class, ReplicationDao::primaryLsn);
    }

    public boolean readsOnPrimary() {
        return target == null;
    }

    public ReplicasStatus status() {
        Replica t = target;
        long p = primaryLsn;
        List<ReplicaStatus> list = new ArrayList<>();
        for (Replica r : replicas) {
            boolean up = r.up;
            Long lagBytes = up && p >= 0 && r.replayed >= 0 ? Math.max(0, p - r.replayed) : null;
            Double lagSeconds = lagBytes == null ? null : lagBytes == 0 ? 0.0 : r.secondsSinceReplay >= 0 ? r.secondsSinceReplay : null;
            String state = !up ? "lost" : r == t ? "serving" : r.replayed < floor ? "behind" : "standby";
            list.add(new ReplicaStatus(r.name, state, up, lagBytes, lagSeconds, r.problem));
        }
        return new ReplicasStatus(t == null ? "primary" : t.name, list);
    }

    /** Gauge values: lag of replica i in bytes and seconds (NaN while unknown), 1 when up. */
    public List<String> names() {
        return replicas.stream().map(r -> r.name).toList();
    }

    public double lagBytes(String name) {
        return status().replicas().stream().filter(r -> r.name().equals(name)).findFirst()
                .map(r -> r.lagBytes() == null ? Double.NaN : r.lagBytes().doubleValue()).orElse(Double.NaN);
    }

    public double lagSeconds(String name) {
        return status().replicas().stream().filter(r -> r.name().equals(name)).findFirst()
                .map(r -> r.lagSeconds() == null ? Double.NaN : r.lagSeconds()).orElse(Double.NaN);
    }

    public double up(String name) {
        return replicas.stream().filter(r -> r.name.equals(name)).findFirst().map(r -> r.up ? 1.0 : 0.0).orElse(0.0);
    }

    private void tick() {
        try {
            long p = -1;
            try {
                p = primaryLsn();
                primaryLsn = p;
            } catch (RuntimeException e) {
                // The primary is away: replicas keep serving what they have; no return to a replica can be judged.
            }
            for (Replica r : replicas) {
                r.sample();
                if (!r.up) lostLog.warn("Read replica {} is not available ({}); its reads go to the primary", r.name, r.problem);
            }
            List<Runnable> due = new ArrayList<>();
            synchronized (this) {
                decide(p, due);
                due.addAll(duePending());
            }
            due.forEach(ReadReplicas::runQuietly);
        } catch (RuntimeException e) {
            lostLog.warn("Replica monitor failed: {}", e.toString());
        }
    }

    /** Picks the target: the first replica up and at the floor, else the primary; a return to a replica is checked. */
    private void decide(long p, List<Runnable> due) {
        Replica desired = null;
        for (Replica r : replicas) {
            if (r.up && r.replayed >= floor) {
                desired = r;
                break;
            }
        }
        Replica current = target;
        if (desired == current) {
            returnFloor = -1;
            return;
        }
        // To the primary at once (it has everything); from one replica to another by way of the primary.
        if (current != null) switchTo(null, due);
        if (desired == null || p < 0) return;
        // What this node read from the primary is at most the primary's position now: the replica must have it too.
        if (returnFloor < 0) returnFloor = p;
        if (desired.replayed >= returnFloor) {
            switchTo(desired, due);
            returnFloor = -1;
        }
    }

    private List<Runnable> duePending() {
        List<Runnable> due = new ArrayList<>();
        long now = System.nanoTime();
        while (!pending.isEmpty()) {
            Pending next = pending.peekFirst();
            Replica t = target;
            if (t == null || t.replayed >= next.lsn()) {
                floor = Math.max(floor, next.lsn());
            } else if (now - next.deadline() >= 0) {
                floor = Math.max(floor, next.lsn());
                log.warn("Read replica {} has not replayed a publish within {} ms (replayed {}, publish at {}); reads go to the primary "
                        + "until it has", t.name, maxWaitNanos / 1_000_000, t.replayed, next.lsn());
                switchTo(null, due);
            } else {
                break;
            }
            pending.pollFirst();
            due.add(next.action());
        }
        return due;
    }

    private void switchTo(Replica next, List<Runnable> due) {
        if (target == next) return;
        log.info("API reads now go to {}", next == null ? "the primary" : "read replica " + next.name);
        target = next;
        due.addAll(onSwitch);
    }

    /** Where reads go now: a replica, or null for the primary. */
    Replica target() {
        return target;
    }

    DataSource primary() {
        return primary;
    }

    void lostNow(Replica r, String why) {
        List<Runnable> due = new ArrayList<>();
        synchronized (this) {
            r.lost(why);
            if (target == r) switchTo(null, due);
        }
        lostLog.warn("Read replica {} refused a connection ({}); reads go to the primary", r.name, why);
        due.forEach(ReadReplicas::runQuietly);
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("Release switch after replay failed", e);
        }
    }

    @Override
    public void close() {
        if (monitor != null) monitor.shutdownNow();
        replicas.forEach(Replica::close);
    }
}
