package org.lmobservatory.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.db.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The committed contract passes Redocly's recommended rules with no error and no warning: what generated clients and
 * API tooling trip over (no servers, nullable without a type, no licence, …). Redocly CLI is pinned in src/test/redocly
 * (installed by `npm ci` there, as .ci/run does); without it or node the test is skipped. A rule may be turned off
 * only in src/test/redocly/redocly.yaml, with the reason written beside it.
 */
class OpenApiLintTest {
    private static final Path TOOL_DIR = Path.of("src/test/redocly");
    private static final Path REDOCLY = TOOL_DIR.resolve("node_modules/.bin/redocly");

    @BeforeAll
    static void needRedocly() {
        assumeTrue(Files.isExecutable(REDOCLY), "src/test/redocly/node_modules is absent: run `npm ci` in src/test/redocly; skipping redocly lint");
    }

    @Test
    void theContractHasNoErrorAndNoWarningUnderRedoclysRecommendedRules() throws Exception {
        Path report = Files.createTempFile("lmo-redocly", ".json");
        try {
            List<String> command = new ArrayList<>(List.of(REDOCLY.toAbsolutePath().toString(), "lint",
                    Path.of("openapi/openapi.json").toAbsolutePath().toString(), "--format=json"));
            if (Files.exists(TOOL_DIR.resolve("redocly.yaml"))) command.add("--config=" + TOOL_DIR.resolve("redocly.yaml").toAbsolutePath());
            Process lint = new ProcessBuilder(command).directory(TOOL_DIR.toFile())
                    .redirectOutput(report.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(lint.waitFor(3, TimeUnit.MINUTES), "redocly lint did not finish in 3 minutes");
            JsonNode result = Json.MAPPER.readTree(read(report));
            List<String> problems = new ArrayList<>();
            result.path("problems").forEach(p -> problems.add(p.path("severity").asText() + " " + p.path("ruleId").asText() + " at "
                    + p.path("location").path(0).path("pointer").asText() + ": " + p.path("message").asText()));
            assertEquals(0, result.path("totals").path("errors").asInt(-1) + result.path("totals").path("warnings").asInt(-1),
                    "redocly lint found " + problems.size() + " problem(s): " + problems.subList(0, Math.min(10, problems.size())));
            assertEquals(0, lint.exitValue(), "redocly lint failed");
        } finally {
            Files.deleteIfExists(report);
        }
    }

    private static String read(Path report) throws IOException {
        String json = Files.readString(report, StandardCharsets.UTF_8);
        // Redocly prints notices (e.g. a Node.js deprecation box) before the report when stdout is not a terminal.
        int start = json.indexOf("{\n");
        return start < 0 ? json : json.substring(start);
    }
}
