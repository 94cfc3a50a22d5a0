package org.lmobservatory.graduates;

import org.lmobservatory.cli.CommandSet;
import org.lmobservatory.cli.ExitCodes;
import org.lmobservatory.cli.Session;
import org.lmobservatory.loader.LoadService;
import org.lmobservatory.loader.LoaderCommands;
import org.lmobservatory.releases.Publisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.Optional;

/** load-graduates: confidential graduate records into protected, published indicators; derive-eqavet: EQAVET from them. */
@Command
public final class GraduateCommands implements CommandSet {
    private final Session session;

    public GraduateCommands(Session session) {
        this.session = session;
    }

    @Command(name = "load-graduates", description = {"Graduate records into protected indicators, published as a new release.",
            "The records stay confidential in staging. Thresholds not given are those of the current release (else 10 and 3)."})
    int loadGraduates(@Option(names = "--file", required = true, paramLabel = "F.csv", description = "The graduate records.") Path file,
                      @Option(names = "--dataset", paramLabel = "ID", defaultValue = "graduate-outcomes", description = "The dataset (default: ${DEFAULT-VALUE}).") String dataset,
                      @Option(names = "--definition", paramLabel = "D.json", description = "Dataset definition to apply first.") Path definition,
                      @Option(names = "--min-population", paramLabel = "N", description = "Smallest published population.") Integer minPopulation,
                      @Option(names = "--min-count", paramLabel = "N", description = "Smallest published count.") Integer minCount,
                      @Option(names = "--rounding", paramLabel = "none", converter = Rounding.class, hidden = true,
                              description = "Withdrawn: counts carry cell-key noise instead; only 'none' (or 0) is accepted.") Integer rounding,
                      @Option(names = "--note", paramLabel = "TEXT", description = "Release note.") String note) throws Exception {
        GraduateLoadOptions options = new GraduateLoadOptions(Optional.ofNullable(definition), Optional.ofNullable(minPopulation),
                Optional.ofNullable(minCount), Optional.ofNullable(rounding), note, true);
        var database = session.database();
        LoadService loader = new LoadService(database.owner());
        GraduateLoadReport report = new GraduateLoader(database.owner(), loader, new Publisher(database.owner()), session.err()::println)
                .load(dataset, file, options);
        LoaderCommands.printErrors(session.err(), report.errors(), report.errorCount());
        boolean invalid = report.status() == GraduateLoadReport.Status.INVALID;
        (invalid ? session.err() : session.out()).println(report.message());
        return invalid ? ExitCodes.REJECTED : ExitCodes.OK;
    }

    @Command(name = "derive-eqavet", description = {"EQAVET 5a, 5b and 6a of one country from the current release of graduate outcomes, published.",
            "Reads published values only (5a = 100 - NEET_RATE, 5b = EMP_RATE, 6a = IN_FIELD_RATE at M12); nothing new if already derived from that release."})
    int deriveEqavet(@Option(names = "--from", paramLabel = "ID", defaultValue = "graduate-outcomes", description = "The graduate outcomes dataset (default: ${DEFAULT-VALUE}).") String source,
                     @Option(names = "--dataset", paramLabel = "ID", defaultValue = "eqavet-bg", description = "The EQAVET dataset (default: ${DEFAULT-VALUE}).") String dataset,
                     @Option(names = "--country", paramLabel = "CODE", defaultValue = "BG", description = "The country whose areas and schools to derive (default: ${DEFAULT-VALUE}).") String country,
                     @Option(names = "--definition", paramLabel = "D.json", description = "EQAVET dataset definition to apply first.") Path definition) throws Exception {
        var database = session.database();
        if (definition != null) session.out().println("defined " + new LoadService(database.owner()).define(definition));
        session.out().println(new EqavetDerivation(database.owner(), new Publisher(database.owner())).derive(source, dataset, country).message());
        return ExitCodes.OK;
    }

    /** "none" or a whole number; GraduateLoadOptions explains why any base but 0 is refused. */
    static final class Rounding implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            if (value.equals("none")) return 0;
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not 'none' or a whole number");
            }
        }
    }
}
