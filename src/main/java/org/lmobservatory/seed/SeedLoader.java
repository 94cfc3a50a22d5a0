package org.lmobservatory.seed;

import org.lmobservatory.db.Json;
import org.lmobservatory.graduates.EqavetDerivation;
import org.lmobservatory.graduates.GraduateLoadOptions;
import org.lmobservatory.graduates.GraduateLoadReport;
import org.lmobservatory.graduates.GraduateLoader;
import org.lmobservatory.loader.LoadReport;
import org.lmobservatory.loader.LoadService;
import org.lmobservatory.loader.groupings.GroupingStore;
import org.lmobservatory.releases.Publisher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Loads the demo catalogue from seed/ through the same loader and publisher a data owner uses. */
public final class SeedLoader {
    private final LoadService loader;
    private final Publisher publisher;
    private final PrintWriter out;

    public SeedLoader(LoadService loader, Publisher publisher, PrintWriter out) {
        this.loader = loader;
        this.publisher = publisher;
        this.out = out;
    }

    public void load(Path seedDir) throws Exception {
        for (Path f : jsonFiles(seedDir.resolve("codelists"))) out.println("defined " + loader.define(f));
        for (Path f : successorsFirst(jsonFiles(seedDir.resolve("datasets")))) {
            out.println("defined " + loader.define(f));
            String id = f.getFileName().toString().replaceFirst("\\.json$", "");
            Path data = seedDir.resolve("data").resolve(id + ".csv");
            if (!Files.exists(data)) continue;
            LoadReport report = loader.load(id, data, Optional.empty());
            out.println(report.message());
            if (report.status() == LoadReport.Status.INVALID) {
                report.errors().forEach(e -> out.println("  " + e));
                throw new IllegalStateException("Seed file " + data + " is invalid");
            }
            if (report.status() == LoadReport.Status.VALID) {
                Publisher.Published p = publisher.publish(id, report.loadId(), "Demonstration seed data");
                out.printf("published %s release %d (%d rows) in %.1f s%n", id, p.releaseId(), p.rows(), p.seconds());
            }
        }
        // Groupings after the codelists they group; the data needs none of them to load.
        for (Path f : jsonFiles(seedDir.resolve("groupings"))) out.println(new GroupingStore(publisher.owner()).load(f).message());
        loadGraduates(seedDir.resolve("graduates"));
        deriveEqavet(seedDir.resolve("graduates"));
    }

    /**
     * Bulgaria's EQAVET indicators, after the graduate load because they are computed from what it published. Defined
     * only now: their area codelist is the one load-graduates generates.
     */
    private void deriveEqavet(Path dir) throws Exception {
        Path definition = dir.resolve("eqavet-bg.json");
        if (!Files.exists(definition)) return;
        out.println("defined " + loader.define(definition));
        out.println(new EqavetDerivation(publisher.owner(), publisher).derive("graduate-outcomes", "eqavet-bg", "BG").message());
    }

    /** Graduate records (seed/graduates): protected indicators through load-graduates, like any data owner's file. */
    private void loadGraduates(Path dir) throws Exception {
        Path records = dir.resolve("graduates.csv");
        if (!Files.exists(records)) return;
        GraduateLoadReport report = new GraduateLoader(publisher.owner(), loader, publisher, out::println).load("graduate-outcomes", records,
                GraduateLoadOptions.defaults().withDefinition(dir.resolve("graduate-outcomes.json")).withNote("Demonstration seed data"));
        out.println(report.message());
        if (report.status() == GraduateLoadReport.Status.INVALID) {
            report.errors().forEach(e -> out.println("  " + e));
            throw new IllegalStateException("Seed file " + records + " is invalid");
        }
    }

    /** A discontinued dataset names its successor, which the loader wants defined already: such files go last. */
    private static List<Path> successorsFirst(List<Path> files) throws IOException {
        List<Path> plain = new ArrayList<>();
        List<Path> discontinued = new ArrayList<>();
        for (Path f : files) {
            boolean namesSuccessor = Json.MAPPER.readTree(f.toFile()).path("lifecycle").hasNonNull("successor");
            (namesSuccessor ? discontinued : plain).add(f);
        }
        plain.addAll(discontinued);
        return plain;
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
