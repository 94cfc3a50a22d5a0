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
 * NACE Rev. 2 with explanatory notes, one file per language (nace2,NAME,Parent,Include,Include_Also,Exclude; notes
 * span lines; sections have Parent "NA"). Importing the English and then the Bulgarian file into one codelist gives
 * each activity both labels. Levels follow the code's shape: A section, 01 division, 01.1 group, 01.11 class.
 */
final class Nace2Reader implements CodelistFileReader {
    static final List<String> COLUMNS = List.of("nace2", "NAME", "Parent");

    @Override
    public ImportedCodelist read(Path file, ImportOptions options, LoadErrors errors) throws IOException {
        String language = options.languageOr(file, "en");
        List<ImportedCode> codes = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        try (CsvTable table = CsvTable.open(file, ',', COLUMNS, errors)) {
            CsvTable.Row row;
            while ((row = table.next()) != null) {
                if (row.blank()) continue;
                String code = row.get("nace2");
                String label = row.get("NAME");
                String parent = row.get("Parent");
                String level = level(code);
                int before = errors.count();
                if (level == null) errors.add(row.line(), "nace2", code.isEmpty() ? "missing" : "'" + code + "' is not a NACE Rev. 2 code (A, 01, 01.1 or 01.11)");
                if (label.isEmpty()) errors.add(row.line(), "NAME", "missing for code '" + code + "'");
                boolean topLevel = parent.isEmpty() || parent.equals("NA");
                if (level != null && topLevel != level.equals("section")) {
                    errors.add(row.line(), "Parent", level.equals("section") ? "a section has no parent, found '" + parent + "'"
                            : "missing for " + level + " '" + code + "'");
                }
                if (errors.count() > before) continue;
                Integer seen = firstLine.putIfAbsent(code, row.line());
                if (seen != null) {
                    errors.add(row.line(), "nace2", "code '" + code + "' appears twice (first on line " + seen + ")");
                    continue;
                }
                codes.add(new ImportedCode(row.line(), "Parent", new CodeDef(code, topLevel ? null : parent, level, Map.of(language, label))));
            }
        }
        return new ImportedCodelist(codes, List.of(), options.version().orElse("NACE Rev. 2"),
                Map.of("en", "Economic activities (NACE Rev. 2)"), true);
    }

    private static String level(String code) {
        if (code.matches("[A-U]")) return "section";
        if (code.matches("[0-9]{2}")) return "division";
        if (code.matches("[0-9]{2}\\.[0-9]")) return "group";
        if (code.matches("[0-9]{2}\\.[0-9]{2}")) return "class";
        return null;
    }
}
