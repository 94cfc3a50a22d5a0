package org.lmobservatory.db;

import org.lmobservatory.config.AppConfig;

import java.util.Map;

/**
 * The server process that {@link OrphanedPostgresTest} kills: opens the embedded database on the data directory given
 * as argument, commits one row, prints READY and waits to be killed.
 */
public final class KilledServerChild {
    public static final String READY = "READY";

    private KilledServerChild() {
    }

    public static void main(String[] args) throws Exception {
        Database database = Database.start(AppConfig.from(Map.of("LMO_DATA_DIR", args[0], "PORT", "0")));
        database.owner().useHandle(h -> {
            h.execute("CREATE TABLE staging.survives_kill (note text)");
            h.execute("INSERT INTO staging.survives_kill VALUES ('written before kill -9')");
        });
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
