package org.lmobservatory.releases;

import org.lmobservatory.db.Database;
import org.lmobservatory.db.ReadReplicas;
import org.lmobservatory.errors.LogThrottle;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.Statement;

/**
 * LISTENs for the publisher's NOTIFY on its own connection and tells {@link CurrentReleases}, so every server
 * instance drops exactly the answers of the dataset that changed. Reconnects after a lost connection and then
 * treats every dataset as changed, since notifications may have been missed meanwhile. With read replicas, a switch
 * waits until this node's replica has replayed the publish (see db/ReadReplicas), so no reader is told a release id
 * whose rows the replica does not have yet.
 */
public final class ReleaseListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReleaseListener.class);
    /**
     * The grouping loader NOTIFYs here (payload: the grouping id) when it stored a new version, so every server drops
     * its cached groupings at once instead of answering groups with the old members until the cache expires.
     */
    public static final String GROUPING_CHANNEL = "lmo_grouping";

    private final Database database;
    private final ReadReplicas replicas;
    private final CurrentReleases releases;
    private final Runnable onReconnect;
    private final Runnable onGroupingChange;
    private final Thread thread;
    private volatile boolean running = true;
    // It retries every second during an outage; one warning per half minute says the same.
    private final LogThrottle reconnectLog = new LogThrottle(log, 30);

    public ReleaseListener(Database database, CurrentReleases releases, Runnable onReconnect) {
        this(database, releases, onReconnect, () -> { });
    }

    /** onGroupingChange: a grouping was loaded again (NOTIFY on {@link #GROUPING_CHANNEL}), here or elsewhere. */
    public ReleaseListener(Database database, CurrentReleases releases, Runnable onReconnect, Runnable onGroupingChange) {
        this.database = database;
        this.replicas = database.replicas();
        this.releases = releases;
        this.onReconnect = onReconnect;
        this.onGroupingChange = onGroupingChange;
        this.thread = new Thread(this::loop, "release-listener");
        this.thread.setDaemon(true);
    }

    public ReleaseListener start() {
        thread.start();
        return this;
    }

    private void loop() {
        boolean first = true;
        while (running) {
            try (Connection c = database.dedicatedConnection()) {
                // Plain JDBC, not a DAO: the notifications are read from this very PGConnection, and LISTEN takes a
                // channel name (a constant here), not a bind parameter.
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + Publisher.CHANNEL);
                    s.execute("LISTEN " + GROUPING_CHANNEL);
                }
                if (!first) {
                    log.info("Release listener reconnected; every dataset is treated as changed");
                    afterReplay(() -> {
                        releases.reloadAll();
                        onReconnect.run();
                    });
                }
                first = false;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1_000);
                    if (notifications == null) continue;
                    // Read after the NOTIFY arrived, so after the publish committed: its WAL position is at most this.
                    long lsn = replicas.configured() ? replicas.primaryLsn() : 0;
                    for (PGNotification n : notifications) {
                        if (n.getName().equals(GROUPING_CHANNEL)) {
                            onGroupingChange.run();
                            continue;
                        }
                        String datasetId = n.getParameter().split(":", 2)[0];
                        replicas.afterReplay(lsn, () -> releases.changed(datasetId));
                    }
                }
            } catch (Exception e) {
                if (!running) return;
                reconnectLog.warn("Release listener lost its connection ({}); reconnecting every second", e.getMessage());
                sleep();
            }
        }
    }

    /** With read replicas, the switch waits until this node's replica has what the primary has now (db/ReadReplicas). */
    private void afterReplay(Runnable action) {
        replicas.afterReplay(replicas.configured() ? replicas.primaryLsn() : 0, action);
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
