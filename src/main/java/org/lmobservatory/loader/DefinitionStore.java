package org.lmobservatory.loader;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.db.Json;
import org.lmobservatory.loader.DefinitionFiles.CodeDef;
import org.lmobservatory.loader.DefinitionFiles.CodelistDef;
import org.lmobservatory.loader.DefinitionFiles.DatasetDef;
import org.lmobservatory.loader.DefinitionFiles.DimensionDef;
import org.lmobservatory.loader.DefinitionFiles.InvalidDefinitionException;
import org.lmobservatory.loader.DefinitionFiles.SuccessorDef;

import java.util.ArrayList;
import java.util.List;

/** Writes codelists and dataset definitions into the published catalogue, each in one transaction. */
public final class DefinitionStore {
    private final Jdbi jdbi;

    public DefinitionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void save(CodelistDef c) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO published.codelist (id, version, title, note, updated_at)
                            VALUES (:id, :version, CAST(:title AS jsonb), CAST(:note AS jsonb), now())
                            ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, title = EXCLUDED.title,
                                note = EXCLUDED.note, updated_at = now()
                            """)
                    .bind("id", c.id()).bind("version", c.version())
                    .bind("title", Json.write(c.title())).bind("note", Json.write(c.note()))
                    .execute();
            h.createUpdate("DELETE FROM published.code WHERE codelist_id = :id").bind("id", c.id()).execute();
            var batch = h.prepareBatch("""
                    INSERT INTO published.code (codelist_id, code_id, parent_id, level, labels, sort_order, valid_in)
                    VALUES (:list, :id, :parent, :level, CAST(:labels AS jsonb), :sort, CAST(:validIn AS text[]))
                    """);
            int sort = 0;
            for (CodeDef code : c.codes()) {
                batch.bind("list", c.id()).bind("id", code.id()).bind("parent", code.parent()).bind("level", code.level())
                        .bind("labels", Json.write(code.labels())).bind("sort", sort++)
                        .bind("validIn", arrayLiteral(code.validIn())).add();
            }
            batch.execute();
            if (c.successors() != null) saveSuccessors(h, c.id(), c.successors());
        });
    }

    private static void saveSuccessors(Handle h, String codelistId, List<SuccessorDef> successors) {
        h.createUpdate("DELETE FROM published.code_successor WHERE codelist_id = :id").bind("id", codelistId).execute();
        if (successors.isEmpty()) return;
        var batch = h.prepareBatch("""
                INSERT INTO published.code_successor (codelist_id, code_id, successor_id, from_version, to_version, kind)
                VALUES (:list, :code, :successor, :from, :to, :kind)
                """);
        for (SuccessorDef s : successors) {
            batch.bind("list", codelistId).bind("code", s.code()).bind("successor", s.successor())
                    .bind("from", s.fromVersion()).bind("to", s.toVersion()).bind("kind", s.kind()).add();
        }
        batch.execute();
    }

    /** A PostgreSQL text[] literal, every element quoted; null stays null (an unversioned code). */
    private static String arrayLiteral(List<String> values) {
        if (values == null) return null;
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) out.append(',');
            out.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.append('}').toString();
    }

    void save(DatasetDef d) {
        jdbi.useTransaction(h -> {
            checkCodelistsExist(h, d);
            checkDimensionsUnchangedOncePublished(h, d);
            h.createUpdate("""
                            INSERT INTO published.dataset (id, title, description, theme, keywords, frequency, unit_id, unit_label,
                                unit_multiplier, decimals, source, licence, contact, methodology, demonstration, updated_at)
                            VALUES (:id, CAST(:title AS jsonb), CAST(:description AS jsonb), :theme, :keywords, :frequency, :unitId,
                                CAST(:unitLabel AS jsonb), :unitMultiplier, :decimals, :source, :licence, :contact,
                                CAST(:methodology AS jsonb), :demonstration, now())
                            ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description,
                                theme = EXCLUDED.theme, keywords = EXCLUDED.keywords, frequency = EXCLUDED.frequency,
                                unit_id = EXCLUDED.unit_id, unit_label = EXCLUDED.unit_label,
                                unit_multiplier = EXCLUDED.unit_multiplier, decimals = EXCLUDED.decimals,
                                source = EXCLUDED.source, licence = EXCLUDED.licence, contact = EXCLUDED.contact,
                                methodology = EXCLUDED.methodology, demonstration = EXCLUDED.demonstration, updated_at = now()
                            """)
                    .bind("id", d.id()).bind("title", Json.write(d.title())).bind("description", Json.write(d.description()))
                    .bind("theme", d.theme()).bindArray("keywords", String.class, d.keywords()).bind("frequency", d.frequency())
                    .bind("unitId", d.unitId()).bind("unitLabel", Json.write(d.unitLabel()))
                    .bind("unitMultiplier", d.unitMultiplier()).bind("decimals", d.decimals()).bind("source", d.source())
                    .bind("licence", d.licence()).bind("contact", d.contact()).bind("methodology", Json.write(d.methodology()))
                    .bind("demonstration", d.demonstration())
                    .execute();
            h.createUpdate("DELETE FROM published.dataset_dimension WHERE dataset_id = :id").bind("id", d.id()).execute();
            int position = 0;
            for (DimensionDef dim : d.dimensions()) {
                h.createUpdate("""
                                INSERT INTO published.dataset_dimension (dataset_id, position, dimension_id, codelist_id, role, label)
                                VALUES (:ds, :pos, :id, :codelist, :role, CAST(:label AS jsonb))
                                """)
                        .bind("ds", d.id()).bind("pos", position++).bind("id", dim.id()).bind("codelist", dim.codelist())
                        .bind("role", dim.role()).bind("label", Json.write(dim.label()))
                        .execute();
            }
        });
    }

    private static void checkCodelistsExist(Handle h, DatasetDef d) {
        List<LoadError> errors = new ArrayList<>();
        for (int i = 0; i < d.dimensions().size(); i++) {
            DimensionDef dim = d.dimensions().get(i);
            boolean exists = h.createQuery("SELECT count(*) > 0 FROM published.codelist WHERE id = :id")
                    .bind("id", dim.codelist()).mapTo(Boolean.class).one();
            if (!exists) {
                errors.add(new LoadError(d.id() + ".json", 0, "$.dimensions[" + i + "].codelist",
                        "$.dimensions[" + i + "].codelist: codelist '" + dim.codelist() + "' is not loaded; load it first with: define --file <codelist>.json"));
            }
        }
        if (!errors.isEmpty()) throw new InvalidDefinitionException(errors);
    }

    /** Series keys are stored in dimension order, so the order cannot change once something was published. */
    private static void checkDimensionsUnchangedOncePublished(Handle h, DatasetDef d) {
        List<String> existing = h.createQuery("""
                        SELECT dimension_id || ':' || codelist_id FROM published.dataset_dimension
                        WHERE dataset_id = :id ORDER BY position
                        """)
                .bind("id", d.id()).mapTo(String.class).list();
        boolean published = h.createQuery("SELECT count(*) > 0 FROM published.release WHERE dataset_id = :id")
                .bind("id", d.id()).mapTo(Boolean.class).one();
        List<String> wanted = d.dimensions().stream().map(x -> x.id() + ":" + x.codelist()).toList();
        if (published && !existing.equals(wanted)) {
            throw new InvalidDefinitionException(List.of(new LoadError(d.id() + ".json", 0, "$.dimensions",
                    "$.dimensions: dataset '" + d.id() + "' is already published with dimensions " + existing
                            + "; they cannot change. Publish the new structure under a new dataset id.")));
        }
    }
}
