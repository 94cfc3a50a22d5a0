package org.lmobservatory;

import org.lmobservatory.config.AppConfig;
import org.lmobservatory.db.Database;
import org.lmobservatory.loader.DefinitionFiles.InvalidDefinitionException;
import org.lmobservatory.loader.LoadOptions;
import org.lmobservatory.loader.LoadReport;
import org.lmobservatory.loader.LoadService;
import org.lmobservatory.seed.SeedLoader;
import org.lmobservatory.graduates.GraduateLoadOptions;
import org.lmobservatory.graduates.GraduateLoadReport;
import org.lmobservatory.graduates.GraduateLoader;
import org.lmobservatory.loader.codelists.CodelistImporter;
import org.lmobservatory.loader.codelists.ImportOptions;
import org.lmobservatory.releases.Publisher;
import org.lmobservatory.releases.Rollback;
import org.lmobservatory.web.ProblemException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Command line: serve, demo, define, load, publish, import-codelist. Every command migrates the database first. */
public final class Main {
    private static final String USAGE = """
            Usage: java -jar observatory.jar <command> [options]
              serve                                   run the API on $PORT (default 7070)
              demo [--seed DIR]                       load seed/ through the loader, publish, and serve
              define --file F.json                    load a codelist or dataset definition
              load --dataset ID --file F [--format NAME] [--mapping M.json] [--definition D.json]
                   [--dry-run] [--nuts-breaks] [--publish] [--note TEXT]
                                                      validate a file into staging (and publish it); formats:
                                                      long-csv (default) and others, detected from the content
              publish --dataset ID [--load N] [--note TEXT]
                                                      make a validated load the current release, atomically
              import-codelist --format nuts|lau|isco|nace --file F --id ID [--version V] [--lang xx]
                                                      import or merge codes from an official list (NUTS list,
                                                      history or validity; LAU concordance; ISCO-08; NACE Rev. 2)
                                                      into codelist ID; V: version of the file's codes (NUTS2024);
                                                      xx: language of its labels (default: national / from name)
              load-graduates --file F.csv [--dataset ID] [--definition D.json] [--min-population N]
                   [--min-count N] [--note TEXT]
                                                      graduate records (confidential, kept in staging) into
                                                      protected indicators, published as a new release
              rollback --dataset ID --to RELEASE      make an earlier release current again, atomically
            Configuration comes from environment variables (DATABASE_URL, PORT, LMO_DATA_DIR, …): see README.md.
            """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            System.out.print(USAGE);
            System.exit(args.length == 0 ? 2 : 0);
        }
        Map<String, String> options = options(args);
        AppConfig config = AppConfig.fromEnvironment();
        String command = args[0];
        if (!java.util.Set.of("serve", "demo", "define", "load", "publish", "import-codelist", "load-graduates", "rollback").contains(command)) {
            System.err.println("Unknown command '" + command + "'.\n" + USAGE);
            System.exit(2);
        }
        Database database = Database.start(config);
        try {
            int code = run(command, options, config, database);
            if (code != 0 || !command.equals("serve") && !command.equals("demo")) {
                database.close();
                System.exit(code);
            }
        } catch (InvalidDefinitionException e) {
            e.errors().forEach(err -> System.err.println(err));
            database.close();
            System.exit(1);
        } catch (ProblemException e) {
            System.err.println(e.getMessage());
            database.close();
            System.exit(1);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            database.close();
            System.exit(2);
        }
    }

    private static int run(String command, Map<String, String> o, AppConfig config, Database database) throws Exception {
        LoadService loader = new LoadService(database.owner());
        Publisher publisher = new Publisher(database.owner());
        switch (command) {
            case "define" -> System.out.println("defined " + loader.define(Path.of(required(o, "file"))));
            case "load" -> {
                LoadOptions options = new LoadOptions(Optional.ofNullable(o.get("definition")).map(Path::of),
                        Optional.ofNullable(o.get("format")), Optional.ofNullable(o.get("mapping")).map(Path::of),
                        o.containsKey("dry-run"), o.containsKey("nuts-breaks"));
                LoadReport report = loader.load(required(o, "dataset"), Path.of(required(o, "file")), options);
                report.errors().forEach(System.err::println);
                if (report.errorCount() > report.errors().size()) {
                    System.err.println("… and " + (report.errorCount() - report.errors().size()) + " more errors");
                }
                (report.status() == LoadReport.Status.INVALID ? System.err : System.out).println(report.message());
                if (report.status() == LoadReport.Status.INVALID) return 1;
                if (o.containsKey("publish") && report.status() == LoadReport.Status.VALID && !options.dryRun()) {
                    printPublished(publisher.publish(required(o, "dataset"), report.loadId(), o.get("note")));
                }
            }
            case "import-codelist" -> {
                String format = required(o, "format");
                if (!CodelistImporter.FORMATS.contains(format)) throw usage("Unknown --format '" + format + "'; use one of " + CodelistImporter.FORMATS);
                System.out.println(new CodelistImporter(database.owner()).importFile(format, Path.of(required(o, "file")),
                        new ImportOptions(required(o, "id"), Optional.ofNullable(o.get("version")), Optional.ofNullable(o.get("lang")))).message());
            }
            case "publish" -> printPublished(publisher.publish(required(o, "dataset"),
                    o.containsKey("load") ? Long.parseLong(o.get("load")) : null, o.get("note")));
            case "load-graduates" -> {
                GraduateLoadReport report = new GraduateLoader(database.owner(), loader, publisher, System.err::println)
                        .load(o.getOrDefault("dataset", "graduate-outcomes"), Path.of(required(o, "file")), graduateOptions(o));
                report.errors().forEach(System.err::println);
                if (report.errorCount() > report.errors().size()) {
                    System.err.println("… and " + (report.errorCount() - report.errors().size()) + " more errors");
                }
                (report.status() == GraduateLoadReport.Status.INVALID ? System.err : System.out).println(report.message());
                if (report.status() == GraduateLoadReport.Status.INVALID) return 1;
            }
            case "rollback" -> {
                Rollback.RolledBack r = new Rollback(database.owner()).rollback(required(o, "dataset"), Long.parseLong(required(o, "to")));
                System.out.println(r.changed() ? "rolled back " + r.datasetId() + " from release " + r.fromReleaseId() + " to release " + r.toReleaseId()
                        : "release " + r.toReleaseId() + " is already the current release of " + r.datasetId());
            }
            case "demo" -> {
                new SeedLoader(loader, publisher, System.out).load(Path.of(o.getOrDefault("seed", "seed")));
                serve(config, database);
            }
            case "serve" -> serve(config, database);
            default -> throw new IllegalStateException(command);
        }
        return 0;
    }

    private static GraduateLoadOptions graduateOptions(Map<String, String> o) {
        GraduateLoadOptions options = GraduateLoadOptions.defaults().withNote(o.get("note"));
        if (o.containsKey("definition")) options = options.withDefinition(Path.of(o.get("definition")));
        if (o.containsKey("min-population") || o.containsKey("min-count")) {
            options = new GraduateLoadOptions(options.definition(), Optional.ofNullable(o.get("min-population")).map(Integer::parseInt),
                    Optional.ofNullable(o.get("min-count")).map(Integer::parseInt), options.rounding(), options.note(), true);
        }
        if (o.containsKey("rounding")) options = options.withRounding(o.get("rounding").equals("none") ? 0 : Integer.parseInt(o.get("rounding")));
        return options;
    }

    private static void printPublished(Publisher.Published p) {
        System.out.printf("published %s release %d from load %d: %d rows in %.1f s%n", p.datasetId(), p.releaseId(), p.loadId(), p.rows(), p.seconds());
    }

    private static void serve(AppConfig config, Database database) {
        Observatory observatory = new Observatory(config, database).start();
        System.out.println("Labour Market Observatory API on http://localhost:" + observatory.port()
                + "  (docs: /docs, OpenAPI: /openapi.json)");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            observatory.close();
            database.close();
        }));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) throw usage("Unexpected argument '" + args[i] + "'");
            String name = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) out.put(name, args[++i]);
            else out.put(name, "true");
        }
        return out;
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null || v.equals("true")) throw usage("Missing --" + name);
        return v;
    }

    private static IllegalArgumentException usage(String message) {
        System.err.println(message + "\n" + USAGE);
        System.exit(2);
        return new IllegalArgumentException(message);
    }
}
