package org.lmobservatory.loader.codelists;

import org.lmobservatory.loader.DefinitionFiles.CodeDef;
import org.lmobservatory.loader.LoadErrors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which NUTS versions each code is valid in (rOpenGov's all_valid_nuts_codes: typology,geo,nuts with nuts like
 * "code_2016"). It carries no names: codes already in the codelist keep theirs and gain the versions; new codes
 * come without a label until a list with names is imported into the same codelist.
 */
final class NutsValidityReader implements CodelistFileReader {
    static final List<String> COLUMNS = List.of("typology", "geo", "nuts");
    private static final Pattern VERSION = Pattern.compile("code_(\\d{4})");

    @Override
    public ImportedCodelist read(Path file, ImportOptions options, LoadErrors errors) throws IOException {
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        Map<String, TreeSet<String>> validIn = new HashMap<>();
        String latest = null;
        try (CsvTable table = CsvTable.open(file, ',', COLUMNS, errors)) {
            CsvTable.Row row;
            while ((row = table.next()) != null) {
                if (row.blank()) continue;
                // As in the history it comes from, "DE80K (part)" means the code DE80K.
                String code = NutsCodes.withoutPart(row.get("geo"));
                Matcher version = VERSION.matcher(row.get("nuts"));
                if (!NutsCodes.CODE.matcher(code).matches()) {
                    errors.add(row.line(), "geo", code.isEmpty() ? "missing" : "'" + row.get("geo") + "' is not a NUTS code");
                    continue;
                }
                if (!version.matches()) {
                    errors.add(row.line(), "nuts", "'" + row.get("nuts") + "' is not a version column name like code_2021");
                    continue;
                }
                String v = NutsHistoryReader.version(version.group(1));
                if (latest == null || v.compareTo(latest) > 0) latest = v;
                firstLine.putIfAbsent(code, row.line());
                validIn.computeIfAbsent(code, k -> new TreeSet<>()).add(v);
            }
        }
        List<ImportedCode> codes = new ArrayList<>();
        for (Map.Entry<String, Integer> e : firstLine.entrySet()) {
            String id = e.getKey();
            Map<String, String> labels = id.length() == 2 ? Map.of("en", NutsCountries.name(id)) : Map.of();
            codes.add(new ImportedCode(e.getValue(), "geo", new CodeDef(id, NutsCodes.nearestExistingParent(id, firstLine.keySet()),
                    NutsCodes.level(id), labels, List.copyOf(validIn.get(id)))));
        }
        return new ImportedCodelist(codes, List.of(), options.version().orElse(latest),
                Map.of("en", "Territorial units (NUTS), all versions"), false);
    }
}
