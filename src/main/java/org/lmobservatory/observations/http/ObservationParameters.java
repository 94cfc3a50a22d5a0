package org.lmobservatory.observations.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lmobservatory.observations.OutputFormat;
import org.lmobservatory.web.Languages;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finishes the contract's observation parameters where annotations cannot: the closed sets of format, labels, layout,
 * csvSeparator, bom and lang as enums (so generated clients take typed values and Swagger UI offers a list), and the
 * dimension filters. Dimension filters are explicit optional string parameters, one per dimension id of the catalogue's
 * datasets (geo, sex, age, …), rather than one free-form object parameter: openapi-generator's clients (typescript-fetch,
 * java) and Swagger UI's "Try it out" handle named string parameters everywhere, while an exploded object parameter
 * is sent as filters[geo]=… by several generators, which is not our query string. A dataset's other dimensions filter
 * the same way (their id as parameter name), as the operation's description says.
 */
public final class ObservationParameters {
    /** The dimension ids of the demonstration catalogue (seed/datasets), the commonest first. */
    static final Map<String, String> DIMENSION_FILTERS = dimensionFilters();

    private ObservationParameters() {
    }

    public static void addTo(ObjectNode document) {
        JsonNode paths = document.path("paths");
        List<String> formats = OutputFormat.parameters();
        List<String> csvFormats = Arrays.stream(OutputFormat.values()).filter(OutputFormat::csvTable).map(OutputFormat::parameter).toList();
        finish(paths.path(ObservationRoutes.OBSERVATIONS).path("get"), formats);
        finish(paths.path(CsvMetadataRoutes.CSV_METADATA).path("get"), csvFormats);
        paths.forEach(path -> path.forEach(operation -> operation.path("parameters").forEach(p -> {
            if (p.path("name").asText().equals("lang") && p.path("in").asText().equals("query")) enumOf(p, Languages.SUPPORTED);
        })));
    }

    private static void finish(JsonNode operation, List<String> formats) {
        if (!(operation.path("parameters") instanceof ArrayNode parameters)) return;
        for (JsonNode p : parameters) {
            switch (p.path("name").asText()) {
                case "format" -> enumOf(p, formats);
                case "labels" -> enumOf(p, List.of("code", "label", "both"));
                case "layout" -> enumOf(p, List.of("long", "wide"));
                case "csvSeparator" -> enumOf(p, List.of("comma", "semicolon"));
                case "bom" -> enumOf(p, List.of("true", "false"));
                default -> { }
            }
        }
        int at = parameters.size();
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).path("name").asText().equals("time")) at = i;
        }
        for (Map.Entry<String, String> d : DIMENSION_FILTERS.entrySet()) {
            ObjectNode p = parameters.objectNode();
            p.put("name", d.getKey()).put("in", "query").put("required", false)
                    .put("description", d.getValue() + ": codes of this dimension, comma-separated (e.g. " + example(d.getKey())
                            + "). Only for datasets that have a dimension " + d.getKey() + " (its codes at /v1/datasets/{datasetId}); "
                            + "every dimension of a dataset filters the same way, by its id.");
            p.putObject("schema").put("type", "string");
            p.put("example", example(d.getKey()));
            parameters.insert(at++, p);
        }
    }

    private static void enumOf(JsonNode parameter, List<String> values) {
        ArrayNode e = ((ObjectNode) parameter.path("schema")).putArray("enum");
        values.forEach(e::add);
    }

    private static String example(String dimension) {
        return switch (dimension) {
            case "geo" -> "FI1B,PL91";
            case "sex" -> "F";
            case "age" -> "Y15-74";
            case "occupation" -> "2";
            default -> "TOTAL";
        };
    }

    private static Map<String, String> dimensionFilters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("geo", "Territorial area");
        m.put("sex", "Sex");
        m.put("age", "Age group");
        m.put("occupation", "Occupation (ISCO-08)");
        m.put("field", "Field of education");
        m.put("profile", "VET profile");
        m.put("indicator", "Indicator");
        m.put("measure", "Measure");
        return m;
    }
}
