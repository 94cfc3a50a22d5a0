package org.lmobservatory.graduates;

import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An outside attacker against what the API serves, sharing no code with the loader's auditor (OutcomeAttackModel,
 * IntervalAuditor): the release is downloaded through the public API ({@link PublishedTables}), the attacker's linear
 * program is written from the README's rules ({@link BlockModel}) and solved with its own GLOP sessions
 * ({@link PublishedTablesAttack}). Every suppressed quantity must keep the documented protection around its true
 * value, the truth must satisfy every constraint the attacker writes down (else the attacker's model, or the
 * publication, breaks the documented rules), and every suppressed row must carry confStatus C.
 * {@code -Dlmo.attack.files=N} attacks N random files (default 1) besides the demo seed.
 */
class LinearProgrammingAttackApiTest {
    private static final int FILES = Integer.getInteger("lmo.attack.files", 1);
    /** Skips the first files of the sequence ({@code -Dlmo.attack.from=N}), to rerun one file alone. */
    private static final int FROM = Integer.getInteger("lmo.attack.from", 0);
    private static final Path SEED = Path.of("seed/graduates/graduates.csv");
    private static PublishedTablesAttack.Result seed;
    private static PublishedTables seedTables;

    private static synchronized PublishedTablesAttack.Result seed() throws Exception {
        if (seed == null) {
            TestServer.get();
            seedTables = PublishedTables.download("graduate-outcomes", "GRAD_AREA", null);
            seed = PublishedTablesAttack.attack(seedTables, GraduateTruth.cube(SEED));
            report("demo seed", seed);
        }
        return seed;
    }

    private static void report(String what, PublishedTablesAttack.Result r) {
        System.out.println("[LP attack] " + what + ": " + r);
        r.failures().stream().limit(30).forEach(f -> System.out.println("[LP attack]   " + f));
        r.undecided().stream().limit(10).forEach(u -> System.out.println("[LP attack]   undecided: " + u));
        r.truthViolations().stream().limit(10).forEach(v -> System.out.println("[LP attack]   truth violates: " + v));
    }

    @Test
    void theTruthOfTheDemoSeedSatisfiesEveryConstraintOfTheAttacker() throws Exception {
        PublishedTablesAttack.Result r = seed();
        assertEquals(List.of(), first(r.truthViolations()), r.truthViolations().size() + " constraints the truth breaks: " + r);
    }

    @Test
    void everySuppressedRowOfTheDemoSeedIsC() throws Exception {
        seed();
        assertEquals(List.of(), first(seedTables.suppressedWithoutC()));
    }

    /**
     * On one CI draw of the noise secret this test once found hidden counts of 1 that it could bound below by 1: the
     * auditor then modelled only the published cells, not the unpublished school × field × sex cells whose
     * non-negativity bounds a country's field × sex cell from its regions' field and sex totals. It now does.
     */
    @Test
    void noSuppressedValueOfTheDemoSeedCanBeNarrowedBelowItsProtection() throws Exception {
        PublishedTablesAttack.Result r = seed();
        assertTrue(r.suppressedRows() > 1000 && r.targets() > 1000, r.toString());
        assertEquals(List.of(), first(r.truthViolations()), r.toString());
        assertEquals(List.of(), first(r.failures()), r.toString());
        assertEquals(List.of(), first(r.undecided()), "undecided solves, neither passed nor failed: " + r);
    }

    @Test
    void noSuppressedValueOfRandomGraduateFilesCanBeNarrowedBelowItsProtection() throws Exception {
        Random sizes = new Random(20_251);
        List<String> problems = new ArrayList<>();
        int targets = 0;
        for (int i = 0; i < FROM + FILES; i++) {
            int records = (int) Math.round(300 * Math.pow(30, sizes.nextDouble()));
            int years = 1 + sizes.nextInt(3);
            if (i < FROM) continue;
            PublishedTablesAttack.Result r = loadAndAttack(9100 + i, records, years, "lp-attack-" + i, GraduateLoadOptions.defaults());
            if (r == null) continue;
            report(records + " records, " + years + " cohorts", r);
            targets += r.targets();
            r.truthViolations().stream().limit(5).forEach(v -> problems.add(r.dataset() + ": truth breaks " + v));
            r.failures().stream().limit(5).forEach(f -> problems.add(r.dataset() + ": " + f));
            r.undecided().stream().limit(5).forEach(u -> problems.add(r.dataset() + ": undecided " + u));
        }
        assertTrue(targets > 50, "the random files must exercise suppression; hidden quantities " + targets);
        assertEquals(List.of(), first(problems), problems.size() + " problems in " + FILES + " files");
    }

    @Test
    void withoutSecondarySuppressionTheAttackerNarrowsSuppressedValues() throws Exception {
        PublishedTablesAttack.Result r = loadAndAttack(9000, 2000, 2, "lp-attack-no-secondary", GraduateLoadOptions.defaults().withoutSecondarySuppression());
        assertTrue(r != null, "the loader publishes without secondary suppression");
        report("without secondary suppression", r);
        assertEquals(List.of(), first(r.truthViolations()), r.toString());
        assertTrue(r.failures().size() > 10, "noise and primary suppression alone should leave narrowed values: " + r);
    }

    /** Loads a random file as its own dataset and attacks the current release; null (and a line of output) when the loader refused it. */
    static PublishedTablesAttack.Result loadAndAttack(long seed, int records, int years, String datasetId, GraduateLoadOptions options) throws Exception {
        TestServer.get();
        Path dir = Files.createTempDirectory("lmo-lp-attack");
        String codelist = "LP_AREA_" + datasetId.replace('-', '_').toUpperCase();
        Path file = RandomGraduates.write(dir, seed, records, years);
        GraduateLoadReport report = GraduateTestSupport.loader().load(datasetId, file, options.withDefinition(RandomGraduates.definition(dir, datasetId, codelist)));
        if (report.status() != GraduateLoadReport.Status.PUBLISHED) {
            System.out.println("[LP attack] " + datasetId + ": the loader refused the release (" + report.status() + ": " + report.message() + ") — a pass");
            return null;
        }
        TestServer.awaitRelease(datasetId, report.releaseId());
        return PublishedTablesAttack.attack(PublishedTables.download(datasetId, codelist, null), GraduateTruth.cube(file));
    }

    static <T> List<T> first(List<T> list) {
        return list.subList(0, Math.min(10, list.size()));
    }
}
