package org.lmobservatory.support;

import org.lmobservatory.Observatory;
import org.lmobservatory.config.AppConfig;
import org.lmobservatory.db.Database;
import org.lmobservatory.loader.LoadReport;
import org.lmobservatory.loader.LoadService;
import org.lmobservatory.observations.http.BulkDownloads;
import org.lmobservatory.releases.Publisher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A server over its own embedded PostgreSQL in a fresh data directory, with one small dataset published: "areas",
 * dimension geo over the codes C0001 … C5000 (as many as /v1/limits promises per parameter), one value each for 2024.
 * For tests that stop the database or need a long code list, without the demo seed of {@link TestServer}.
 */
public final class OwnObservatory implements AutoCloseable {
    public static final String DATASET = "areas";
    public static final int CODES = 5_000;

    public final Path dataDir;
    public final AppConfig config;
    public final Database database;
    public final Observatory server;

    private OwnObservatory(Path dataDir, AppConfig config, Database database, Observatory server) {
        this.dataDir = dataDir;
        this.config = config;
        this.database = database;
        this.server = server;
    }

    public static OwnObservatory start(Map<String, String> extraEnv) throws Exception {
        return start(extraEnv, BulkDownloads.Storage.DISK);
    }

    /** With bulk downloads written through {@code downloadStorage} (e.g. one that fills the disk). */
    public static OwnObservatory start(Map<String, String> extraEnv, BulkDownloads.Storage downloadStorage) throws Exception {
        Path dir = Files.createTempDirectory("lmo-own");
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("LMO_DATA_DIR", dir.toString());
        env.put("PORT", "0");
        env.putIfAbsent("LMO_RATE_LIMIT_PER_MINUTE", "0");
        AppConfig config = AppConfig.from(env);
        Database database = Database.start(config);
        LoadService loader = new LoadService(database.owner());
        loader.define(TestServer.file("TAREA.json", """
                {"id": "TAREA", "version": "1", "title": {"en": "Test areas"}, "codes": [
                  {"id": "FI", "level": "country", "labels": {"en": "Finland"}},
                """ + IntStream.rangeClosed(1, CODES).mapToObj(i -> """
                  {"id": "%s", "parent": "FI", "level": "region", "labels": {"en": "Area %d"}}""".formatted(code(i), i))
                .collect(Collectors.joining(",\n")) + "]}"));
        Path definition = TestServer.file(DATASET + ".json", """
                {"id": "%s", "title": {"en": "Areas"}, "theme": "labour-market", "frequency": "A",
                 "unit": {"id": "NR", "label": {"en": "number"}, "decimals": 0}, "source": "outage tests",
                 "dimensions": [{"id": "geo", "codelist": "TAREA", "role": "geo", "label": {"en": "Area"}}]}
                """.formatted(DATASET));
        Path data = TestServer.file(DATASET + ".csv", "geo,time,value\n" + IntStream.rangeClosed(1, CODES)
                .mapToObj(i -> code(i) + ",2024," + i).collect(Collectors.joining("\n")) + "\n");
        LoadReport report = loader.load(DATASET, data, Optional.of(definition));
        if (report.status() != LoadReport.Status.VALID) throw new IllegalStateException(report.message() + " " + report.errors());
        new Publisher(database.owner()).publish(DATASET, report.loadId(), "test");
        Observatory server = new Observatory(config, database, downloadStorage).start();
        return new OwnObservatory(dir, config, database, server);
    }

    public static String code(int i) {
        return "C%04d".formatted(i);
    }

    public String baseUrl() {
        return "http://localhost:" + server.port();
    }

    @Override
    public void close() {
        server.close();
        try {
            database.close();
        } catch (RuntimeException e) {
            // a test that stopped PostgreSQL itself: closing only releases the pools and the lock
        }
        TempFolders.remove(dataDir);
    }
}
