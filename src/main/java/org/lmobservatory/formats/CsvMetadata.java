package org.lmobservatory.formats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.observations.ObservationQuery;
import org.lmobservatory.observations.OutputFormat;
import org.lmobservatory.observations.TableOptions.CsvDialect;
import org.lmobservatory.releases.Release;
import org.lmobservatory.web.Languages;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CSVW metadata document (W3C "Metadata Vocabulary for Tabular Data") of one CSV response: its URL, dialect,
 * every column with datatype (decimal mark included), unit and codelist, the flag legend, licence and citation.
 * The columns come from {@link CsvTable}, the list the CSV writers write, so the two cannot drift apart.
 */
public final class CsvMetadata {
    /** Where the CSVW metadata of a CSV answer is served (the CSV links to it with rel="describedby"). */
    public static final String PATH = "/v1/datasets/{datasetId}/observations/csv-metadata.json";

    public static final String CONTENT_TYPE = "application/csvm+json";
    /** The sidecar's parameter naming the exact CSV URL (path and query) it describes, as the CSV's Link gives it. */
    public static final String URL_PARAMETER = "url";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CsvMetadata() {
    }

    /** baseUrl: public origin of the API; csvPathAndQuery: the CSV this describes, e.g. /v1/datasets/x/observations?format=csv. */
    public static ObjectNode describe(ObservationQuery query, Release release, String baseUrl, String csvPathAndQuery) {
        return describe(query, release, baseUrl, csvPathAndQuery, false);
    }

    /** confidentiality: the release is under disclosure control, so the CSV has confidentiality status columns. */
    public static ObjectNode describe(ObservationQuery query, Release release, String baseUrl, String csvPathAndQuery,
                                      boolean confidentiality) {
        if (!query.format().csvTable()) throw new IllegalArgumentException("CSVW describes CSV tables, not " + query.format());
        Dataset d = query.dataset();
        String lang = query.lang();
        String csvUrl = baseUrl + csvPathAndQuery;
        ObjectNode doc = JSON.objectNode();
        ArrayNode context = doc.putArray("@context");
        context.add("http://www.w3.org/ns/csvw");
        context.addObject().put("@language", lang);
        doc.put("url", csvUrl);
        doc.put("dc:title", Languages.pick(d.title(), lang));
        String description = Languages.pick(d.description(), lang);
        if (description != null) doc.put("dc:description", description);
        doc.put("dc:identifier", d.id());
        doc.put("dc:source", d.source());
        doc.put("dc:publisher", "Labour Market Observatory");
        doc.putObject("dc:license").put("@id", Citation.licenceUrl(d.licence()));
        doc.putObject("dc:modified").put("@value", release.publishedAt().toString()).put("@type", "xsd:dateTime");
        doc.put("dc:bibliographicCitation", Citation.of(d, release, lang, csvUrl));
        ArrayNode keywords = doc.putArray("dcat:keyword");
        d.keywords().forEach(keywords::add);
        doc.set("dialect", dialect(query));
        ObjectNode schema = doc.putObject("tableSchema");
        ArrayNode columns = schema.putArray("columns");
        Periods periods = Periods.of(query, release);
        List<CsvColumn> table = CsvTable.columns(query, periods, confidentiality);
        for (CsvColumn c : table) columns.add(column(c, query, periods, baseUrl));
        if (query.labels().codes()) {
            // Codes and period identify a row; labels alone need not be unique, so without codes there is no key.
            ArrayNode key = schema.putArray("primaryKey");
            for (CsvColumn c : table) if (c.role() == CsvColumn.Role.CODE || c.role() == CsvColumn.Role.TIME) key.add(c.name());
        }
        return doc;
    }

    private static ObjectNode dialect(ObservationQuery query) {
        CsvDialect dialect = query.format() == OutputFormat.CSV ? query.table().dialect() : CsvDialect.RFC_4180;
        ObjectNode node = JSON.objectNode();
        node.put("delimiter", String.valueOf(dialect.separator()));
        node.put("encoding", "utf-8");
        node.put("header", true);
        node.put("headerRowCount", 1);
        node.putArray("lineTerminators").add("\r\n");
        node.put("quoteChar", "\"");
        node.put("doubleQuote", true);
        return node;
    }

    private static ObjectNode column(CsvColumn c, ObservationQuery query, Periods periods, String baseUrl) {
        Dataset d = query.dataset();
        String lang = query.lang();
        ObjectNode col = JSON.objectNode();
        col.put("name", c.name());
        col.put("titles", c.title());
        switch (c.role()) {
            case CONSTANT -> {
                col.set("datatype", datatype("string"));
                col.put("required", true);
                col.put("default", c.constant());
                col.put("dc:description", "Always " + c.constant() + " (SDMX-CSV 2.0).");
            }
            case CODE -> {
                Dimension dim = c.dimension();
                String codelist = baseUrl + "/v1/codelists/" + dim.codelistId();
                col.set("datatype", datatype("string"));
                col.put("required", true);
                col.put("dc:description", "Code of " + Languages.pick(dim.label(), lang) + " in codelist " + dim.codelistId() + " (" + codelist + ").");
                col.put("valueUrl", codelist + "#{" + c.name() + "}");
            }
            case LABEL -> {
                col.set("datatype", datatype("string"));
                col.put("dc:description", Languages.pick(c.dimension().label(), lang) + ": label in language '" + lang
                        + "' (English where no translation exists).");
            }
            case TIME -> {
                col.set("datatype", datatype("string").put("format", timePattern(d)));
                col.put("required", true);
                col.put("dc:description", "Period: " + d.frequency().example() + " for this dataset's frequency " + d.frequency() + ".");
            }
            case VALUE_LABEL -> {
                col.set("datatype", datatype("string"));
                col.put("dc:description", "Label of the category in column value (measures of kind category), in language '" + lang + "'.");
            }
            case VALUE -> {
                if (d.hasCategories()) {
                    // Codes and numbers share the column: a category measure's value is a code of its codelist.
                    col.set("datatype", datatype("string"));
                    col.put("null", "");
                    col.put("dc:description", "Value: a number, or for a measure of kind category (" + d.measures().values().stream()
                            .filter(org.lmobservatory.catalogue.Measure::isCategory).map(m -> m.code() + ": codelist " + m.codelist())
                            .collect(java.util.stream.Collectors.joining(", ")) + ") a code of its codelist. Empty when the flag is c or m.");
                    return col;
                }
                ObjectNode type = datatype("decimal");
                col.set("datatype", type);
                char mark = query.format() == OutputFormat.CSV ? query.table().dialect().decimalMark() : '.';
                if (mark != '.') type.putObject("format").put("decimalChar", String.valueOf(mark));
                col.put("null", "");
                String period = c.period() >= 0 ? " for " + periods.label(c.period()) : "";
                if (d.measureDimension().isPresent()) {
                    // Several units: each row's is in the unit column, set by the code of the measure dimension.
                    col.put("dc:description", "Value" + period + " in the unit of the row's " + d.measureDimension().get().id()
                            + " (column unit; units, multipliers and decimals per measure in GET /v1/datasets/" + d.id()
                            + "). Empty when the flag is c (confidential) or m (missing).");
                } else {
                    col.put("schema:unitText", Languages.pick(d.unit().label(), lang));
                    col.put("schema:unitCode", d.unit().id());
                    col.put("dc:description", "Value" + period + " in " + Languages.pick(d.unit().label(), lang) + " (unit " + d.unit().id()
                            + ", multiplier 10^" + d.unit().multiplier() + ", " + d.unit().decimals() + " decimals). Empty when the flag is c (confidential) or m (missing).");
                }
            }
            case UNIT -> {
                col.set("datatype", datatype("string"));
                col.put("dc:description", "Unit of measure (label).");
            }
            case UNIT_CODE -> {
                col.set("datatype", datatype("string"));
                col.put("dc:description", "Unit of measure (code).");
            }
            case UNIT_MULTIPLIER -> {
                col.set("datatype", datatype("integer"));
                col.put("dc:description", "Unit multiplier: the value times 10 to this power.");
            }
            case FLAG -> {
                col.set("datatype", datatype("string").put("format", "[" + String.join("", Flags.LEGEND.keySet()) + String.join("", Flags.COMPUTED.keySet()) + "]*"));
                col.put("null", "");
                String period = c.period() >= 0 ? " of the value for " + periods.label(c.period()) : "";
                col.put("dc:description", "Observation status flags" + period + " (SDMX/Eurostat), one letter each: " + legend() + ".");
            }
            case FLAG_LABEL -> {
                col.set("datatype", datatype("string"));
                col.put("dc:description", "What the flags mean, in English.");
            }
            case CONF_STATUS -> {
                col.set("datatype", datatype("string").put("format", "[FCD]"));
                col.put("dc:description", "Confidentiality status (SDMX CONF_STATUS): F free, C primary suppression, D secondary suppression.");
            }
            case CONF_STATUS_LABEL -> {
                col.set("datatype", datatype("string"));
                col.put("dc:description", "What the confidentiality status means, in English.");
            }
        }
        return col;
    }

    /** Always the object form of a CSVW datatype, so readers (and the contract) see one shape. */
    private static ObjectNode datatype(String base) {
        return JSON.objectNode().put("base", base);
    }

    private static String timePattern(Dataset d) {
        return switch (d.frequency()) {
            case A -> "\\d{4}";
            case Q -> "\\d{4}-Q[1-4]";
            case M -> "\\d{4}-(0[1-9]|1[0-2])";
        };
    }

    private static String legend() {
        return Flags.LEGEND.entrySet().stream().map((Map.Entry<String, String> e) -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
