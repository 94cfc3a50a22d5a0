package org.lmobservatory.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestServer;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The committed contract generates a Java client that compiles and works: openapi-generator (java, library native:
 * java.net.http and Jackson, no other runtime) makes it, the JDK's compiler compiles it with a small program of ours
 * (src/test/clients/java/FilterByArea.java), and that program filters a dataset's observations by area through the
 * generated typed request — the same rows the API gives. The generator is the one GeneratedClientTest uses (npm ci in
 * src/test/clients; its JAR comes from Maven Central on first use); without it, or without a JDK compiler, the test is
 * skipped. The client's compile classpath is the test's own Jackson and Jakarta annotations. Uses a dataset of its
 * own (ids genjava-…).
 */
class GeneratedJavaClientTest {
    private static final Path TOOLS = Path.of("src/test/clients");
    private static final Path GENERATOR = TOOLS.resolve("node_modules/.bin/openapi-generator-cli");
    private static final Path WORK = Path.of("target/clients/java");
    private static final String DATASET = "genjava-jobs";

    @BeforeAll
    static void needTheToolsAndOurDataset() throws Exception {
        assumeTrue(Files.isExecutable(GENERATOR),
                "src/test/clients/node_modules is absent: run `npm ci` in src/test/clients; skipping the generated Java client test");
        assumeTrue(ToolProvider.getSystemJavaCompiler() != null, "no Java compiler in this runtime (a JRE): skipping the generated Java client test");
        TestServer.get();
        TestServer.loader().define(TestServer.file("GENJAVA-GEO.json", """
                {"id": "GENJAVA-GEO", "version": "1", "title": {"en": "Areas of the generated Java client test"},
                 "codes": [{"id": "GJ1", "level": "region", "labels": {"en": "One"}}, {"id": "GJ2", "level": "region", "labels": {"en": "Two"}},
                           {"id": "GJ3", "level": "region", "labels": {"en": "Three"}}]}
                """));
        TestServer.publish(DATASET, TestServer.file(DATASET + ".json", """
                {"id": "genjava-jobs", "title": {"en": "Generated Java client test jobs"}, "description": {"en": "Test data."},
                 "theme": "labour-market", "keywords": ["test"], "frequency": "A",
                 "unit": {"id": "PERS", "label": {"en": "persons"}, "multiplier": 0, "decimals": 1},
                 "source": "Client tests", "licence": "CC-BY-4.0", "contact": "test@example.org",
                 "dimensions": [{"id": "geo", "codelist": "GENJAVA-GEO", "role": "geo", "label": {"en": "Area"}}]}
                """), TestServer.file(DATASET + ".csv", """
                geo,time,value,flag
                GJ1,2023,10.5,
                GJ1,2024,11,
                GJ2,2024,20,
                GJ3,2024,30.5,
                """));
    }

    @Test
    void aJavaNativeClientCompilesAndFiltersObservationsByArea() throws Exception {
        deleteRecursively(WORK);
        Files.createDirectories(WORK);
        run(List.of(GENERATOR.toAbsolutePath().toString(), "generate", "-i", Path.of("openapi/openapi.json").toAbsolutePath().toString(),
                "-g", "java", "--library", "native", "-o", WORK.resolve("generated").toAbsolutePath().toString(),
                "--global-property", "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false",
                "--additional-properties", "useSingleRequestParameter=true,openApiNullable=false,useJakartaEe=true,hideGenerationTimestamp=true,"
                        + "invokerPackage=org.lmo.client,apiPackage=org.lmo.client.api,modelPackage=org.lmo.client.model"));

        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(WORK.resolve("generated/src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> sources.add(f.toString()));
        }
        sources.add(TOOLS.resolve("java/FilterByArea.java").toString());
        Path classes = Files.createDirectories(WORK.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", clientClasspath(), "-proc:none", "-nowarn", "-encoding", "UTF-8"));
        args.addAll(sources);
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
        assertEquals(0, status, "the generated client compiles:\n" + diagnostics.toString(StandardCharsets.UTF_8));

        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, getClass().getClassLoader())) {
            @SuppressWarnings("unchecked")
            List<String> rows = (List<String>) loader.loadClass("FilterByArea").getMethod("rows", String.class, String.class, String.class)
                    .invoke(null, TestServer.baseUrl(), DATASET, "GJ1,GJ3");
            assertEquals(List.of("GJ1,2023,10.5", "GJ1,2024,11", "GJ3,2024,30.5"), rows);
        }
    }

    /** The jars of what the generated code imports, found where this test's own class loader has them. */
    private static String clientClasspath() throws Exception {
        Set<String> jars = new LinkedHashSet<>();
        for (String name : List.of("com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.core.JsonParser",
                "com.fasterxml.jackson.annotation.JsonProperty", "com.fasterxml.jackson.datatype.jsr310.JavaTimeModule",
                "jakarta.annotation.Nonnull")) {
            Class<?> c = Class.forName(name, false, GeneratedJavaClientTest.class.getClassLoader());
            jars.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(java.io.File.pathSeparator, jars);
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** Runs a command in src/test/clients; fails with its output when it exits with another status than 0. */
    private static void run(List<String> command) throws Exception {
        Path log = Files.createTempFile("lmo-java-client", ".log");
        try {
            Process p = new ProcessBuilder(command).directory(TOOLS.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("did not finish in 5 minutes: " + command);
            }
            assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n" + Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
