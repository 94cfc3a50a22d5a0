package org.lmobservatory.observations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.db.Json;
import org.lmobservatory.loader.LoadReport;
import org.lmobservatory.loader.LoadService;
import org.lmobservatory.loader.groupings.GroupingStore;
import org.lmobservatory.releases.Publisher;
import org.lmobservatory.releases.Release;
import org.lmobservatory.seed.ScaleGenerator;
import org.lmobservatory.support.TestDatabase;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Query-time aggregation at scale (bench/groupings.sh runs it): ScaleGenerator's monthly dataset (municipalities × 3
 * sexes × 6 ages × months) loaded and published into an embedded PostgreSQL, its municipalities grouped into 45 areas
 * (as many as Finland's TE24 employment areas), then grouping queries timed through the observation facade (parse,
 * plan, SQL, every row read; no HTTP, no response cache) and their statement EXPLAINed.
 *
 * <p>Usage: GroupingBenchmark <workDir> <municipalities> <years> [repetitions]
 */
public final class GroupingBenchmark {
    private static final int AREAS = 45;

    private record Bench(String name, int repetitions, Map<String, List<String>> params) {
    }

    private GroupingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int municipalities = Integer.parseInt(args[1]);
        int years = Integer.parseInt(args[2]);
        int repetitions = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        ScaleGenerator.main(new String[]{work.toString(), String.valueOf(municipalities), String.valueOf(years)});

        Jdbi jdbi = TestDatabase.get().owner();
        LoadService loader = new LoadService(jdbi);
        loader.define(Path.of("seed/codelists/SEX.json"));
        try (var files = Files.list(work.resolve("codelists"))) {
            for (Path f : files.sorted().toList()) loader.define(f);
        }
        String id = ScaleGenerator.DATASET_ID;
        long started = System.nanoTime();
        LoadReport report = loader.load(id, work.resolve("data").resolve(id + ".csv"),
                Optional.of(work.resolve("datasets").resolve(id + ".json")));
        if (report.status() != LoadReport.Status.VALID) throw new IllegalStateException(report.message() + " " + report.errors());
        Publisher.Published published = new Publisher(jdbi).publish(id, report.loadId(), "grouping benchmark");
        System.out.printf(Locale.ROOT, "loaded and published %d rows in %.1f s%n", published.rows(), (System.nanoTime() - started) / 1e9);

        Path grouping = work.resolve("BENCH_AREA.json");
        Files.writeString(grouping, areas(municipalities), StandardCharsets.UTF_8);
        System.out.println(new GroupingStore(jdbi).load(grouping).message());

        CatalogueService catalogue = new CatalogueService(jdbi);
        ObservationService service = new ObservationService(jdbi, catalogue, TestDatabase.config().limits());
        Release release = catalogue.currentRelease(id).orElseThrow();
        String oneYear = String.valueOf(ScaleGenerator.LAST_YEAR);
        List<String> firstOfEachArea = new ArrayList<>();
        for (int a = 1; a <= AREAS; a++) firstOfEachArea.add(members(municipalities, a).get(0));
        // Each with its repetitions: the whole-grouping query reads every row of the table, so it runs fewer times.
        List<Bench> queries = List.of(
                new Bench("every area, one sex and age, one year (45 series × 12 months)", repetitions,
                        Map.of("geoLevel", List.of("BENCH_AREA"), "sex", List.of("T"), "age", List.of("Y25-34"), "time", List.of(oneYear), "format", List.of("csv"))),
                new Bench("45 stored series × 12 months, no aggregation (what the same answer costs when aggregates are precomputed at publish time)", repetitions,
                        Map.of("geo", firstOfEachArea, "sex", List.of("T"), "age", List.of("Y25-34"), "time", List.of(oneYear), "format", List.of("csv"))),
                new Bench("one area, every sex and age, whole period", repetitions,
                        Map.of("geo", List.of("BENCH_AREA_01"), "format", List.of("csv"))),
                new Bench("the same area's members without aggregation (plain query, for comparison)", repetitions,
                        Map.of("geo", List.of(String.join(",", members(municipalities, 1))), "format", List.of("csv"))),
                new Bench("every area, every sex and age, whole period (all the aggregates publish time would compute and store)", 3,
                        Map.of("geoLevel", List.of("BENCH_AREA"), "format", List.of("csv"))));
        for (Bench q : queries) {
            ObservationQuery query = service.parse(id, q.params(), null);
            long[] rows = new long[1];
            double[] ms = new double[q.repetitions()];
            for (int i = 0; i < ms.length; i++) {
                long t = System.nanoTime();
                service.run(query, release, "", result -> rows[0] = result.rows().count());
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "%s: %d rows; median %.1f ms, min %.1f ms, max %.1f ms over %d runs%n",
                    q.name(), rows[0], ms[ms.length / 2], ms[0], ms[ms.length - 1], ms.length);
        }
        explain(jdbi, service.parse(id, queries.get(0).params(), null), release);
        System.exit(0);
    }

    /** EXPLAIN ANALYZE of the aggregation statement with the arrays the facade would bind. */
    private static void explain(Jdbi jdbi, ObservationQuery query, Release release) throws Exception {
        String sql = new String(GroupingBenchmark.class.getResourceAsStream("/org/lmobservatory/observations/ObservationDao/aggregatedCells.sql")
                .readAllBytes(), StandardCharsets.UTF_8);
        jdbi.useHandle(h -> {
            ObservationRepository repository = new ObservationRepository();
            // Where the facade's time goes, phase by phase, on the same handle (median of 5).
            double[][] phases = new double[3][5];
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                List<SeriesKey> found = repository.matchingSeries(h, release.id(), GroupAggregation.memberFilters(query),
                        query.codelists().stream().map(c -> c.codes().size()).toList());
                long t1 = System.nanoTime();
                GroupAggregation.Plan p = GroupAggregation.plan(query, found, (a, b) -> 0);
                long t2 = System.nanoTime();
                try (var rows = repository.aggregatedCells(h, release.id(), p, java.time.LocalDate.of(ScaleGenerator.LAST_YEAR, 1, 1),
                        java.time.LocalDate.of(ScaleGenerator.LAST_YEAR + 1, 1, 1), 0, null, Long.MAX_VALUE)) {
                    rows.count();
                }
                long t3 = System.nanoTime();
                phases[0][i] = (t1 - t0) / 1e6;
                phases[1][i] = (t2 - t1) / 1e6;
                phases[2][i] = (t3 - t2) / 1e6;
            }
            for (double[] ph : phases) Arrays.sort(ph);
            System.out.printf(Locale.ROOT, "phases of the first query (median of 5): member series lookup %.1f ms, plan %.1f ms, "
                    + "aggregation statement and reading its rows %.1f ms%n", phases[0][2], phases[1][2], phases[2][2]);
            List<SeriesKey> members = repository.matchingSeries(h, release.id(), GroupAggregation.memberFilters(query),
                    query.codelists().stream().map(c -> c.codes().size()).toList());
            GroupAggregation.Plan plan = GroupAggregation.plan(query, members, (a, b) -> 0);
            Query explain = h.createQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                    .bind("partSeries", plan.partSeries()).bind("partOrds", plan.partOrds()).bind("partRoles", plan.partRoles())
                    .bind("partMembers", plan.partMembers()).bind("partFrom", plan.partFrom()).bind("partTo", plan.partTo())
                    .bind("targetOrds", plan.targetOrds()).bind("targetRatio", plan.targetRatio()).bind("targetScale", plan.targetScale())
                    .bind("targetDecimals", plan.targetDecimals()).bind("release", release.id())
                    .bind("from", java.time.LocalDate.of(ScaleGenerator.LAST_YEAR, 1, 1)).bind("to", java.time.LocalDate.of(ScaleGenerator.LAST_YEAR + 1, 1, 1))
                    .bind("startOrd", 0).bind("after", java.time.LocalDate.of(1, 1, 1)).bind("max", Long.MAX_VALUE);
            System.out.println("EXPLAIN (ANALYZE, BUFFERS) of the aggregation, " + plan.partSeries().length + " member series → "
                    + plan.series().size() + " group series:");
            explain.mapTo(String.class).forEach(line -> System.out.println("  " + line));
            // The member series lookup, built as ObservationRepository.matchingSeries builds it (the GIN && narrowing
            // applies only to a filter that keeps under a fifth of its codelist).
            List<List<String>> filters = GroupAggregation.memberFilters(query);
            StringBuilder conditions = new StringBuilder();
            String lookup = new String(GroupingBenchmark.class.getResourceAsStream("/org/lmobservatory/observations/ObservationReads/matchingSeries.sql")
                    .readAllBytes(), StandardCharsets.UTF_8);
            for (int i = 0; i < filters.size(); i++) {
                if (filters.get(i) != null) conditions.append(" AND s.key[").append(i + 1).append("] = ANY(:codes").append(i).append(")");
            }
            Query members2 = h.createQuery("EXPLAIN (ANALYZE, BUFFERS) " + lookup.replace("<filters>", conditions.toString()))
                    .bind("release", release.id());
            for (int i = 0; i < filters.size(); i++) {
                if (filters.get(i) != null) members2.bind("codes" + i, filters.get(i).toArray(String[]::new));
            }
            System.out.println("EXPLAIN (ANALYZE, BUFFERS) of the member series lookup (" + members.size() + " series):");
            members2.mapTo(String.class).forEach(line -> System.out.println("  " + line));
        });
    }

    /** Municipality n belongs to area n mod 45: every area a spread of municipalities, as many per area as the count allows. */
    private static String areas(int municipalities) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("id", "BENCH_AREA");
        root.put("codelist", ScaleGenerator.GEO_CODELIST);
        root.putObject("labels").put("en", "Benchmark areas");
        ArrayNode groups = root.putArray("groups");
        for (int a = 1; a <= AREAS; a++) {
            ObjectNode g = groups.addObject();
            g.put("code", String.format(Locale.ROOT, "BENCH_AREA_%02d", a));
            g.putObject("labels").put("en", "Area " + a);
            members(municipalities, a).forEach(g.putArray("members")::add);
        }
        return root.toPrettyString();
    }

    private static List<String> members(int municipalities, int area) {
        List<String> out = new ArrayList<>();
        for (int n = 1; n <= municipalities; n++) if ((n - 1) % AREAS + 1 == area) out.add(String.format(Locale.ROOT, "FI_S%04d", n));
        return out;
    }
}
