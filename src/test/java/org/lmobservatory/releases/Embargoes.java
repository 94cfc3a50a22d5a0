package org.lmobservatory.releases;

import org.lmobservatory.loader.LoadReport;
import org.lmobservatory.support.TestServer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** Datasets of the embargo tests: each test defines its own, with an id unique to the run. */
public final class Embargoes {
    private Embargoes() {
    }

    /** A one-cell file; files with different values are different files to the loader (which refuses a repeat). */
    public static String csv(int value) {
        return "geo,time,value\nFI1B,2024," + value + "\n";
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    public static Path definition(String id, String title) throws Exception {
        return TestServer.file(id + ".json", """
                {"id": "%s", "title": {"en": "%s", "fi": "%s (fi)"}, "theme": "labour-market", "frequency": "A",
                 "unit": {"id": "PERS"}, "source": "test",
                 "dimensions": [{"id": "geo", "codelist": "GEO", "role": "geo"}]}
                """.formatted(id, title, title));
    }

    /** Defines the dataset and publishes its first release at once; returns the release id. */
    public static long publishNow(String id, String title, String csv) throws Exception {
        return TestServer.publish(id, definition(id, title), TestServer.file(id + "-v1.csv", csv));
    }

    /** Loads a file into staging and returns the load id. */
    public static long load(String id, String csv) throws Exception {
        LoadReport report = TestServer.loader().load(id, TestServer.file(id + "-next.csv", csv), Optional.empty());
        if (report.status() != LoadReport.Status.VALID) throw new IllegalStateException(report.message() + " " + report.errors());
        return report.loadId();
    }

    /** Loads and schedules a release for the instant; returns the release id. */
    public static long schedule(String id, String csv, Instant at) throws Exception {
        return TestServer.publisher().schedule(id, load(id, csv), "scheduled in a test", at).releaseId();
    }
}
