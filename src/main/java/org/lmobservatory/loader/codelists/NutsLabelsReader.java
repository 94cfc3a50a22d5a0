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

/**
 * Eurostat's NUTS list as spreadsheets export it ("Country code;NUTS Code;NUTS label;NUTS level;…", often with a BOM,
 * CRLF, trailing empty columns and blank rows). Levels 1-3 become major-region, region, district; each country is
 * added as a code of level country (the lists hold regions only); parents follow from the code prefix. Labels are
 * national: stored under --lang when given, else under the country's language (BG → bg, CZ → cs).
 */
final class NutsLabelsReader implements CodelistFileReader {
    static final List<String> COLUMNS = List.of("Country code", "NUTS Code", "NUTS label", "NUTS level");

    @Override
    public ImportedCodelist read(Path file, ImportOptions options, LoadErrors errors) throws IOException {
        Map<String, ImportedCode> codes = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        List<String> validIn = options.version().map(List::of).orElse(null);
        try (CsvTable table = CsvTable.open(file, CsvTable.sniffSeparator(file), COLUMNS, errors)) {
            CsvTable.Row row;
            while ((row = table.next()) != null) {
                if (row.blank()) continue;
                String code = row.get("NUTS Code");
                String country = row.get("Country code");
                String label = row.get("NUTS label");
                String levelText = row.get("NUTS level");
                int before = errors.count();
                if (code.isEmpty()) {
                    errors.add(row.line(), "NUTS Code", "missing; every region row needs its NUTS code");
                    continue;
                }
                if (!NutsCodes.CODE.matcher(code).matches()) {
                    errors.add(row.line(), "NUTS Code", "'" + code + "' is not a NUTS code (two capital letters, then up to three letters or digits)");
                    continue;
                }
                Integer level = level(levelText);
                if (level == null) {
                    errors.add(row.line(), "NUTS level", "'" + levelText + "' is not a NUTS level 0-3");
                } else if (level != code.length() - 2) {
                    errors.add(row.line(), "NUTS level", "level " + level + " does not fit code '" + code + "', a level-"
                            + (code.length() - 2) + " code");
                }
                if (!country.isEmpty() && !code.startsWith(country)) {
                    errors.add(row.line(), "Country code", "'" + country + "' does not match the code '" + code + "'");
                }
                if (label.isEmpty()) errors.add(row.line(), "NUTS label", "missing for code '" + code + "'");
                Integer seen = firstLine.putIfAbsent(code, row.line());
                if (seen != null) {
                    errors.add(row.line(), "NUTS Code", "code '" + code + "' appears twice (first on line " + seen + ")");
                }
                if (errors.count() > before) continue;
                String countryCode = code.substring(0, 2);
                String language = options.language().orElse(NutsCountries.language(countryCode));
                if (!codes.containsKey(countryCode)) {
                    // Line 0: made up from the code, not read from a row of the file.
                    codes.put(countryCode, new ImportedCode(0, null, new CodeDef(countryCode, null, "country",
                            new LinkedHashMap<>(Map.of("en", NutsCountries.name(countryCode))), validIn)));
                }
                Map<String, String> labels = new LinkedHashMap<>();
                if (code.length() == 2) labels.putAll(codes.get(code).code().labels());
                labels.put(language, label);
                codes.put(code, new ImportedCode(row.line(), "NUTS Code",
                        new CodeDef(code, NutsCodes.parent(code), NutsCodes.level(code), labels, validIn)));
            }
        }
        return new ImportedCodelist(new ArrayList<>(codes.values()), List.of(), options.version().orElse(null),
                Map.of("en", "Territorial units (NUTS)"), true);
    }

    private static Integer level(String text) {
        try {
            int level = Integer.parseInt(text);
            return level >= 0 && level <= 3 ? level : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
