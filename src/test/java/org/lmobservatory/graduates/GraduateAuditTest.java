package org.lmobservatory.graduates;

import org.junit.jupiter.api.Test;
import org.lmobservatory.disclosure.DisclosureReport;
import org.lmobservatory.support.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The project's own auditor, as the loader runs it: on a release it publishes, every hidden quantity passed (the loop
 * stops only then); without secondary suppression the same auditor finds quantities below protection, so it can fail.
 * System property lmo.audit.files (default 2) sets how many random files of 300 to 30,000 records are loaded, and
 * lmo.audit.from (default 0) the first file's number, so the 200-file audit can run in batches (files are fixed by
 * their number: file i always has the same records).
 */
class GraduateAuditTest {
    private static GraduateLoadReport load(String datasetId, Path file, GraduateLoadOptions options) throws Exception {
        TestServer.get();
        Path definition = RandomGraduates.definition(file.getParent(), datasetId, "AUDIT_AREA_" + datasetId.replace('-', '_').toUpperCase());
        GraduateLoadReport report = GraduateTestSupport.loader().load(datasetId, file, options.withDefinition(definition));
        assertEquals(GraduateLoadReport.Status.PUBLISHED, report.status(), report.message());
        return report;
    }

    @Test
    void everyHiddenQuantityOfEveryPublishedReleasePassesTheAudit() throws Exception {
        int files = Integer.getInteger("lmo.audit.files", 2);
        int from = Integer.getInteger("lmo.audit.from", 0);
        long audited = 0;
        long cells = 0;
        long suppressed = 0;
        for (int i = from; i < from + files; i++) {
            long started = System.nanoTime();
            java.util.Random rnd = new java.util.Random(900 + i);
            int records = 300 + rnd.nextInt(files <= 3 && from == 0 ? 3000 : 29_700);
            Path file = RandomGraduates.write(Files.createTempDirectory("lmo-audit"), 900 + i, records, 2 + rnd.nextInt(3));
            DisclosureReport r = load("audit-random-" + i, file, GraduateLoadOptions.defaults()).disclosure();
            assertEquals(0, r.auditFailures(), r.toString());
            assertTrue(r.audited() > 0, r.toString());
            audited += r.audited();
            cells += r.cells();
            suppressed += r.suppressedTotal();
            System.out.printf("audit: file %d, %d records, %.0f s: %s%n", i, records, (System.nanoTime() - started) / 1e9, r);
        }
        System.out.printf("audit: %d files, %d cells, %d suppressed (%.1f %%), %d hidden quantities audited, 0 below protection%n",
                files, cells, suppressed, 100.0 * suppressed / cells, audited);
    }

    @Test
    void withoutSecondarySuppressionTheSameAuditorFindsQuantitiesBelowProtection() throws Exception {
        Path file = RandomGraduates.write(Files.createTempDirectory("lmo-audit-off"), 7000, 2000, 2);
        DisclosureReport r = load("audit-no-secondary", file, GraduateLoadOptions.defaults().withoutSecondarySuppression()).disclosure();
        assertTrue(r.auditFailures() > 10, "primary suppression and noise alone leave hidden values narrowed: " + r);
        TestServer.given().get("/v1/datasets/audit-no-secondary").then().statusCode(200)
                .body("disclosure.audit.find { it.rule == 'audit-failures' }.cells", org.hamcrest.Matchers.greaterThan(10));
    }
}
