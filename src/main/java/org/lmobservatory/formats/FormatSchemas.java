package org.lmobservatory.formats;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * OpenAPI schemas of the standard formats whose shape Java records cannot express (JSON-stat, CSVW); the contract
 * finisher puts them in place of the placeholder components {@link JsonStatDataset} and {@link CsvMetadataDocument}.
 */
public final class FormatSchemas {
    private FormatSchemas() {
    }

    public static void addTo(ObjectNode schemas) {
        schemas.set("JsonStatDataset", jsonStat(schemas.objectNode()));
        schemas.set("CsvMetadataDocument", csvw(schemas.objectNode()));
    }

    private static ObjectNode jsonStat(ObjectNode s) {
        s.put("type", "object").put("additionalProperties", true)
                .put("description", "A JSON-stat 2.0 dataset (https://json-stat.org/format/). Dimensions: indicator (metric, carries the "
                        + "unit), the dataset's dimensions, time. value is the dense cube in row-major order, null where there is no "
                        + "observation; status maps cell indexes to flags.");
        s.putArray("required").add("version").add("class").add("id").add("size").add("dimension").add("value");
        ObjectNode p = s.putObject("properties");
        p.putObject("version").put("type", "string").putArray("enum").add("2.0");
        p.putObject("class").put("type", "string").putArray("enum").add("dataset");
        p.putObject("label").put("type", "string");
        p.putObject("source").put("type", "string");
        p.putObject("updated").put("type", "string").put("description", "When the release was published (ISO 8601)");
        p.putObject("note").put("type", "array").putObject("items").put("type", "string");
        p.putObject("id").put("type", "array").putObject("items").put("type", "string");
        p.putObject("size").put("type", "array").putObject("items").put("type", "integer").put("minimum", 0);
        p.putObject("role").put("type", "object").putObject("additionalProperties").put("type", "array")
                .putObject("items").put("type", "string");
        ObjectNode dimension = p.putObject("dimension").put("type", "object").putObject("additionalProperties").put("type", "object");
        dimension.putArray("required").add("category");
        ObjectNode dimensionProps = dimension.putObject("properties");
        dimensionProps.putObject("label").put("type", "string");
        ObjectNode category = dimensionProps.putObject("category").put("type", "object");
        ObjectNode categoryProps = category.putObject("properties");
        categoryProps.putObject("index").put("type", "array").putObject("items").put("type", "string");
        categoryProps.putObject("label").put("type", "object").putObject("additionalProperties").put("type", "string");
        categoryProps.putObject("unit").put("type", "object").putObject("additionalProperties").put("type", "object");
        // No type on the items: JSON-stat 2.0 values are numbers, null, or strings, and a category measure's are its codes.
        p.putObject("value").put("type", "array").putObject("items")
                .put("description", "A number, null where the cube has no value, or for a measure of kind category its code (a string)");
        p.putObject("status").put("type", "object").putObject("additionalProperties").put("type", "string");
        p.putObject("extension").put("type", "object").put("description", "Dataset id, release, licence, unit, flag legend, warnings");
        return s;
    }

    private static ObjectNode csvw(ObjectNode s) {
        s.put("type", "object").put("additionalProperties", true)
                .put("description", "CSVW table description (https://www.w3.org/TR/tabular-metadata/) with Dublin Core properties "
                        + "(dc:title, dc:license, dc:bibliographicCitation, …).");
        s.putArray("required").add("@context").add("url").add("tableSchema");
        ObjectNode p = s.putObject("properties");
        p.putObject("@context").put("type", "array").putObject("items");
        p.putObject("url").put("type", "string").put("description", "The CSV this document describes");
        p.putObject("dialect").put("type", "object");
        ObjectNode schema = p.putObject("tableSchema").put("type", "object");
        schema.putArray("required").add("columns");
        ObjectNode schemaProps = schema.putObject("properties");
        ObjectNode column = schemaProps.putObject("columns").put("type", "array").putObject("items")
                .put("type", "object").put("additionalProperties", true);
        column.putArray("required").add("name").add("titles");
        ObjectNode columnProps = column.putObject("properties");
        columnProps.putObject("name").put("type", "string");
        columnProps.putObject("titles").put("type", "string");
        // format is a regular expression for strings and an object (decimalChar, …) for numbers.
        ObjectNode datatype = columnProps.putObject("datatype").put("type", "object").put("additionalProperties", true)
                .put("description", "CSVW datatype: base (string, decimal, integer) and, where it narrows the base, format");
        datatype.putArray("required").add("base");
        datatype.putObject("properties").putObject("base").put("type", "string");
        schemaProps.putObject("primaryKey").put("type", "array").putObject("items").put("type", "string");
        return s;
    }
}
