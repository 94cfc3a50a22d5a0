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
 * A LAU → NUTS concordance (GISCO/EDJNet: gisco_id,…,country,nuts_2,nuts_3,lau_id,lau_name,…): one municipality per
 * row, id "<country>_<lau_id>" (FI_091), level municipality, parent its NUTS 3 region, which must already be a code
 * of the codelist. Names are national; Finnish ones are "Finnish / Swedish" and are stored as fi and sv.
 */
final class LauConcordanceReader implements CodelistFileReader {
    static final List<String> COLUMNS = List.of("country", "nuts_3", "lau_id", "lau_name");

    @Override
    public ImportedCodelist read(Path file, ImportOptions options, LoadErrors errors) throws IOException {
        List<ImportedCode> codes = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        try (CsvTable table = CsvTable.open(file, CsvTable.sniffSeparator(file), COLUMNS, errors)) {
            CsvTable.Row row;
            while ((row = table.next()) != null) {
                if (row.blank()) continue;
                String country = row.get("country");
                String lau = row.get("lau_id");
                String nuts3 = row.get("nuts_3");
                String name = row.get("lau_name");
                int before = errors.count();
                if (!country.matches("[A-Z]{2}")) errors.add(row.line(), "country", country.isEmpty() ? "missing" : "'" + country + "' is not a two-letter country code");
                if (lau.isEmpty()) errors.add(row.line(), "lau_id", "missing");
                else if (!lau.matches("[0-9A-Za-z]+")) errors.add(row.line(), "lau_id", "'" + lau + "' has characters other than letters and digits");
                if (nuts3.isEmpty()) errors.add(row.line(), "nuts_3", "missing; every municipality needs its NUTS 3 region");
                else if (!NutsCodes.CODE.matcher(nuts3).matches() || nuts3.length() != 5 || !nuts3.startsWith(country)) {
                    errors.add(row.line(), "nuts_3", "'" + nuts3 + "' is not a NUTS 3 code of country '" + country + "'");
                }
                if (name.isEmpty()) errors.add(row.line(), "lau_name", "missing");
                if (errors.count() > before) continue;
                String id = country + "_" + lau;
                Integer seen = firstLine.putIfAbsent(id, row.line());
                if (seen != null) {
                    errors.add(row.line(), "lau_id", "municipality '" + id + "' appears twice (first on line " + seen + ")");
                    continue;
                }
                codes.add(new ImportedCode(row.line(), "nuts_3", new CodeDef(id, nuts3, "municipality", labels(country, name, options))));
            }
        }
        return new ImportedCodelist(codes, List.of(), null, Map.of("en", "Territorial units (NUTS and municipalities)"), true);
    }

    private static Map<String, String> labels(String country, String name, ImportOptions options) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (options.language().isPresent()) {
            labels.put(options.language().get(), name);
        } else if (country.equals("FI") && name.contains(" / ")) {
            // GISCO writes bilingual Finnish municipalities Finnish first: "Helsinki / Helsingfors", "Närpiö / Närpes".
            int slash = name.indexOf(" / ");
            labels.put("fi", name.substring(0, slash).trim());
            labels.put("sv", name.substring(slash + 3).trim());
        } else {
            labels.put(NutsCountries.language(country), name);
        }
        return labels;
    }
}
