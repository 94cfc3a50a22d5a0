package org.lmobservatory;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The layout shows the architecture only while dependencies between packages point one way: a reader who follows an
 * import never comes back to where they started. Read from the sources, so it needs no bytecode tool.
 */
class PackageDependenciesTest {
    private static final Path SOURCES = Path.of("src/main/java/org/lmobservatory");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.lmobservatory\\.((?:[a-z]\\w*\\.)*[a-z]\\w*)\\.[A-Z]", Pattern.MULTILINE);

    /** Pairs allowed to import each other: none. (Kept as a list so that a deliberate exception is visible here.) */
    private static final Set<String> KNOWN = Set.of();

    @Test
    void noTwoPackagesImportEachOther() throws IOException {
        Map<String, Set<String>> imports = imports();
        Set<String> cycles = new TreeSet<>();
        imports.forEach((from, targets) -> targets.forEach(to -> {
            if (from.compareTo(to) < 0 && imports.getOrDefault(to, Set.of()).contains(from)) cycles.add(from + " <-> " + to);
        }));
        assertEquals(new TreeSet<>(KNOWN), cycles, "packages that import each other");
    }

    @Test
    void noPackageReachesItselfThroughOthers() throws IOException {
        Map<String, Set<String>> imports = imports();
        List<String> loops = new ArrayList<>();
        for (String start : imports.keySet()) {
            for (String reached : reachable(imports, start)) {
                if (!reached.equals(start) && reachable(imports, reached).contains(start)
                        && !KNOWN.contains(pair(start, reached)) && start.compareTo(reached) < 0) {
                    loops.add(start + " ... " + reached);
                }
            }
        }
        assertEquals(List.of(), loops.stream().filter(l -> !throughKnown(imports, l)).toList(), "longer import loops");
    }

    /** A longer loop that exists only because of a known pair is reported by the first test, not twice. */
    private static boolean throughKnown(Map<String, Set<String>> imports, String loop) {
        Map<String, Set<String>> without = new TreeMap<>();
        imports.forEach((from, to) -> {
            Set<String> kept = new TreeSet<>(to);
            kept.removeIf(t -> KNOWN.contains(pair(from, t)));
            without.put(from, kept);
        });
        String[] ends = loop.split(" \\.\\.\\. ");
        return !(reachable(without, ends[0]).contains(ends[1]) && reachable(without, ends[1]).contains(ends[0]));
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + " <-> " + b : b + " <-> " + a;
    }

    private static Set<String> reachable(Map<String, Set<String>> imports, String start) {
        Set<String> seen = new TreeSet<>();
        List<String> todo = new ArrayList<>(imports.getOrDefault(start, Set.of()));
        while (!todo.isEmpty()) {
            String p = todo.remove(todo.size() - 1);
            if (seen.add(p)) todo.addAll(imports.getOrDefault(p, Set.of()));
        }
        return seen;
    }

    private static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path dir = SOURCES.relativize(f.getParent());
                String from = dir.toString().isEmpty() ? "(root)" : dir.toString().replace('/', '.');
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).equals(from)) imports.computeIfAbsent(from, k -> new TreeSet<>()).add(m.group(1));
                }
            }
        }
        return imports;
    }
}
