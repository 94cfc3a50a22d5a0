package org.lmobservatory.graduates;

import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attacks what the API serves: the demo seed and random graduate files, each loaded through load-graduates into its
 * own dataset, downloaded in full and attacked by subtraction across every total and breakdown.
 * Run with -Dlmo.attack.secondary=off to load the random files without secondary suppression: the test then fails.
 */
class GraduateAttackApiTest {
    private static final int RANDOM_FILES = 6;

    static GraduateLoadOptions optionsUnderTest() {
        GraduateLoadOptions o = GraduateLoadOptions.defaults();
        return "off".equals(System.getProperty("lmo.attack.secondary")) ? o.withoutSecondarySuppression() : o;
    }

    static ApiAttack.Result loadAndAttack(long seed, String datasetId, GraduateLoadOptions options) throws Exception {
        TestServer.get();
        Path dir = Files.createTempDirectory("lmo-attack");
        String codelist = "ATTACK_AREA_" + datasetId.replace('-', '_').toUpperCase();
        Path file = RandomGraduates.write(dir, seed);
        GraduateLoadReport report = GraduateTestSupport.loader().load(datasetId, file,
                options.withDefinition(RandomGraduates.definition(dir, datasetId, codelist)));
        assertEquals(GraduateLoadReport.Status.PUBLISHED, report.status(), report.message() + " " + report.errors());
        return ApiAttack.run(datasetId, codelist, GraduateTruth.of(file));
    }

    @Test
    void nothingSuppressedInTheDemoSeedCanBeRecomputedFromTheApi() throws Exception {
        TestServer.get();
        ApiAttack.Result r = ApiAttack.run("graduate-outcomes", "GRAD_AREA", GraduateTruth.of(Path.of("seed/graduates/graduates.csv")));
        assertTrue(r.suppressedCells() > 1000 && r.publishedCells() > 10000, r.toString());
        assertEquals(List.of(), r.recovered().subList(0, Math.min(10, r.recovered().size())), r.recovered().size() + " recovered");
    }

    @Test
    void nothingSuppressedInRandomGraduateFilesCanBeRecomputedFromTheApi() throws Exception {
        List<String> recovered = new ArrayList<>();
        int suppressed = 0;
        for (int i = 0; i < RANDOM_FILES; i++) {
            ApiAttack.Result r = loadAndAttack(7000 + i, "attack-random-" + i, optionsUnderTest());
            suppressed += r.suppressedCells();
            recovered.addAll(r.recovered());
        }
        assertTrue(suppressed > 100, "the random files must exercise suppression; suppressed " + suppressed);
        assertEquals(List.of(), recovered.subList(0, Math.min(10, recovered.size())), recovered.size() + " suppressed values recovered");
    }

    @Test
    void withoutSecondarySuppressionTheApiGivesSuppressedValuesAway() throws Exception {
        ApiAttack.Result r = loadAndAttack(7000, "attack-no-secondary", GraduateLoadOptions.defaults().withoutSecondarySuppression());
        assertTrue(r.recovered().size() > 10, "primary suppression alone should leak; recovered " + r.recovered());
    }
}
