package org.lmobservatory.observations.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.lmobservatory.config.AppConfig.Limits;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.errors.ObservatoryException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The JSON body of POST …/observations/query, read into exactly the parameter map a GET's query string gives, so both
 * go through the same parser and end in the same canonical query. Dimension codes go in {@code filters} (an array per
 * dimension: a body holds the thousands of codes a URL cannot); every other GET parameter is a member of the same
 * name with its natural JSON type. The reader is strict where a query string cannot be: wrong types, unknown members
 * and repeated members are 400s, not guesses.
 */
final class ObservationQueryBody {
    /** Room for the codes /v1/limits allows per dimension in several dimensions at once, pretty-printed. */
    static final int MAX_BYTES = Limits.MAX_QUERY_BODY_BYTES;
    static final String MEDIA_TYPE = "application/json";
    static final String FILTERS = "filters";

    enum Type {
        STRING("string"), INTEGER("integer"), BOOLEAN("boolean");

        final String json;

        Type(String json) {
            this.json = json;
        }
    }

    /** The GET parameters other than dimensions, with the JSON type a body gives them. The schema is made from this list. */
    static final Map<String, Type> OPTIONS = options();

    // Repeated members are an error, as a repeated single-valued GET parameter is; so is anything after the object.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ObservationQueryBody() {
    }

    private static Map<String, Type> options() {
        Map<String, Type> o = new LinkedHashMap<>();
        o.put("time", Type.STRING);
        o.put("lastPeriods", Type.INTEGER);
        o.put("geoLevel", Type.STRING);
        o.put("geoParent", Type.STRING);
        o.put("format", Type.STRING);
        o.put("labels", Type.STRING);
        o.put("layout", Type.STRING);
        o.put("csvSeparator", Type.STRING);
        o.put("bom", Type.BOOLEAN);
        o.put("lang", Type.STRING);
        o.put("limit", Type.INTEGER);
        o.put("cursor", Type.STRING);
        o.put("release", Type.INTEGER);
        o.put("asOf", Type.STRING);
        return Collections.unmodifiableMap(o);
    }

    /** The request's body as GET parameters: 415 for another media type, 413 over {@link #MAX_BYTES}, 400 for anything unreadable. */
    static Map<String, List<String>> read(Context ctx) {
        requireJson(ctx);
        JsonNode root = parse(body(ctx));
        if (!root.isObject()) throw invalid("", "The body must be a JSON object such as {\"filters\": {\"geo\": [\"FI1B\"]}, \"time\": \"2020..2024\"}.");
        Map<String, List<String>> params = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (name.equals(FILTERS)) {
                filters(value, params);
            } else if (OPTIONS.containsKey(name)) {
                String text = scalar("/" + name, OPTIONS.get(name), value);
                if (text != null) params.put(name, List.of(text));
            } else {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            TreeSet<String> allowed = new TreeSet<>(OPTIONS.keySet());
            allowed.add(FILTERS);
            throw ErrorKind.UNKNOWN_PARAMETER.error("Unknown member" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                            + " of the query body. Dimension codes go in filters ({\"filters\": {\"geo\": [\"FI1B\"]}}); the other members are "
                            + "the GET parameters of the same name: " + String.join(", ", OPTIONS.keySet()) + ".",
                    Map.of("parameter", unknown, "allowed", allowed));
        }
        return params;
    }

    private static void requireJson(Context ctx) {
        String type = ctx.header("Content-Type");
        if (!isJson(type)) {
            ctx.header("Accept", MEDIA_TYPE);
            throw ErrorKind.UNSUPPORTED_MEDIA_TYPE.error("The query body must be sent as Content-Type: application/json (UTF-8); got "
                    + (type == null || type.isBlank() ? "no Content-Type" : "'" + type + "'") + ".", Map.of("acceptable", List.of(MEDIA_TYPE)));
        }
        String coding = ctx.header("Content-Encoding");
        if (coding != null && !coding.isBlank() && !coding.trim().equalsIgnoreCase("identity")) {
            // RFC 9110 §15.5.16: a content coding we cannot decode is a 415 that lists what we can.
            ctx.header("Accept-Encoding", "identity");
            throw ErrorKind.UNSUPPORTED_MEDIA_TYPE.error("A compressed query body (Content-Encoding) is not accepted; send it as it is.",
                    Map.of("acceptable", List.of(MEDIA_TYPE)));
        }
    }

    /** application/json, with no parameter but charset=utf-8 (RFC 8259: JSON between systems is UTF-8). */
    static boolean isJson(String contentType) {
        if (contentType == null) return false;
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase(MEDIA_TYPE)) return false;
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
            if (parameter.isEmpty()) continue;
            if (!parameter.replace("\"", "").replace(" ", "").equals("charset=utf-8")) return false;
        }
        return true;
    }

    /** At most MAX_BYTES read, whatever Content-Length says (a chunked body has none). */
    private static byte[] body(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BYTES) throw tooLarge();
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(256, Math.min(declared, MAX_BYTES)));
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_BYTES) throw tooLarge();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw ErrorKind.INVALID_BODY.error("The request body could not be read to its end.");
        }
    }

    private static ObservatoryException tooLarge() {
        return ErrorKind.BODY_TOO_LARGE.error("The query body is larger than " + MAX_BYTES + " bytes. Split the query (the limits are at /v1/limits).",
                Map.of("limit", MAX_BYTES, "limits", "/v1/limits"));
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) throw invalid("", "The body is empty; send a JSON object, {} for the whole dataset.");
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || root.isMissingNode()) throw invalid("", "The body is empty; send a JSON object, {} for the whole dataset.");
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw ErrorKind.INVALID_BODY.error("The body is not valid JSON" + where + ": " + e.getOriginalMessage() + ".",
                    at == null ? Map.of() : Map.of("line", at.getLineNr(), "column", at.getColumnNr()));
        } catch (IOException e) {
            throw ErrorKind.INVALID_BODY.error("The body is not valid JSON.");
        }
    }

    private static void filters(JsonNode filters, Map<String, List<String>> params) {
        if (filters.isNull()) return;
        if (!filters.isObject()) {
            throw invalid("/filters", "filters must be an object with an array of codes per dimension, e.g. {\"geo\": [\"FI1B\", \"FI1C\"]}.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = filters.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> filter = it.next();
            String dimension = filter.getKey();
            String pointer = "/filters/" + dimension;
            if (OPTIONS.containsKey(dimension) || dimension.equals(FILTERS)) {
                // Else {"filters": {"format": ["csv"]}} would quietly become format=csv.
                throw ErrorKind.UNKNOWN_PARAMETER.error("'" + dimension + "' is not a dimension; it is a member of the body itself: {\""
                        + dimension + "\": …}.", Map.of("parameter", List.of(dimension)));
            }
            JsonNode codes = filter.getValue();
            if (codes.isNull()) continue;
            if (!codes.isArray()) throw invalid(pointer, pointer + " must be an array of codes, e.g. [\"FI1B\", \"FI1C\"].");
            List<String> values = new ArrayList<>(codes.size());
            for (int i = 0; i < codes.size(); i++) {
                JsonNode code = codes.get(i);
                if (!code.isTextual()) throw invalid(pointer + "/" + i, pointer + "/" + i + " must be a string (a code); got " + kind(code) + ".");
                values.add(checked(pointer + "/" + i, code.textValue()));
            }
            params.put(dimension, values);
        }
    }

    /** A member's value as the text its GET parameter would carry; null (absent) for JSON null. */
    private static String scalar(String pointer, Type type, JsonNode value) {
        if (value.isNull()) return null;
        boolean fits = switch (type) {
            case STRING -> value.isTextual();
            case INTEGER -> value.isIntegralNumber();
            case BOOLEAN -> value.isBoolean();
        };
        if (!fits) throw invalid(pointer, pointer.substring(1) + " must be " + (type == Type.INTEGER ? "an " : "a ") + type.json + "; got " + kind(value) + ".");
        return type == Type.INTEGER ? value.bigIntegerValue().toString() : checked(pointer, value.asText());
    }

    /** What QueryStringGuard refuses in a URL: control characters (no code or date holds one; PostgreSQL text cannot hold NUL). */
    private static String checked(String pointer, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) throw invalid(pointer, pointer + " contains a control character.");
        }
        return text;
    }

    private static String kind(JsonNode value) {
        if (value.isTextual()) return "a string";
        if (value.isNumber()) return "a number";
        if (value.isBoolean()) return "a boolean";
        if (value.isArray()) return "an array";
        if (value.isObject()) return "an object";
        return "null";
    }

    private static ObservatoryException invalid(String pointer, String detail) {
        return ErrorKind.INVALID_BODY.error(detail, pointer.isEmpty() ? Map.of() : Map.of("pointer", pointer));
    }

    /** The request body's schema in the contract, made from {@link #OPTIONS} so the two cannot drift apart. */
    static ObjectNode schema(ObjectNode s) {
        s.put("type", "object").put("additionalProperties", false)
                .put("description", "The query of GET /v1/datasets/{datasetId}/observations as a JSON object: dimension codes in filters, "
                        + "every other parameter a member of the same name and meaning. Unknown or repeated members are a 400.");
        ObjectNode properties = s.putObject("properties");
        ObjectNode filters = properties.putObject(FILTERS).put("type", "object")
                .put("description", "Per dimension id (e.g. geo, sex), the codes to select; as many as /v1/limits allows per dimension");
        filters.putObject("additionalProperties").put("type", "array").putObject("items").put("type", "string");
        OPTIONS.forEach((name, type) -> {
            ObjectNode p = properties.putObject(name).put("type", type.json)
                    .put("description", "As the query parameter " + name + " of the GET");
            p.put("nullable", true);
        });
        return s;
    }
}
