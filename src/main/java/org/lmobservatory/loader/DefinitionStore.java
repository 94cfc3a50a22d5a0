package org.lmobservatory.loader;

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
            CodelistDao codelists = h.attach(CodelistDao.class);
            codelists.upsert(c.id(), c.version(), Json.write(c.title()), Json.write(c.note()));
            codelists.deleteCodes(c.id());
            List<CodelistDao.CodeRow> rows = new ArrayList<>();
            for (CodeDef code : c.codes()) {
                rows.add(new CodelistDao.CodeRow(code.id(), code.parent(), code.level(), Json.write(code.labels()), rows.size(),
                        arrayLiteral(code.validIn())));
            }
            if (!rows.isEmpty()) codelists.insertCodes(c.id(), rows);
            if (c.successors() != null) saveSuccessors(codelists, c.id(), c.successors());
            codelists.refreshSearch(c.id());
        });
    }

    private static void saveSuccessors(CodelistDao codelists, String codelistId, List<SuccessorDef> successors) {
        codelists.deleteSuccessors(codelistId);
        if (!successors.isEmpty()) codelists.insertSuccessors(codelistId, successors);
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
            DatasetDefinitionDao datasets = h.attach(DatasetDefinitionDao.class);
            checkCodelistsExist(h.attach(CodelistDao.class), d);
            checkDimensionsUnchangedOncePublished(datasets, d);
            checkTheme(h.attach(CodelistDao.class), d);
            checkSuccessorExists(datasets, d);
            List<DatasetDefinitionDao.MeasureRow> measures = d.measures() == null ? List.of()
                    : MeasureDefinitions.rows(d, h.attach(CodelistDao.class));
            List<DatasetDefinitionDao.CategoryRow> categories = d.measures() == null ? List.of()
                    : MeasureDefinitions.categories(d, h.attach(CodelistDao.class), datasets);
            datasets.upsert(new DatasetDefinitionDao.DatasetRow(d.id(), Json.write(d.title()), Json.write(d.description()),
                    d.theme(), d.keywords().toArray(String[]::new), d.frequency(), d.unitId(), Json.write(d.unitLabel()),
                    d.unitMultiplier(), d.decimals(), d.source(), d.licence(), d.contact(), Json.write(d.methodology()),
                    d.demonstration(), d.measures() == null ? null : d.measures().dimension(), d.discontinuedOn(), d.successor()));
            datasets.deleteDimensions(d.id());
            List<DatasetDefinitionDao.DimensionRow> dimensions = new ArrayList<>();
            for (DimensionDef dim : d.dimensions()) {
                dimensions.add(new DatasetDefinitionDao.DimensionRow(dimensions.size(), dim.id(), dim.codelist(), dim.role(),
                        Json.write(dim.label())));
            }
            if (!dimensions.isEmpty()) datasets.insertDimensions(d.id(), dimensions);
            datasets.deleteMeasures(d.id());
            if (!measures.isEmpty()) datasets.insertMeasures(d.id(), measures);
            if (!categories.isEmpty()) datasets.insertCategories(d.id(), categories);
            datasets.refreshSearch(d.id());
        });
    }

    /** Themes are the codes of codelist THEME, so a data owner adds one by defining THEME again, not by a migration. */
    private static void checkTheme(CodelistDao codelists, DatasetDef d) {
        List<String> themes = codelists.codes(DefinitionFiles.THEME_CODELIST).stream().map(CodelistDao.StoredCode::id).toList();
        if (!themes.contains(d.theme())) {
            throw new InvalidDefinitionException(List.of(new LoadError(d.id() + ".json", 0, "$.theme",
                    "$.theme: '" + d.theme() + "' is not a code of codelist " + DefinitionFiles.THEME_CODELIST + "; themes: "
                            + String.join(", ", themes) + " (define THEME again to add one)")));
        }
    }

    /**
     * A successor must be defined before the dataset it replaces names it: a catalogue, page or Link header pointing at a
     * dataset that is not there sends every reader to a 404.
     */
    private static void checkSuccessorExists(DatasetDefinitionDao datasets, DatasetDef d) {
        if (d.successor() == null || datasets.exists(d.successor())) return;
        throw new InvalidDefinitionException(List.of(d.origin().error("$.lifecycle.successor", "there is no dataset '" + d.successor()
                + "'; define the successor first (define --file " + d.successor() + ".json), then this dataset")));
    }

    private static void checkCodelistsExist(CodelistDao codelists, DatasetDef d) {
        List<LoadError> errors = new ArrayList<>();
        for (int i = 0; i < d.dimensions().size(); i++) {
            DimensionDef dim = d.dimensions().get(i);
            if (!codelists.exists(dim.codelist())) {
                errors.add(new LoadError(d.id() + ".json", 0, "$.dimensions[" + i + "].codelist",
                        "$.dimensions[" + i + "].codelist: codelist '" + dim.codelist() + "' is not loaded; load it first with: define --file <codelist>.json"));
            }
        }
        if (!errors.isEmpty()) throw new InvalidDefinitionException(errors);
    }

    /** Series keys are stored in dimension order, so the order cannot change once something was published. */
    private static void checkDimensionsUnchangedOncePublished(DatasetDefinitionDao datasets, DatasetDef d) {
        List<String> existing = datasets.dimensionSignature(d.id());
        boolean published = datasets.isPublished(d.id());
        List<String> wanted = d.dimensions().stream().map(x -> x.id() + ":" + x.codelist()).toList();
        if (published && !existing.equals(wanted)) {
            throw new InvalidDefinitionException(List.of(new LoadError(d.id() + ".json", 0, "$.dimensions",
                    "$.dimensions: dataset '" + d.id() + "' is already published with dimensions " + existing
                            + "; they cannot change. Publish the new structure under a new dataset id.")));
        }
    }
}
