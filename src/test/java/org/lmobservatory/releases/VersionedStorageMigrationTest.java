package org.lmobservatory.releases;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.config.AppConfig;
import org.lmobservatory.support.TestDatabase;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Migration V19 turns the per-release copies of published.observation into versions valid for a range of releases.
 * A database of its own (in the test PostgreSQL) is migrated to V18, filled with releases in the old layout — revisions,
 * removals, additions, a republish of an earlier content (as after a rollback), values that differ only in scale, a
 * cancelled release and one under embargo followed by an immediate one, two datasets with interleaved release ids —
 * and every release's content is captured; after V19 each release must hold exactly the same cells, for the owner and
 * for the API role, and the embargoed release's own versions must stay hidden from the API role.
 */
class VersionedStorageMigrationTest {
    private static final String DB = "lmo_v19_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private static Jdbi admin;
    private static Jdbi db;
    private static String url;
    private static String password;

    @BeforeAll
    static void createDatabase() throws Exception {
        AppConfig config = TestDatabase.config();
        assumeTrue(config.databaseUrl().isEmpty(), "needs the embedded test PostgreSQL (creates a database of its own)");
        admin = TestDatabase.get().owner();
        admin.useHandle(h -> h.execute("CREATE DATABASE " + DB));
        password = Files.readString(config.dataDir().resolve("owner.secret")).strip();
        url = TestDatabase.get().jdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + DB + "$1");
        db = Jdbi.create(url, "postgres", password);
    }

    @AfterAll
    static void dropDatabase() {
        if (admin != null) admin.useHandle(h -> h.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)"));
    }

    private static Flyway flyway(String target) {
        var c = Flyway.configure().dataSource(url, "postgres", password).locations("classpath:db/migration")
                .schemas("published", "staging").createSchemas(true).defaultSchema("published");
        return (target == null ? c : c.target(target)).load();
    }

    @Test
    void everyReleaseKeepsExactlyItsCellsThroughTheConversion() {
        flyway("18").migrate();
        Map<Long, String> status = new LinkedHashMap<>();
        Map<Long, List<String>> before = db.inTransaction(h -> legacyReleases(h, status));
        long copies = before.values().stream().mapToLong(List::size).sum();

        flyway(null).migrate();

        Map<Long, List<String>> owner = db.withHandle(h -> contents(h, status.keySet()));
        Map<Long, List<String>> api = db.inTransaction(h -> {
            h.execute("SET LOCAL ROLE lmo_api");
            return contents(h, status.keySet());
        });
        long versions = db.withHandle(h -> h.createQuery("SELECT count(*) FROM published.observation").mapTo(Long.class).one());
        for (long r : status.keySet()) {
            if (status.get(r).equals("cancelled")) continue;
            assertEquals(before.get(r), owner.get(r), "release " + r + " (" + status.get(r) + ") for the owner");
            if (status.get(r).equals("published")) assertEquals(before.get(r), api.get(r), "release " + r + " for the API role");
        }
        assertTrue(versions < copies / 3, versions + " versions for " + copies + " copied rows");
        for (long r : status.keySet()) {
            if (!status.get(r).equals("scheduled")) continue;
            long own = db.withHandle(h -> count(h, r));
            long seen = db.inTransaction(h -> {
                h.execute("SET LOCAL ROLE lmo_api");
                return count(h, r);
            });
            assertTrue(own > 0, "the embargoed release " + r + " wrote versions of its own");
            assertEquals(0, seen, "the API role sees none of the embargoed release's versions");
        }
    }

    private static long count(Handle h, long release) {
        return h.createQuery("SELECT count(*) FROM published.observation WHERE first_release = :r").bind("r", release)
                .mapTo(Long.class).one();
    }

    /** Two datasets, 14 releases each, written alternately so their ids interleave; returns each release's cells. */
    private static Map<Long, List<String>> legacyReleases(Handle h, Map<Long, String> status) {
        Random random = new Random(19);
        Map<Long, List<String>> out = new HashMap<>();
        for (String ds : List.of("v19-a", "v19-b")) {
            h.execute("""
                    INSERT INTO published.dataset (id, title, theme, frequency, unit_id, source)
                    VALUES (?, '{"en": "V19"}', 'labour-market', 'M', 'PERS', 'test')""", ds);
        }
        Map<String, List<Long>> series = new HashMap<>();
        Map<String, List<Map<String, Object[]>>> history = new HashMap<>();
        for (String ds : List.of("v19-a", "v19-b")) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ids.add(h.createQuery("INSERT INTO published.series (dataset_id, key) VALUES (:ds, :key) RETURNING id")
                        .bind("ds", ds).bind("key", new String[]{"S" + i}).mapTo(Long.class).one());
            }
            series.put(ds, ids);
            history.put(ds, new ArrayList<>());
        }
        for (int n = 0; n < 14; n++) {
            for (String ds : List.of("v19-a", "v19-b")) {
                List<Map<String, Object[]>> past = history.get(ds);
                Map<String, Object[]> cells;
                String state = "published";
                if (past.isEmpty()) {
                    cells = new TreeMap<>();
                    for (long s : series.get(ds).subList(0, 30)) {
                        for (int m = 1; m <= 12; m++) cells.put(s + "|" + LocalDate.of(2024, m, 1), cell(random));
                    }
                } else if (n == 6) {
                    cells = new TreeMap<>(past.get(1)); // a republish of an earlier content, as after a rollback
                } else {
                    cells = new TreeMap<>(past.get(past.size() - 1));
                    List<String> keys = new ArrayList<>(cells.keySet());
                    for (int k = 0; k < 8; k++) cells.put(keys.get(random.nextInt(keys.size())), cell(random));
                    for (int k = 0; k < 3; k++) cells.remove(keys.get(random.nextInt(keys.size())));
                    long s = series.get(ds).get(30 + random.nextInt(10));
                    cells.put(s + "|" + LocalDate.of(2025, 1 + random.nextInt(12), 1), cell(random));
                    // The same number with another scale is another cell text: 1.0 and 1.00 must stay apart.
                    String first = keys.get(0);
                    Object[] c = cells.get(first);
                    if (c != null && c[0] != null) cells.put(first, new Object[]{((BigDecimal) c[0]).setScale(n % 3 + 1), c[1], c[2]});
                }
                if (n == 9) state = "cancelled";
                if (n == 4) state = "scheduled";
                long release = h.createQuery("""
                                INSERT INTO published.release (dataset_id, row_count, input_checksum, status, announced_at)
                                VALUES (:ds, :rows, 'x', :status, CASE WHEN :status = 'published' THEN NULL ELSE now() + interval '1 day' END)
                                RETURNING id""")
                        .bind("ds", ds).bind("rows", cells.size()).bind("status", state).mapTo(Long.class).one();
                status.put(release, state);
                if (state.equals("cancelled")) continue; // its rows were deleted at cancellation
                past.add(cells);
                for (var e : cells.entrySet()) {
                    String[] k = e.getKey().split("\\|");
                    h.createUpdate("""
                                    INSERT INTO published.observation (release_id, series_id, period_start, value, flags, conf_status)
                                    VALUES (:r, :s, CAST(:p AS date), :v, :f, :c)""")
                            .bind("r", release).bind("s", Long.parseLong(k[0])).bind("p", k[1])
                            .bind("v", (BigDecimal) e.getValue()[0]).bind("f", (String) e.getValue()[1]).bind("c", (String) e.getValue()[2])
                            .execute();
                }
                h.createUpdate("""
                                INSERT INTO published.release_series (release_id, series_id)
                                SELECT DISTINCT release_id, series_id FROM published.observation WHERE release_id = :r""")
                        .bind("r", release).execute();
                out.put(release, h.createQuery("""
                                SELECT series_id || '|' || period_start || '|' || coalesce(value::text, '-') || '|'
                                       || coalesce(flags, '-') || '|' || coalesce(conf_status, '-')
                                FROM published.observation WHERE release_id = :r ORDER BY series_id, period_start""")
                        .bind("r", release).mapTo(String.class).list());
            }
        }
        return out;
    }

    private static Object[] cell(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> new Object[]{null, "c", "C"};
            case 1 -> new Object[]{BigDecimal.valueOf(random.nextInt(100)), "p", null};
            default -> new Object[]{BigDecimal.valueOf(random.nextInt(1000), 1), null, "F"};
        };
    }

    /** Each release's cells as the readers now see them: its series, then the version valid in it. */
    private static Map<Long, List<String>> contents(Handle h, Iterable<Long> releases) {
        Map<Long, List<String>> out = new HashMap<>();
        for (long r : releases) {
            out.put(r, h.createQuery("""
                            SELECT o.series_id || '|' || o.period_start || '|' || coalesce(o.value::text, '-') || '|'
                                   || coalesce(o.flags, '-') || '|' || coalesce(o.conf_status, '-')
                            FROM published.release_series rs
                            JOIN published.observation o ON o.series_id = rs.series_id
                             AND o.first_release <= rs.release_id AND (o.last_release IS NULL OR o.last_release > rs.release_id)
                            WHERE rs.release_id = :r ORDER BY o.series_id, o.period_start""")
                    .bind("r", r).mapTo(String.class).list());
        }
        return out;
    }
}
