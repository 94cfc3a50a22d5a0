package org.lmobservatory.support;

import org.lmobservatory.config.AppConfig;
import org.lmobservatory.db.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One real PostgreSQL per test run (embedded, in a fresh temporary folder), migrated exactly as in production.
 * Tests that need their own data use their own dataset ids, so test classes do not step on each other.
 * Set TEST_DATABASE_URL to run the suite against an external PostgreSQL instead.
 */
public final class TestDatabase {
    private static Database database;
    private static AppConfig config;

    private TestDatabase() {
    }

    public static synchronized Database get() {
        if (database == null) {
            try {
                Path dir = Files.createTempDirectory("lmo-test-db");
                Map<String, String> env = new HashMap<>();
                env.put("LMO_DATA_DIR", dir.toString());
                env.put("PORT", "0");
                String external = System.getenv("TEST_DATABASE_URL");
                if (external != null) env.put("DATABASE_URL", external);
                config = AppConfig.from(env);
                database = Database.start(config);
                // The folder goes too: ~0.5 GB per run, and 234 runs had left 48 GB in /tmp on the development machine.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    database.close();
                    TempFolders.remove(dir);
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return database;
    }

    public static synchronized AppConfig config() {
        get();
        return config;
    }
}
