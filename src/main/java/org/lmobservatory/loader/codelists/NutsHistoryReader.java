package org.lmobservatory.loader.codelists;

import org.lmobservatory.loader.DefinitionFiles.CodeDef;
import org.lmobservatory.loader.DefinitionFiles.SuccessorDef;
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
 * The NUTS code history (rOpenGov's nuts_changes: typology, start_year, end_year, code_1999 … code_2021,
 * geo_name_…, change_…). A row follows one territory through the versions; the codes it shows give each code the
 * versions it is valid in (NUTS1999 … NUTS2021), a code that differs from the previous version's is a successor step,
 * and the change text says what kind of step it was. Every code of every version becomes a code of the list, so
 * data in an older version can be recognised and recoded.
 */
final class NutsHistoryReader implements CodelistFileReader {
    private static final Pattern VERSION_COLUMN = Pattern.compile("code_(\\d{4})");
    private static final Pattern TOKEN = Pattern.compile("ex-|[a-z0-9]+");

    /** A code cell: "PL127", or "FI1B1 (part)" when only part of the territory is meant. */
    private record Cell(String code, boolean partial) {
    }

    private record StepKey(String code, String successor, String from) {
    }

    private final Map<String, ImportedCode> firstSeen = new LinkedHashMap<>();
    private final Map<String, TreeSet<String>> validIn = new HashMap<>();
    private final Map<String, String> label = new HashMap<>();
    private final Map<String, String> labelVersion = new HashMap<>();
    private final Map<StepKey, SuccessorDef> steps = new LinkedHashMap<>();

    @Override
    public ImportedCodelist read(Path file, ImportOptions options, LoadErrors errors) throws IOException {
        List<String> years = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try (CsvTable table = CsvTable.open(file, ',', List.of("typology"), errors)) {
            for (String column : table.columns()) {
                Matcher m = VERSION_COLUMN.matcher(column);
                if (m.matches()) years.add(m.group(1));
            }
            years.sort(null);
            if (errors.count() == 0 && years.size() < 2) {
                errors.add(1, null, "a NUTS history needs code_<year> columns for at least two versions, e.g. code_2016,code_2021");
                return null;
            }
            CsvTable.Row row;
            while ((row = table.next()) != null) {
                if (row.blank()) continue;
                List<Cell> cells = new ArrayList<>();
                for (String year : years) cells.add(cell(row, year, errors));
                rows.add(new Row(row.line(), cells, texts(row, years, "change_"), texts(row, years, "geo_name_")));
            }
        }
        for (Row r : rows) collectCodes(r, years, options);
        for (Row r : rows) collectSteps(r, years);
        List<ImportedCode> codes = new ArrayList<>();
        for (ImportedCode seen : firstSeen.values()) {
            String id = seen.code().id();
            Map<String, String> labels = new LinkedHashMap<>();
            if (label.containsKey(id)) labels.put(options.language().orElse(NutsCountries.language(id.substring(0, 2))), label.get(id));
            if (id.length() == 2 && !labels.containsKey("en")) labels.put("en", NutsCountries.name(id));
            codes.add(new ImportedCode(seen.line(), seen.parentColumn(), new CodeDef(id,
                    NutsCodes.nearestExistingParent(id, firstSeen.keySet()), NutsCodes.level(id), labels,
                    List.copyOf(validIn.get(id)))));
        }
        String latest = version(years.get(years.size() - 1));
        return new ImportedCodelist(codes, SuccessorKinds.normalise(new ArrayList<>(steps.values())),
                options.version().orElse(latest), Map.of("en", "Territorial units (NUTS), all versions"), false);
    }

    private record Row(int line, List<Cell> cells, List<String> changes, List<String> names) {
    }

    private static Cell cell(CsvTable.Row row, String year, LoadErrors errors) {
        String text = row.get("code_" + year);
        boolean partial = NutsCodes.isPart(text);
        String code = NutsCodes.withoutPart(text);
        if (code.isEmpty()) return null;
        if (!NutsCodes.CODE.matcher(code).matches()) {
            errors.add(row.line(), "code_" + year, "'" + text + "' is not a NUTS code (optionally followed by \"(part)\")");
            return null;
        }
        return new Cell(code, partial);
    }

    private static List<String> texts(CsvTable.Row row, List<String> years, String prefix) {
        return years.stream().map(y -> row.get(prefix + y)).toList();
    }

    static String version(String year) {
        return "NUTS" + year;
    }

    /** Which versions each code is valid in, and its name in the latest version that names it. */
    private void collectCodes(Row r, List<String> years, ImportOptions options) {
        for (int i = 0; i < years.size(); i++) {
            Cell c = r.cells().get(i);
            if (c == null) continue;
            firstSeen.putIfAbsent(c.code(), new ImportedCode(r.line(), "code_" + years.get(i), new CodeDef(c.code(), null, null, Map.of())));
            validIn.computeIfAbsent(c.code(), k -> new TreeSet<>()).add(version(years.get(i)));
            String name = nameFor(r, i);
            String at = years.get(i);
            if (name != null && (labelVersion.get(c.code()) == null || labelVersion.get(c.code()).compareTo(at) <= 0)) {
                label.put(c.code(), name);
                labelVersion.put(c.code(), at);
            }
        }
    }

    /** The name in the code's own version column, else the next one to the right (the history shifts names by a version). */
    private static String nameFor(Row r, int i) {
        for (int j = i; j < r.names().size(); j++) {
            if (!r.names().get(j).isEmpty()) return r.names().get(j);
            if (j > i && r.cells().get(j) != null) break;
        }
        for (String n : r.names()) if (!n.isEmpty()) return n;
        return null;
    }

    private void collectSteps(Row r, List<String> years) {
        for (int i = 1; i < years.size(); i++) {
            Cell before = r.cells().get(i - 1);
            Cell after = r.cells().get(i);
            String change = r.changes().get(i).toLowerCase();
            String from = version(years.get(i - 1));
            String to = version(years.get(i));
            if (before != null && after != null && !before.code().equals(after.code())) {
                step(before.code(), after.code(), from, to, SuccessorKinds.ofStep(change, before.partial(), after.partial()));
            } else if (before != null && after == null && !change.isEmpty()) {
                // Discontinued: successors only in the text ("split into new pl91 and pl92", "now part of NO082").
                for (String next : mentioned(change, false, before.code().length())) {
                    step(before.code(), next, from, to, SuccessorKinds.ofDiscontinued(change));
                }
            } else if (before == null && after != null && change.contains("ex-")) {
                // New: predecessors only in the text ("merge of ex-NO072 and NO073"); other levels are ignored.
                List<String> previous = mentioned(change, true, after.code().length());
                for (String old : previous) step(old, after.code(), from, to, SuccessorKinds.ofNew(change, previous.size()));
            }
        }
    }

    private void step(String code, String successor, String from, String to, String kind) {
        StepKey key = new StepKey(code, successor, from);
        SuccessorDef old = steps.get(key);
        if (old == null || SuccessorKinds.severity(kind) > SuccessorKinds.severity(old.kind())) {
            steps.put(key, new SuccessorDef(code, successor, from, to, kind));
        }
    }

    /**
     * Codes a change text names, of the given length (level): former ones after "ex-" or new ones after "new",
     * "into", "of". "minus"/"plus"/"lost" start a part that is neither ("equals ex-pl127 … minus new pl926").
     */
    private List<String> mentioned(String change, boolean former, int length) {
        List<String> out = new ArrayList<>();
        Boolean formerPart = null;
        Matcher m = TOKEN.matcher(change);
        while (m.find()) {
            String token = m.group();
            switch (token) {
                case "ex-" -> formerPart = true;
                case "new", "into", "of" -> formerPart = false;
                case "minus", "plus", "lost" -> formerPart = null;
                default -> {
                    String code = token.toUpperCase();
                    if (formerPart != null && formerPart == former && code.length() == length && firstSeen.containsKey(code)
                            && !out.contains(code)) {
                        out.add(code);
                    }
                }
            }
        }
        return out;
    }
}
