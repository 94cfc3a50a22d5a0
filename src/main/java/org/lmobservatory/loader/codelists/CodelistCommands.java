package org.lmobservatory.loader.codelists;

import org.lmobservatory.cli.CommandSet;
import org.lmobservatory.cli.ExitCodes;
import org.lmobservatory.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.Optional;

/** import-codelist: codes from official lists (NUTS, LAU, ISCO-08, NACE Rev. 2) into a codelist. */
@Command
public final class CodelistCommands implements CommandSet {
    private final Session session;

    public CodelistCommands(Session session) {
        this.session = session;
    }

    @Command(name = "import-codelist", description = {"Import or merge codes from an official list into a codelist.",
            "nuts: NUTS list, history or validity; lau: LAU concordance; isco: ISCO-08; nace: NACE Rev. 2."})
    int importCodelist(@Option(names = "--format", required = true, paramLabel = "NAME", completionCandidates = Formats.class, converter = Formats.class,
                               description = "One of ${COMPLETION-CANDIDATES}.") String format,
                       @Option(names = "--file", required = true, paramLabel = "F", description = "The official file.") Path file,
                       @Option(names = "--id", required = true, paramLabel = "ID", description = "The codelist to create or merge into.") String id,
                       @Option(names = "--version", paramLabel = "V", description = "Version of the file's codes, e.g. NUTS2024.") String version,
                       @Option(names = "--lang", paramLabel = "xx", description = "Language of its labels (default: national, or from the file name).") String lang)
            throws Exception {
        CodelistImporter importer = new CodelistImporter(session.database().owner());
        session.out().println(importer.importFile(format, file, new ImportOptions(id, Optional.ofNullable(version), Optional.ofNullable(lang))).message());
        return ExitCodes.OK;
    }

    /** Lists the formats in help, and refuses an unknown one before anything runs. */
    static final class Formats implements Iterable<String>, CommandLine.ITypeConverter<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return CodelistImporter.FORMATS.iterator();
        }

        @Override
        public String convert(String value) {
            if (CodelistImporter.FORMATS.contains(value)) return value;
            throw new CommandLine.TypeConversionException("'" + value + "' is not a codelist format; use one of " + String.join(", ", CodelistImporter.FORMATS));
        }
    }
}
