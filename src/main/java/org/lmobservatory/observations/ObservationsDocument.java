package org.lmobservatory.observations;

import io.javalin.openapi.OpenApiDescription;
import org.lmobservatory.releases.Citation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The JSON observation response as documented in the OpenAPI contract. The writer streams this shape without
 * building the object; tests check real responses against the contract.
 */
public record ObservationsDocument(
        String dataset, String title, String language, ReleaseRef release,
        @OpenApiDescription("How to cite this response; url pins the release, so it returns these numbers for good") Citation citation,
        @OpenApiDescription("The dataset's unit; for a dataset with a measure dimension each observation's unit is that of its measure (see measures)")
        UnitRef unit,
        @OpenApiDescription("Only for datasets whose values have several units: per code of the measure dimension, its kind and unit (category measures also their codelist and categories, code → label). Each observation then names its unit (unit).")
        Map<String, MeasureRef> measures,
        String source, String licence,
        List<DimensionRef> dimensions,
        @OpenApiDescription("One object per observation: for every dimension its code (e.g. geo) and/or label (geo_label), then time, value (null when suppressed or missing) and flag. "
                + "A measure of kind category has value null and its code in value_code (e.g. SHORTAGE), with its label in value_label when labels are asked for.")
        List<Map<String, Object>> observations,
        @OpenApiDescription("Rows in this page (at most limit; default 10000)") long count,
        @OpenApiDescription("self: this result; next: the following page, null on the last page") PageLinks links,
        @OpenApiDescription("Legend of the status flags that occur in this response") Map<String, String> flags,
        @OpenApiDescription("For datasets under disclosure control: what each observation's confStatus means (F free, C primary, D secondary suppression)")
        Map<String, String> confidentiality,
        List<String> warnings) {

    public record PageLinks(String self, String next) {
    }

    public record ReleaseRef(long id, String publishedAt) {
    }

    public record UnitRef(String id, String label, int multiplier, int decimals) {
    }

    /** kind: count, ratio, mean, median, quantile or category; codelist and categories only for categories. */
    public record MeasureRef(String kind, UnitRef unit,
                             @OpenApiDescription("Category measures: the codelist whose codes the values are") String codelist,
                             @OpenApiDescription("Category measures: code → label, in the codelist's order") Map<String, String> categories) {
    }

    public record DimensionRef(String id, String label) {
    }

    /** Documents the value type of one observation cell. */
    public record Cell(String time, BigDecimal value, String flag) {
    }
}
