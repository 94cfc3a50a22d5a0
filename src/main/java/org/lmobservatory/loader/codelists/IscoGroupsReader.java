package org.lmobservatory.loader.codelists;

import org.lmobservatory.loader.DefinitionFiles.CodeDef;
import org.lmobservatory.loader.LoadErrors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ISCO-08 groups as ESCO publishes them (conceptType,conceptUri,code,preferredLabel,altLabels,inScheme,description;
 * descriptions span lines). The code's length is its level (1 major, 2 sub-major, 3 minor, 4 unit group) and its
 * prefix one digit shorter is its parent.
 */
final class IscoGroupsReader implements CodelistFileReader {
    static final List<String> COLUMNS = List.of("code", "preferredLabel");
    private static final List<String> LEVELS = List.of("major", "sub-major", "minor", "unit");

    @Override
    public ImportedCodelist read(Path file, ImportOptions options, LoadErrors errors) throws IOException {
        String language = options.languageOr(file, "en");
        List<ImportedCode> codes = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        try (CsvTable table = CsvTable.open(file, ',', COLUMNS, errors)) {
            CsvTable.Row row;
            while ((row = table.next()) != null) {
                if (row.blank()) continue;
                String code = row.get("code");
                String label = row.get("preferredLabel");
                if (!code.matches("[0-9]{1,4}")) {
                    errors.add(row.line(), "code", code.isEmpty() ? "missing" : "'" + code + "' is not an ISCO-08 code (1 to 4 digits)");
                    continue;
                }
                if (label.isEmpty()) {
                    errors.add(row.line(), "preferredLabel", "missing for code '" + code + "'");
                    continue;
                }
                Integer seen = firstLine.putIfAbsent(code, row.line());
                if (seen != null) {
                    errors.add(row.line(), "code", "code '" + code + "' appears twice (first on line " + seen + ")");
                    continue;
                }
                String parent = code.length() == 1 ? null : code.substring(0, code.length() - 1);
                codes.add(new ImportedCode(row.line(), "code", new CodeDef(code, parent, LEVELS.get(code.length() - 1), Map.of(language, label))));
            }
        }
        return new ImportedCodelist(codes, List.of(), options.version().orElse("ISCO-08"),
                Map.of("en", "Occupations (ISCO-08)"), true);
    }
}
