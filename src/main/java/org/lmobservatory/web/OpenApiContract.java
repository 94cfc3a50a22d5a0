package org.lmobservatory.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.openapi.plugin.DefinitionProcessor;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finishes the generated OpenAPI document where annotations cannot say it: reference-typed fields may be null,
 * problem details allow extension members, observation rows have one member per dataset dimension, and every
 * operation may answer 406, 429 (except health and readiness), 503 and 504.
 */
public final class OpenApiContract implements DefinitionProcessor {
    /** The URL the committed contract names as its server: the default LMO_BASE_URL of a server run with no configuration. */
    public static final String DEFAULT_SERVER = "http://localhost:7070";
    private final List<Consumer<ObjectNode>> schemaContributors;
    private final List<Consumer<ObjectNode>> documentContributors;
    private final String serverUrl;

    /** Contributors add the schemas of their own media types (e.g. formats' JSON-stat and CSV columns) to components. */
    @SafeVarargs
    public OpenApiContract(Consumer<ObjectNode>... schemaContributors) {
        this(List.of(schemaContributors), List.of(), DEFAULT_SERVER);
    }

    private OpenApiContract(List<Consumer<ObjectNode>> schemaContributors, List<Consumer<ObjectNode>> documentContributors, String serverUrl) {
        this.schemaContributors = schemaContributors;
        this.documentContributors = documentContributors;
        this.serverUrl = serverUrl;
    }

    /** The server clients are generated for (servers[0]): the public base URL of the API (LMO_BASE_URL). */
    public OpenApiContract withServer(String baseUrl) {
        return new OpenApiContract(schemaContributors, documentContributors, baseUrl);
    }

    /** A contributor that finishes the whole document last, e.g. a feature's parameters with their closed sets of values. */
    public OpenApiContract withDocument(Consumer<ObjectNode> contributor) {
        List<Consumer<ObjectNode>> all = new java.util.ArrayList<>(documentContributors);
        all.add(contributor);
        return new OpenApiContract(schemaContributors, List.copyOf(all), serverUrl);
    }

    @Override
    public String process(ObjectNode document) {
        // The generator writes "security": null and empty lists, which strict OpenAPI tooling rejects.
        if (document.path("security").isNull()) document.remove("security");
        // Generated clients call servers[0]; without it they call the host that served the document, if they know it.
        document.putArray("servers").addObject().put("url", serverUrl).put("description", "This API (LMO_BASE_URL)");
        // Served data are CC BY 4.0 unless a dataset says otherwise (README, Data and licences); tools expect the info to say so.
        ((ObjectNode) document.path("info")).putObject("license").put("name", "CC BY 4.0 (the default licence of served data; each dataset states its own)")
                .put("url", "https://creativecommons.org/licenses/by/4.0/");
        if (document.path("components").path("securitySchemes").isEmpty()) ((ObjectNode) document.path("components")).remove("securitySchemes");
        bearerSchemes(document);
        ObjectNode schemas = (ObjectNode) document.path("components").path("schemas");
        schemas.fields().forEachRemaining(e -> markNullable((ObjectNode) e.getValue(), schemas));
        schemas.set("Problem", problem(schemas.objectNode()));
        schemaContributors.forEach(c -> c.accept(schemas));
        document.path("paths").fields().forEachRemaining(path -> path.getValue().forEach(operation -> {
            ObjectNode responses = (ObjectNode) operation.path("responses");
            notAcceptable(responses);
            if (!RateLimits.exempt(path.getKey())) {
                problem(responses, "429", "Too many requests from this client (see the RateLimit header fields); retry after Retry-After seconds");
            }
            problem(responses, "503", "The database is unavailable or busy for a moment, or the server runs as many queries as it admits "
                    + "(overloaded); retry after Retry-After seconds");
            problem(responses, "504", "The query took longer than the statement timeout; narrow it or retry after Retry-After seconds");
        }));
        ObjectNode observations = (ObjectNode) schemas.path("ObservationsDocument").path("properties").path("observations");
        String description = observations.path("description").asText();
        observations.removeAll();
        observations.put("type", "array").put("description", description);
        observations.set("items", observationItem(schemas.objectNode()));
        documentContributors.forEach(c -> c.accept(document));
        return document.toPrettyString();
    }

    /**
     * A security requirement an operation names (the publisher API's tokens, publishing/PublishingRoutes) is defined as
     * an HTTP bearer scheme; the public read API names none, so it stays without security.
     */
    private static void bearerSchemes(ObjectNode document) {
        Set<String> names = new java.util.TreeSet<>();
        document.path("paths").forEach(path -> path.forEach(operation ->
                operation.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(names::add))));
        if (names.isEmpty()) return;
        ObjectNode components = document.has("components") ? (ObjectNode) document.get("components") : document.putObject("components");
        ObjectNode schemes = components.has("securitySchemes") ? (ObjectNode) components.get("securitySchemes") : components.putObject("securitySchemes");
        for (String name : names) {
            if (schemes.has(name)) continue;
            schemes.putObject(name).put("type", "http").put("scheme", "bearer")
                    .put("description", "A publisher token (lmo_<id>_<secret>), created with the command line: token create");
        }
    }

    /** Every endpoint negotiates its media type ({@link NotAcceptable}), so every one can answer 406. */
    private static void notAcceptable(ObjectNode responses) {
        if (responses.has("406")) return;
        ObjectNode response = responses.putObject("406");
        response.put("description", "Not acceptable: the Accept header admits none of the media types offered here; "
                + "the problem lists them in acceptable");
        response.putObject("content").putObject(ProblemHandlers.CONTENT_TYPE).putObject("schema").put("$ref", "#/components/schemas/Problem");
    }

    /** Answers any operation may give whatever it does (web/RateLimits, errors/DatabaseErrors), as problem+json. */
    private static void problem(ObjectNode responses, String status, String description) {
        if (responses.has(status)) return;
        ObjectNode response = responses.putObject(status);
        response.put("description", description);
        response.putObject("content").putObject(ProblemHandlers.CONTENT_TYPE).putObject("schema").put("$ref", "#/components/schemas/Problem");
    }

    private static void markNullable(ObjectNode schema, ObjectNode schemas) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        JsonNode properties = schema.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (!required.contains(p.getKey()) && p.getValue().isObject()) {
                ObjectNode property = (ObjectNode) p.getValue();
                if (property.has("$ref")) {
                    // OpenAPI 3.0 ignores siblings of $ref, so nullable needs an allOf wrapper; and nullable means
                    // nothing without a type beside it (3.0.3), so the wrapper says the referenced schema's type.
                    String target = property.get("$ref").asText();
                    ObjectNode ref = property.objectNode().put("$ref", target);
                    property.remove("$ref");
                    String type = schemas.path(target.substring(target.lastIndexOf('/') + 1)).path("type").asText("object");
                    property.put("type", type);
                    property.putArray("allOf").add(ref);
                }
                if (!property.has("type") && property.has("allOf")) property.put("type", "object");
                property.put("nullable", true);
            }
        }
    }

    private static ObjectNode problem(ObjectNode p) {
        p.put("type", "object").put("description", "RFC 9457 problem details; extension members such as allowed, validValues, limit may follow.");
        p.put("additionalProperties", true);
        ObjectNode props = p.putObject("properties");
        props.putObject("type").put("type", "string").put("description", "URI of the problem type");
        props.putObject("title").put("type", "string");
        props.putObject("status").put("type", "integer").put("format", "int32");
        props.putObject("detail").put("type", "string").put("description", "What went wrong and how to fix the request");
        props.putObject("instance").put("type", "string");
        ArrayNode required = p.putArray("required");
        required.add("type").add("title").add("status").add("detail");
        return p;
    }

    private static ObjectNode observationItem(ObjectNode item) {
        item.put("type", "object").put("additionalProperties", true)
                .put("description", "Dimension members (code, <dimension>_label) come first; their names depend on the dataset.");
        ObjectNode props = item.putObject("properties");
        props.putObject("time").put("type", "string").put("example", "2024-07");
        props.putObject("value").put("type", "number").put("nullable", true)
                .put("description", "The number; null when suppressed or missing, and for a measure of kind category (its code is in value_code)");
        props.putObject("value_code").put("type", "string")
                .put("description", "Only for values of a measure of kind category: the code of the measure's codelist, e.g. SHORTAGE");
        props.putObject("value_label").put("type", "string")
                .put("description", "Only for values of a category measure, when labels are asked for: the label of the code in value");
        props.putObject("flag").put("type", "string").put("nullable", true)
                .put("description", "p provisional, e estimated, b break, c confidential (suppressed), m missing, …");
        props.putObject("unit").put("type", "string")
                .put("description", "Only for datasets with a measure dimension: the id of the observation's unit, that of its measure (see measures)");
        props.putObject("confStatus").put("type", "string").put("nullable", true)
                .put("description", "Only for datasets under disclosure control (SDMX CONF_STATUS): F free, C primary suppression, D secondary suppression")
                .putArray("enum").add("F").add("C").add("D").addNull();
        item.putArray("required").add("time").add("value").add("flag");
        return item;
    }
}
