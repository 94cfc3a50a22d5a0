package org.lmobservatory.loader;

import org.lmobservatory.cli.CommandSet;
import org.lmobservatory.cli.ExitCodes;
import org.lmobservatory.cli.Session;
import org.lmobservatory.loader.formats.InputFormats;
import org.lmobservatory.releases.Publisher;
import org.lmobservatory.releases.ReleaseCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** define and load: definitions and data files into staging, validated. */
@Command
public final class LoaderCommands implements CommandSet {
    private final Session session;

    public LoaderCommands(Session session) {
        this.session = session;
    }

    @Command(name = "define", description = "Load a codelist or dataset definition (JSON).")
    int define(@Option(names = "--file", required = true, paramLabel = "F.json", description = "The definition file.") Path file) {
        session.out().println("defined " + new LoadService(session.database().owner()).define(file));
        return ExitCodes.OK;
    }

    @Command(name = "load", description = {"Validate a data file into staging (and publish it with --publish).",
            "The format is detected from the content unless --format names it."})
    int load(@Option(names = "--dataset", required = true, paramLabel = "ID", description = "The dataset.") String dataset,
             @Option(names = "--file", required = true, paramLabel = "F", description = "The data file.") Path file,
             @Option(names = "--format", paramLabel = "NAME", completionCandidates = FormatNames.class, converter = FormatNames.class,
                     description = "Input format: ${COMPLETION-CANDIDATES}.") String format,
             @Option(names = "--mapping", paramLabel = "M.json", description = "Column mapping, for mapped-csv.") Path mapping,
             @Option(names = "--definition", paramLabel = "D.json", description = "Dataset definition to apply first.") Path definition,
             @Option(names = "--dry-run", description = "Validate only; stage nothing.") boolean dryRun,
             @Option(names = "--nuts-breaks", description = "Flag 'b' older NUTS codes without a one-to-one successor instead of rejecting them.") boolean nutsBreaks,
             @Option(names = "--publish", description = "Publish the load if it is valid (not with --dry-run).") boolean publish,
             @Option(names = "--note", paramLabel = "TEXT", description = "Release note, with --publish.") String note) throws Exception {
        if (dryRun && publish) {
            // Checked before the database starts: the two contradict each other, and guessing which was meant is how a typo once published.
            session.err().println("error: --dry-run stages nothing, so there is nothing to --publish; drop one of them.");
            return ExitCodes.USAGE;
        }
        LoadOptions options = new LoadOptions(Optional.ofNullable(definition), Optional.ofNullable(format), Optional.ofNullable(mapping),
                dryRun, nutsBreaks);
        LoadReport report = new LoadService(session.database().owner()).load(dataset, file, options);
        printErrors(session.err(), report.errors(), report.errorCount());
        boolean invalid = report.status() == LoadReport.Status.INVALID;
        (invalid ? session.err() : session.out()).println(report.message());
        if (invalid) return ExitCodes.REJECTED;
        if (publish && report.status() == LoadReport.Status.VALID) {
            session.out().println(ReleaseCommands.describe(new Publisher(session.database().owner()).publish(dataset, report.loadId(), note)));
        }
        return ExitCodes.OK;
    }

    /** The first errors of a file, and how many more there were. */
    public static void printErrors(PrintWriter err, List<?> shown, long total) {
        shown.forEach(err::println);
        if (total > shown.size()) err.println("… and " + (total - shown.size()) + " more errors");
    }

    /** Lists the input formats in help, and refuses an unknown one before anything runs. */
    static final class FormatNames implements Iterable<String>, CommandLine.ITypeConverter<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return InputFormats.names().iterator();
        }

        @Override
        public String convert(String value) {
            for (String name : InputFormats.names()) if (name.equals(value)) return value;
            throw new CommandLine.TypeConversionException("'" + value + "' is not an input format; use one of "
                    + String.join(", ", InputFormats.names()));
        }
    }
}
