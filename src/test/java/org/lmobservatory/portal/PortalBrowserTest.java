package org.lmobservatory.portal;

import org.junit.jupiter.api.Test;
import org.lmobservatory.db.Json;
import org.lmobservatory.support.TestServer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs src/test/browser/portal.spec.mjs (Node, playwright-core, Debian's Chromium, axe-core) against the real server:
 * front pages and a catalogue search at 320 and 1280 px, screenshots in target/screenshots. Skips with a message
 * where Node, Chromium or the npm packages are missing, as WidgetBrowserTest does.
 */
class PortalBrowserTest {
    private static final Path BROWSER_TESTS = Path.of("src/test/browser");

    @Test
    void frontPagesAndSearchAreAccessibleAndFitA320PixelScreen() throws Exception {
        String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
        assumeTrue(Files.isExecutable(Path.of(chromium)), chromium + " is absent: skipping the browser test (apt-get install chromium)");
        assumeTrue(Files.isDirectory(BROWSER_TESTS.resolve("node_modules/playwright-core"))
                        && Files.isDirectory(BROWSER_TESTS.resolve("node_modules/axe-core")),
                "src/test/browser/node_modules is absent: skipping the browser test (run npm ci in src/test/browser)");
        Path screenshots = Path.of("target/screenshots").toAbsolutePath();
        String config = Json.MAPPER.writeValueAsString(Map.of("baseUrl", TestServer.baseUrl(), "screenshots", screenshots.toString()));
        Process node = new ProcessBuilder("node", "--test-reporter=spec", "portal.spec.mjs", config)
                .directory(BROWSER_TESTS.toFile()).redirectErrorStream(true).start();
        Thread echo = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) System.out.println("[browser] " + line);
            } catch (java.io.IOException ignored) {
                // the process was ended; its exit code tells the rest
            }
        });
        echo.start();
        if (!node.waitFor(300, TimeUnit.SECONDS)) {
            node.descendants().forEach(ProcessHandle::destroyForcibly);
            node.destroyForcibly();
            throw new AssertionError("the browser test did not finish in 300 s");
        }
        echo.join(5_000);
        assertEquals(0, node.exitValue(), "the browser test failed: see the [browser] lines above");
    }
}
