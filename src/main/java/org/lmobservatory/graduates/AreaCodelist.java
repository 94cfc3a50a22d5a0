package org.lmobservatory.graduates;

import org.jdbi.v3.core.Handle;
import org.lmobservatory.catalogue.Code;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.db.Json;
import org.lmobservatory.loader.CodelistDao;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The territorial codelist of a graduate dataset, generated from the schools in the file: country, region,
 * municipality (GEO codes and labels) and school below them. The published tables add up along exactly this tree,
 * and geoLevel=school&amp;geoParent=FI1B works on it. Codes are only ever added or updated, never removed, so older
 * releases keep their labels.
 */
final class AreaCodelist {
    record AreaCode(String id, String parent, String level, Map<String, String> labels) {
    }

    private AreaCodelist() {
    }

    /** The codes the schools need, parents before children. */
    static List<AreaCode> codes(Codelist geo, Collection<GraduateRecordsReader.School> schools) {
        Map<String, AreaCode> out = new LinkedHashMap<>();
        for (GraduateRecordsReader.School s : schools) {
            out.putIfAbsent(s.country(), fromGeo(geo, s.country(), null, "country"));
            out.putIfAbsent(s.region(), fromGeo(geo, s.region(), s.country(), "region"));
            out.putIfAbsent(s.municipality(), fromGeo(geo, s.municipality(), s.region(), "municipality"));
            out.put(s.code(), new AreaCode(s.code(), s.municipality(), "school", Map.of("en", s.name() == null ? s.code() : s.name())));
        }
        return List.copyOf(out.values());
    }

    /** Merges the codes into the stored codelist (created if missing) and renumbers the sort order as a tree walk. */
    static void save(Handle h, String codelistId, Map<String, String> title, List<AreaCode> codes, Codelist geo) {
        CodelistDao codelists = h.attach(CodelistDao.class);
        Map<String, AreaCode> all = new LinkedHashMap<>();
        for (CodelistDao.StoredCode c : codelists.codes(codelistId)) {
            all.put(c.id(), new AreaCode(c.id(), c.parent(), c.level(), Json.labels(c.labels())));
        }
        for (AreaCode c : codes) all.put(c.id(), c);
        codelists.upsertTitle(codelistId, Json.write(title));
        List<CodelistDao.CodeRow> rows = new ArrayList<>();
        for (AreaCode c : treeOrder(all.values(), geo)) {
            rows.add(new CodelistDao.CodeRow(c.id(), c.parent(), c.level(), Json.write(c.labels()), rows.size(), null));
        }
        if (!rows.isEmpty()) codelists.upsertCodes(codelistId, rows);
    }

    private static AreaCode fromGeo(Codelist geo, String id, String parent, String level) {
        Code c = geo.code(id).orElseThrow();
        return new AreaCode(id, parent, level, c.labels());
    }

    /** Parents before children; areas in GEO order, schools by code. */
    private static List<AreaCode> treeOrder(Collection<AreaCode> codes, Codelist geo) {
        Map<String, List<AreaCode>> children = new HashMap<>();
        List<AreaCode> roots = new ArrayList<>();
        for (AreaCode c : codes) {
            if (c.parent() == null) roots.add(c);
            else children.computeIfAbsent(c.parent(), k -> new ArrayList<>()).add(c);
        }
        Comparator<AreaCode> order = Comparator.comparingInt((AreaCode c) -> "school".equals(c.level()) ? Integer.MAX_VALUE : geo.sortOrder(c.id()))
                .thenComparing(AreaCode::id);
        List<AreaCode> out = new ArrayList<>();
        roots.sort(order.reversed());
        List<AreaCode> stack = new ArrayList<>(roots);
        while (!stack.isEmpty()) {
            AreaCode c = stack.remove(stack.size() - 1);
            out.add(c);
            List<AreaCode> kids = new ArrayList<>(children.getOrDefault(c.id(), List.of()));
            kids.sort(order.reversed());
            stack.addAll(kids);
        }
        return out;
    }
}
