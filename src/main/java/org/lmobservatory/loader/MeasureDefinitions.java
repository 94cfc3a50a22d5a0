package org.lmobservatory.loader;

import com.fasterxml.jackson.databind.JsonNode;
import org.lmobservatory.catalogue.MeasureKind;
import org.lmobservatory.db.Json;
import org.lmobservatory.loader.DefinitionFiles.DatasetDef;
import org.lmobservatory.loader.DefinitionFiles.DimensionDef;
import org.lmobservatory.loader.DefinitionFiles.InvalidDefinitionException;
import org.lmobservatory.loader.DefinitionFiles.MeasureDef;
import org.lmobservatory.loader.DefinitionFiles.MeasuresDef;
import org.lmobservatory.loader.DefinitionFiles.Problems;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The "measures" member of a dataset definition: read from the file (kinds, units, ratio parts), then, when stored,
 * checked against the codelist of the measure dimension and turned into rows. Every code of that codelist needs a
 * measure — otherwise the unit of its values would be unknown — and every measure must be one of its codes.
 */
final class MeasureDefinitions {
    private static final String KINDS = String.join(", ", Arrays.stream(MeasureKind.values()).map(MeasureKind::id).toList());

    private MeasureDefinitions() {
    }

    /**
     * "measures": {"dimension": "indicator", "codes": {"TRACKED": {"kind": "count", "unit": {"id": "PERS", "label":
     * {…}, "multiplier": 0, "decimals": 0}}, "EMP_RATE": {"kind": "ratio", "numerator": …, "denominator": "TRACKED",
     * "scale": 100, "unit": {…}}}}. That the codes are those of the dimension's codelist is checked when the
     * definition is stored, where the codelist is at hand.
     */
    static MeasuresDef read(Problems p, JsonNode node, Set<String> dimensionIds) {
        String dimension = DefinitionFiles.text(node, "dimension");
        if (dimension == null) p.add("$.measures.dimension", "missing; name the dimension whose codes are the measures");
        else if (!dimensionIds.contains(dimension)) {
            p.add("$.measures.dimension", "'" + dimension + "' is not a dimension of this dataset (" + String.join(", ", dimensionIds) + ")");
        }
        JsonNode codes = node.path("codes");
        List<MeasureDef> measures = new ArrayList<>();
        if (!codes.isObject() || codes.isEmpty()) {
            p.add("$.measures.codes", "expected an object of measure code → {\"kind\": …, \"unit\": {…}}");
            return new MeasuresDef(dimension, measures);
        }
        Set<String> known = new LinkedHashSet<>();
        codes.fieldNames().forEachRemaining(known::add);
        codes.fields().forEachRemaining(e -> measures.add(measure(p, "$.measures.codes." + e.getKey(), e.getKey(), e.getValue(), known)));
        return new MeasuresDef(dimension, measures);
    }

    private static MeasureDef measure(Problems p, String path, String code, JsonNode m, Set<String> known) {
        String kind = DefinitionFiles.text(m, "kind");
        Optional<MeasureKind> k = MeasureKind.of(kind);
        if (kind == null) p.add(path + ".kind", "missing; one of " + KINDS);
        else if (k.isEmpty()) p.add(path + ".kind", "'" + kind + "' is not a kind of measure; one of " + KINDS);
        JsonNode unit = m.path("unit");
        if (!unit.isObject()) p.add(path + ".unit", "missing; every measure needs its unit, e.g. {\"id\": \"PC\", \"label\": {\"en\": \"%\"}, \"decimals\": 1}");
        else if (DefinitionFiles.text(unit, "id") == null) p.add(path + ".unit.id", "missing");
        int decimals = unit.path("decimals").asInt(0);
        if (!unit.path("decimals").isMissingNode() && (!unit.path("decimals").isInt() || decimals < 0 || decimals > 15)) {
            p.add(path + ".unit.decimals", "expected a whole number from 0 to 15");
        }
        boolean ratio = k.orElse(null) == MeasureKind.RATIO;
        boolean category = k.orElse(null) == MeasureKind.CATEGORY;
        String codelist = DefinitionFiles.text(m, "codelist");
        if (category && codelist == null) {
            p.add(path + ".codelist", "missing; a category measure names the codelist its values are codes of, e.g. \"BAROMETER_RATING\"");
        } else if (!category && codelist != null) {
            p.add(path + ".codelist", "only a category measure has a codelist");
        }
        String numerator = DefinitionFiles.text(m, "numerator");
        String denominator = DefinitionFiles.text(m, "denominator");
        BigDecimal scale = null;
        for (String part : List.of("numerator", "denominator", "scale")) {
            if (!ratio && m.has(part)) p.add(path + "." + part, "only a ratio has a " + part);
        }
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("numerator", numerator);
        parts.put("denominator", denominator);
        parts.forEach((part, ref) -> {
            if (ref != null && !known.contains(ref)) {
                p.add(path + "." + part, "'" + ref + "' is not a measure of this dataset (" + String.join(", ", known) + ")");
            }
        });
        if (ratio) {
            scale = m.path("scale").isMissingNode() ? BigDecimal.ONE : m.path("scale").decimalValue();
            if (!m.path("scale").isMissingNode() && (!m.path("scale").isNumber() || scale.signum() <= 0)) {
                p.add(path + ".scale", "expected a positive number, e.g. 100 for a percentage");
            }
        }
        return new MeasureDef(code, kind, DefinitionFiles.text(unit, "id"), p.labels(unit.path("label"), path + ".unit.label", false),
                unit.path("multiplier").asInt(0), decimals, numerator, denominator, scale, codelist);
    }

    /** In codelist order, the order the API lists them in. */
    static List<DatasetDefinitionDao.MeasureRow> rows(DatasetDef d, CodelistDao codelists) {
        String file = d.id() + ".json";
        DimensionDef dimension = d.dimensions().stream().filter(x -> x.id().equals(d.measures().dimension())).findFirst().orElseThrow();
        Map<String, Integer> order = new HashMap<>();
        for (CodelistDao.StoredCode c : codelists.codes(dimension.codelist())) order.put(c.id(), c.sort());
        List<LoadError> errors = new ArrayList<>();
        List<String> defined = d.measures().measures().stream().map(MeasureDef::code).toList();
        for (MeasureDef m : d.measures().measures()) {
            if (!order.containsKey(m.code())) {
                errors.add(error(file, "$.measures.codes." + m.code(), "'" + m.code() + "' is not a code of codelist " + dimension.codelist()
                        + " (dimension " + dimension.id() + "); its codes: " + String.join(", ", order.keySet().stream().sorted().toList())));
            }
        }
        order.keySet().stream().filter(code -> !defined.contains(code)).sorted().forEach(code -> errors.add(error(file, "$.measures.codes",
                "code '" + code + "' of codelist " + dimension.codelist() + " has no measure; give it its kind and unit")));
        if (!errors.isEmpty()) throw new InvalidDefinitionException(errors);
        return d.measures().measures().stream()
                .sorted(Comparator.comparingInt(m -> order.get(m.code())))
                .map(m -> new DatasetDefinitionDao.MeasureRow(m.code(), m.kind(), m.unitId(), Json.write(m.unitLabel()), m.unitMultiplier(),
                        m.decimals(), m.numerator(), m.denominator(), m.scale(), order.get(m.code()), m.codelist()))
                .toList();
    }

    /**
     * The stored positions of every category measure's codes. A dataset defined again keeps the positions it has (its
     * published values are those positions) and appends the codelist's new codes; a stored code that left the codelist
     * is refused, since values published with it would lose their meaning.
     */
    static List<DatasetDefinitionDao.CategoryRow> categories(DatasetDef d, CodelistDao codelists, DatasetDefinitionDao datasets) {
        String file = d.id() + ".json";
        List<LoadError> errors = new ArrayList<>();
        List<DatasetDefinitionDao.CategoryRow> rows = new ArrayList<>();
        for (MeasureDef m : d.measures().measures()) {
            if (m.codelist() == null) continue;
            String path = "$.measures.codes." + m.code() + ".codelist";
            if (!codelists.exists(m.codelist())) {
                errors.add(error(file, path, "codelist '" + m.codelist() + "' is not loaded; load it first with: define --file <codelist>.json"));
                continue;
            }
            List<String> codes = codelists.codes(m.codelist()).stream().map(CodelistDao.StoredCode::id).toList();
            List<String> positions = new ArrayList<>(datasets.categoryCodes(d.id(), m.code()));
            for (String stored : positions) {
                if (!codes.contains(stored)) {
                    errors.add(error(file, path, "code '" + stored + "' left codelist " + m.codelist() + " but values of measure "
                            + m.code() + " may hold it; keep it in the codelist"));
                }
            }
            codes.stream().filter(c -> !positions.contains(c)).forEach(positions::add);
            for (int i = 0; i < positions.size(); i++) rows.add(new DatasetDefinitionDao.CategoryRow(m.code(), i + 1, positions.get(i)));
        }
        if (!errors.isEmpty()) throw new InvalidDefinitionException(errors);
        return rows;
    }

    private static LoadError error(String file, String path, String message) {
        return new LoadError(file, 0, path, path + ": " + message);
    }
}
