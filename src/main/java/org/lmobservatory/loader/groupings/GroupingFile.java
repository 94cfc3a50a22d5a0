package org.lmobservatory.loader.groupings;

import com.fasterxml.jackson.databind.JsonNode;
import org.lmobservatory.db.Json;
import org.lmobservatory.loader.DefinitionFiles.InvalidDefinitionException;
import org.lmobservatory.loader.DefinitionFiles.Problems;
import org.lmobservatory.loader.JsonLines;
import org.lmobservatory.loader.LoadError;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads a grouping file (one grouping of the codes of one codelist, JSON) and checks it against that codelist. Every
 * problem names the file, the line and the JSON path of the value to fix, and all of them are reported at once.
 */
public final class GroupingFile {
    static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    /** validTo is inclusive; a null bound is open. */
    public record GroupDef(String code, Map<String, String> labels, LocalDate validFrom, LocalDate validTo, List<String> members) {
    }

    /** checksum: of the parsed content, so reformatting the file does not make a new version. */
    public record GroupingDef(String id, String codelist, Map<String, String> labels, Map<String, String> description,
                              List<GroupDef> groups, String checksum) {
    }

    /** What the file is checked against: the codelist's codes, and the group codes other groupings of it use. */
    public interface Codes {
        boolean codelistExists(String codelist);

        Predicate<String> codesOf(String codelist);

        /** Group code → the grouping that uses it, over the codelist, other than the grouping being loaded. */
        Map<String, String> otherGroupCodes(String codelist, String groupingId);
    }

    private GroupingFile() {
    }

    public static GroupingDef read(Path file, Codes codes) {
        String name = file.getFileName().toString();
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InvalidDefinitionException(List.of(new LoadError(name, line, null, "not valid JSON: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new InvalidDefinitionException(List.of(new LoadError(name, 0, null, "cannot read the file: " + e.getMessage())));
        }
        Problems p = new Problems(name, JsonLines.of(file)::line);
        if (root == null || !root.isObject()) {
            p.add("$", "expected a JSON object with id, codelist, labels and groups");
            p.throwIfAny();
        }
        String id = text(root, "id");
        if (id == null) p.add("$.id", "missing");
        else if (!ID.matcher(id).matches()) p.add("$.id", "'" + id + "' must match " + ID.pattern());
        String codelist = text(root, "codelist");
        Predicate<String> inCodelist = c -> false;
        Map<String, String> taken = Map.of();
        if (codelist == null) {
            p.add("$.codelist", "missing; name the codelist whose codes are grouped, e.g. GEO");
        } else if (!codes.codelistExists(codelist)) {
            p.add("$.codelist", "there is no codelist '" + codelist + "'; define it first");
            codelist = null;
        } else {
            inCodelist = codes.codesOf(codelist);
            taken = codes.otherGroupCodes(codelist, id);
        }
        Map<String, String> labels = p.labels(root.path("labels"), "$.labels", true);
        Map<String, String> description = p.labels(root.path("description"), "$.description", false);
        List<GroupDef> groups = new ArrayList<>();
        JsonNode list = root.path("groups");
        if (!list.isArray() || list.isEmpty()) p.add("$.groups", "expected a non-empty array of groups");
        // A code may come back with another period of validity (its members changed), never with an overlapping one.
        Map<String, List<LocalDate[]>> periods = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "$.groups[" + i + "]";
            JsonNode g = list.get(i);
            String code = text(g, "code");
            if (code == null) {
                p.add(at + ".code", "missing");
            } else if (!ID.matcher(code).matches()) {
                p.add(at + ".code", "'" + code + "' must match " + ID.pattern());
            } else if (periods.containsKey(code)) {
                // Checked with the validity below.
            } else if (codelist != null && inCodelist.test(code)) {
                p.add(at + ".code", "'" + code + "' is already a code of codelist " + codelist + "; a group needs a code of its own, or geo=" + code + " would be ambiguous");
            } else if (taken.containsKey(code)) {
                p.add(at + ".code", "'" + code + "' is already a group of grouping " + taken.get(code) + " over " + codelist);
            }
            Map<String, String> groupLabels = p.labels(g.path("labels"), at + ".labels", true);
            LocalDate from = p.date(g, at, "validFrom");
            LocalDate to = p.date(g, at, "validTo");
            if (from != null && to != null && to.isBefore(from)) {
                p.add(at + ".validTo", "validTo " + to + " is before validFrom " + from + "; validity must be ordered");
            }
            if (code != null && ID.matcher(code).matches() && (from == null || to == null || !to.isBefore(from))) {
                for (LocalDate[] other : periods.getOrDefault(code, List.of())) {
                    if (overlap(from, to, other[0], other[1])) {
                        p.add(at + ".validFrom", "group '" + code + "' is already valid " + period(other[0], other[1])
                                + "; a group code may appear again only for another period (validFrom..validTo must not overlap)");
                        break;
                    }
                }
                periods.computeIfAbsent(code, k -> new ArrayList<>()).add(new LocalDate[]{from, to});
            }
            List<String> members = new ArrayList<>();
            JsonNode ms = g.path("members");
            if (!ms.isArray() || ms.isEmpty()) p.add(at + ".members", "expected a non-empty array of codes of " + (codelist == null ? "the codelist" : codelist));
            Set<String> inGroup = new HashSet<>();
            for (int m = 0; m < ms.size(); m++) {
                String mAt = at + ".members[" + m + "]";
                JsonNode member = ms.get(m);
                if (!member.isTextual()) {
                    p.add(mAt, "expected a code (a string)");
                    continue;
                }
                String c = member.asText();
                if (!inGroup.add(c)) p.add(mAt, "member '" + c + "' appears twice in group " + code);
                else if (codelist != null && !inCodelist.test(c)) p.add(mAt, "'" + c + "' is not a code of codelist " + codelist);
                members.add(c);
            }
            groups.add(new GroupDef(code, groupLabels, from, to, List.copyOf(members)));
        }
        p.throwIfAny();
        return new GroupingDef(id, codelist, labels, description, List.copyOf(groups), checksum(root));
    }

    /** Inclusive periods, null bounds open. */
    private static boolean overlap(LocalDate from1, LocalDate to1, LocalDate from2, LocalDate to2) {
        return (to1 == null || from2 == null || !to1.isBefore(from2)) && (to2 == null || from1 == null || !to2.isBefore(from1));
    }

    private static String period(LocalDate from, LocalDate to) {
        return (from == null ? "from the start" : "from " + from) + (to == null ? " with no end" : " to " + to);
    }

    private static String checksum(JsonNode root) {
        try {
            byte[] canonical = Json.MAPPER.writeValueAsBytes(Json.MAPPER.treeToValue(root, Object.class));
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
