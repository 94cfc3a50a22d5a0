package org.lmobservatory.loader.codelists;

import org.lmobservatory.catalogue.Code;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.loader.DefinitionFiles.CodeDef;
import org.lmobservatory.loader.DefinitionFiles.CodelistDef;
import org.lmobservatory.loader.DefinitionFiles.SuccessorDef;
import org.lmobservatory.loader.LoadErrors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Merges what a file contributes into the codelist as stored (or a new one): a code already there gains the file's
 * labels (per language) and versions, and takes its parent and level; a new code is added. Codes are then ordered
 * depth-first, so municipalities list under their region.
 */
final class CodelistMerger {
    private CodelistMerger() {
    }

    /** version: the one given on the command line; else the stored codelist keeps its own; a new one takes the file's. */
    static CodelistDef merge(String id, Codelist existing, ImportedCodelist imported, Optional<String> version, LoadErrors errors) {
        Map<String, CodeDef> codes = new LinkedHashMap<>();
        List<SuccessorDef> successors = new ArrayList<>();
        if (existing != null) {
            for (Code c : existing.codes()) {
                codes.put(c.id(), new CodeDef(c.id(), c.parent(), c.level(), c.labels(), c.validIn()));
                for (Code.Successor s : c.successors()) successors.add(new SuccessorDef(c.id(), s.id(), s.fromVersion(), s.toVersion(), s.kind()));
            }
        }
        for (ImportedCode i : imported.codes()) codes.merge(i.code().id(), i.code(), CodelistMerger::combine);
        if (imported.parentsRequired()) {
            for (ImportedCode i : imported.codes()) {
                String parent = i.code().parent();
                if (parent != null && !codes.containsKey(parent)) {
                    errors.add(i.line(), i.parentColumn(), "'" + parent + "', parent of '" + i.code().id() + "', is not a code of codelist '"
                            + id + "'; import the codes it belongs under into '" + id + "' first");
                }
            }
        }
        String listVersion = version.orElse(existing != null ? existing.version() : imported.version());
        return new CodelistDef(id, listVersion, existing == null ? imported.title() : existing.title(),
                existing == null ? Map.of() : existing.note(), depthFirst(codes),
                imported.successors().isEmpty() ? null : union(successors, imported.successors()));
    }

    private static CodeDef combine(CodeDef old, CodeDef added) {
        Map<String, String> labels = new LinkedHashMap<>(old.labels());
        labels.putAll(added.labels());
        List<String> validIn = old.validIn();
        if (added.validIn() != null) {
            TreeSet<String> all = new TreeSet<>(added.validIn());
            if (old.validIn() != null) all.addAll(old.validIn());
            validIn = List.copyOf(all);
        }
        return new CodeDef(old.id(), added.parent() != null ? added.parent() : old.parent(),
                added.level() != null ? added.level() : old.level(), labels, validIn);
    }

    private static List<SuccessorDef> union(List<SuccessorDef> stored, List<SuccessorDef> imported) {
        Map<String, SuccessorDef> out = new LinkedHashMap<>();
        for (SuccessorDef s : stored) out.put(s.code() + "\u0000" + s.fromVersion() + "\u0000" + s.successor(), s);
        for (SuccessorDef s : imported) out.put(s.code() + "\u0000" + s.fromVersion() + "\u0000" + s.successor(), s);
        return new ArrayList<>(out.values());
    }

    /** Roots in their order, each followed by its descendants; a code whose parent is missing counts as a root. */
    private static List<CodeDef> depthFirst(Map<String, CodeDef> codes) {
        Map<String, List<CodeDef>> children = new LinkedHashMap<>();
        List<CodeDef> roots = new ArrayList<>();
        for (CodeDef c : codes.values()) {
            if (c.parent() != null && codes.containsKey(c.parent()) && !c.parent().equals(c.id())) {
                children.computeIfAbsent(c.parent(), k -> new ArrayList<>()).add(c);
            } else {
                roots.add(c);
            }
        }
        List<CodeDef> out = new ArrayList<>(codes.size());
        java.util.Set<String> placed = new java.util.HashSet<>();
        java.util.ArrayDeque<CodeDef> stack = new java.util.ArrayDeque<>();
        for (int r = roots.size() - 1; r >= 0; r--) stack.push(roots.get(r));
        while (!stack.isEmpty()) {
            CodeDef c = stack.pop();
            if (!placed.add(c.id())) continue;
            out.add(c);
            List<CodeDef> kids = children.getOrDefault(c.id(), List.of());
            for (int k = kids.size() - 1; k >= 0; k--) stack.push(kids.get(k));
        }
        // A parent cycle (A under B under A) has no root; keep such codes rather than lose them.
        for (CodeDef c : codes.values()) if (placed.add(c.id())) out.add(c);
        return out;
    }
}
