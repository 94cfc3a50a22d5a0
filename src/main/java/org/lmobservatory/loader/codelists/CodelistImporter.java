package org.lmobservatory.loader.codelists;

import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.loader.CodelistDao;
import org.lmobservatory.loader.DefinitionFiles.CodelistDef;
import org.lmobservatory.loader.DefinitionFiles.InvalidDefinitionException;
import org.lmobservatory.loader.DefinitionStore;
import org.lmobservatory.loader.LoadError;
import org.lmobservatory.loader.LoadErrors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Imports a codelist from an official source file into the catalogue: picks the reader of the file's layout,
 * merges its codes into the codelist (created when new) and stores the result in one transaction. A file with any
 * error stores nothing; the errors name file, line, column and reason.
 */
public final class CodelistImporter {
    public static final List<String> FORMATS = List.of("nuts", "lau", "isco", "nace");
    private static final Map<String, Supplier<CodelistFileReader>> SINGLE_LAYOUT = Map.of(
            "lau", LauConcordanceReader::new, "isco", IscoGroupsReader::new, "nace", Nace2Reader::new);

    /** What an import did. */
    public record Result(String codelistId, int codes, int codesInFile, int successors, double seconds) {
        public String message() {
            return String.format("codelist %s: %d codes after importing %d from the file%s in %.2f s", codelistId, codes, codesInFile,
                    successors > 0 ? " (" + successors + " successor steps)" : "", seconds);
        }
    }

    private final Jdbi jdbi;
    private final DefinitionStore store;

    public CodelistImporter(Jdbi ownerJdbi) {
        this.jdbi = ownerJdbi;
        this.store = new DefinitionStore(ownerJdbi);
    }

    public Result importFile(String format, Path file, ImportOptions options) throws IOException {
        long started = System.nanoTime();
        String name = file.getFileName().toString();
        LoadErrors errors = LoadErrors.namingColumns(name);
        if (!options.codelistId().matches("[A-Za-z][A-Za-z0-9_.-]*")) {
            throw new InvalidDefinitionException(List.of(new LoadError(name, 0, "--id",
                    "codelist id '" + options.codelistId() + "' must match [A-Za-z][A-Za-z0-9_.-]*")));
        }
        if (options.language().isPresent() && !options.language().get().matches("[a-z]{2,3}")) {
            throw new InvalidDefinitionException(List.of(new LoadError(name, 0, "--lang",
                    "language '" + options.language().get() + "' must be an ISO 639 code such as en, bg, cs")));
        }
        if (!Files.isReadable(file)) {
            throw new InvalidDefinitionException(List.of(new LoadError(name, 0, null, "cannot read " + file)));
        }
        CodelistFileReader reader = reader(format, file, errors);
        ImportedCodelist imported = reader == null ? null : reader.read(file, options, errors);
        errors.throwIfAny();
        Codelist existing = existing(options.codelistId());
        CodelistDef merged = CodelistMerger.merge(options.codelistId(), existing, imported, options.version(), errors);
        errors.throwIfAny();
        store.save(merged);
        return new Result(merged.id(), merged.codes().size(), imported.codes().size(),
                merged.successors() == null ? 0 : merged.successors().size(), (System.nanoTime() - started) / 1e9);
    }

    private static CodelistFileReader reader(String format, Path file, LoadErrors errors) throws IOException {
        if (SINGLE_LAYOUT.containsKey(format)) return SINGLE_LAYOUT.get(format).get();
        if (!format.equals("nuts")) {
            throw new IllegalArgumentException("Unknown codelist format '" + format + "'. Known formats: " + String.join(", ", FORMATS));
        }
        // Three NUTS sources, told apart by their header.
        List<String> header = List.of(CsvTable.firstLine(file).replace("\"", "").split("[;,]"));
        if (header.contains("NUTS Code")) return new NutsLabelsReader();
        if (header.contains("typology") && header.stream().anyMatch(h -> h.startsWith("code_"))) return new NutsHistoryReader();
        if (header.containsAll(NutsValidityReader.COLUMNS)) return new NutsValidityReader();
        errors.add(1, null, "not a NUTS layout this importer knows: expected a Eurostat NUTS list (" + String.join(";", NutsLabelsReader.COLUMNS)
                + ";…), a NUTS history (typology,…,code_2016,code_2021,…,change_2021) or a validity list (typology,geo,nuts)");
        return null;
    }

    private Codelist existing(String id) {
        boolean exists = jdbi.withExtension(CodelistDao.class, dao -> dao.exists(id));
        return exists ? new CatalogueService(jdbi).codelist(id) : null;
    }
}
