package org.lmobservatory.graduates;

import org.jdbi.v3.core.Handle;
import org.lmobservatory.catalogue.Code;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.db.Json;

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
        Map<String, AreaCode> all = new LinkedHashMap<>();
        h.createQuery("SELECT code_id, parent_id, level, labels::text AS labels, sort_order FROM published.code WHERE codelist_id = :id ORDER BY sort_order")
                .bind("id", codelistId)
                .map((rs, ctx) -> all.put(rs.getString("code_id"), new AreaCode(rs.getString("code_id"), rs.getString("parent_id"),
                        rs.getString("level"), Json.labels(rs.getString("labels")))))
                .list();
        for (AreaCode c : codes) all.put(c.id(), c);
        h.createUpdate("""
                        INSERT INTO published.codelist (id, title, updated_at) VALUES (:id, CAST(:title AS jsonb), now())
                        ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, updated_at = now()
                        """)
                .bind("id", codelistId).bind("title", Json.write(title)).execute();
        var batch = h.prepareBatch("""
                INSERT INTO published.code (codelist_id, code_id, parent_id, level, labels, sort_order)
                VALUES (:list, :id, :parent, :level, CAST(:labels AS jsonb), :sort)
                ON CONFLICT (codelist_id, code_id) DO UPDATE SET parent_id = EXCLUDED.parent_id, level = EXCLUDED.level,
                    labels = EXCLUDED.labels, sort_order = EXCLUDED.sort_order
                """);
        int sort = 0;
        for (AreaCode c : treeOrder(all.values(), geo)) {
            batch.bind("list", codelistId).bind("id", c.id()).bind("parent", c.parent()).bind("level", c.level())
                    .bind("labels", Json.write(c.labels())).bind("sort", sort++).add();
        }
        batch.execute();
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
