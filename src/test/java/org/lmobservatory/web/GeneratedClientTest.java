package org.lmobservatory.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestServer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The committed contract generates a client that compiles and works: openapi-generator (typescript-fetch) makes it,
 * tsc --strict compiles it with a small program of ours (src/test/clients/filter-by-area.ts), and that program filters
 * a dataset's observations by area through the generated typed call — the same rows the API gives. The tools are
 * pinned in src/test/clients (npm ci there; the generator's JAR comes from Maven Central on first use); without them
 * or node the test is skipped. Uses a dataset of its own (ids genclient-…).
 */
class GeneratedClientTest {
    private static final Path TOOLS = Path.of("src/test/clients");
    private static final Path BIN = TOOLS.resolve("node_modules/.bin");
    private static final Path WORK = Path.of("target/clients");
    private static final String DATASET = "genclient-jobs";

    @BeforeAll
    static void needTheToolsAndOurDataset() throws Exception {
        assumeTrue(Files.isExecutable(BIN.resolve("openapi-generator-cli")) && Files.isExecutable(BIN.resolve("tsc")),
                "src/test/clients/node_modules is absent: run `npm ci` in src/test/clients; skipping the generated client test");
        TestServer.get();
        TestServer.loader().define(TestServer.file("GENCLIENT-GEO.json", """
                {"id": "GENCLIENT-GEO", "version": "1", "title": {"en": "Areas of the generated client test"},
                 "codes": [{"id": "GC1", "level": "region", "labels": {"en": "One"}}, {"id": "GC2", "level": "region", "labels": {"en": "Two"}},
                           {"id": "GC3", "level": "region", "labels": {"en": "Three"}}]}
                """));
        TestServer.publish(DATASET, TestServer.file(DATASET + ".json", """
                {"id": "genclient-jobs", "title": {"en": "Generated client test jobs"}, "description": {"en": "Test data."},
                 "theme": "labour-market", "keywords": ["test"], "frequency": "A",
                 "unit": {"id": "PERS", "label": {"en": "persons"}, "multiplier": 0, "decimals": 0},
                 "source": "Client tests", "licence": "CC-BY-4.0", "contact": "test@example.org",
                 "dimensions": [{"id": "geo", "codelist": "GENCLIENT-GEO", "role": "geo", "label": {"en": "Area"}}]}
                """), TestServer.file(DATASET + ".csv", """
                geo,time,value,flag
                GC1,2023,10,
                GC1,2024,11,
                GC2,2024,20,
                GC3,2024,30,
                """));
    }

    @Test
    void aTypescriptFetchClientCompilesUnderStrictAndFiltersObservationsByArea() throws Exception {
        Files.createDirectories(WORK);
        run(List.of(BIN.resolve("openapi-generator-cli").toAbsolutePath().toString(), "generate", "-i",
                Path.of("openapi/openapi.json").toAbsolutePath().toString(), "-g", "typescript-fetch",
                "-o", WORK.resolve("typescript-fetch").toAbsolutePath().toString()), TOOLS);
        Files.copy(TOOLS.resolve("filter-by-area.ts"), WORK.resolve("filter-by-area.ts"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(TOOLS.resolve("tsconfig.json"), WORK.resolve("tsconfig.json"), StandardCopyOption.REPLACE_EXISTING);

        String compiled = run(List.of(BIN.resolve("tsc").toAbsolutePath().toString(), "-p", WORK.toAbsolutePath().toString()), TOOLS);
        assertEquals("", compiled.strip(), "tsc --strict reports no error");

        String rows = run(List.of("node", WORK.resolve("out/filter-by-area.js").toAbsolutePath().toString(),
                TestServer.baseUrl(), DATASET, "GC1,GC3"), TOOLS);
        assertEquals(List.of("GC1,2023,10", "GC1,2024,11", "GC3,2024,30"), rows.lines().toList());
    }

    /** Runs a command, returning its output; fails with that output when it exits with another status than 0. */
    private static String run(List<String> command, Path dir) throws Exception {
        Path log = Files.createTempFile("lmo-client", ".log");
        try {
            Process p = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("did not finish in 5 minutes: " + command);
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n" + out);
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
