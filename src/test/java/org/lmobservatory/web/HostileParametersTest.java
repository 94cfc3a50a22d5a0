package org.lmobservatory.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lmobservatory.support.TestServer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every parameter of every operation in the committed OpenAPI document, and the dimension parameters of observations,
 * gets hostile values one at a time: the server never answers 5xx, an error is problem+json (HTML only for the widget
 * pages, which embed their own error page), and no value comes back unescaped in HTML.
 */
class HostileParametersTest {
    private static final List<String> HOSTILE = List.of("", " ", "-1", "0", "99999999999999999999", "1e309", "NaN",
            "2024-13", "2024-Q5", "0000", "+999999999-12-31", "+999999999-12-31T23:59:59Z", "1970-01-01T00:00:00Z",
            "9999..0001", "..", ",,,", "'; DROP TABLE published.observation; --", "\" OR 1=1 --", "<script>alert(1)</script>",
            "../../etc/passwd", "%", "%25zz", "\u202e\u0645\u0631\u062d\u0628\u0627", "\uD83D\uDE00", "x".repeat(5000),
            String.join(",", java.util.Collections.nCopies(6000, "FI1B")), "FI1B,FI1B,FI1B", "true", "null", "{}", "[]");
    private static final Set<String> DIMENSION_PARAMETERS = Set.of("geo", "sex", "age", "cursor", "release", "asOf", "since");
    private static final String SCRIPT = "<script>alert(1)</script>";

    @TestFactory
    List<DynamicTest> noParameterValueMakesTheServerFail() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(Path.of("openapi/openapi.json").toFile()).path("paths");
        List<DynamicTest> tests = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode get = entry.getValue().path("get");
            if (get.isMissingNode()) continue;
            String path = withDefaults(entry.getKey());
            Set<String> parameters = new LinkedHashSet<>();
            get.path("parameters").forEach(p -> {
                if (p.path("in").asText().equals("query")) parameters.add(p.path("name").asText());
            });
            if (entry.getKey().endsWith("/observations")) parameters.addAll(DIMENSION_PARAMETERS);
            for (String parameter : parameters) {
                tests.add(DynamicTest.dynamicTest("GET " + entry.getKey() + " ?" + parameter, () -> attack(path, parameter)));
            }
            if (entry.getKey().contains("{")) {
                tests.add(DynamicTest.dynamicTest("GET " + entry.getKey() + " path", () -> attackPath(entry.getKey())));
            }
        }
        assertTrue(tests.size() > 60, "the contract was read: " + tests.size() + " parameter tests");
        return tests;
    }

    /** A real value for each path parameter, so a query parameter's attack reaches the operation itself. */
    private static final Map<String, String> PATH_DEFAULTS = Map.of("datasetId", "unemployment-rate", "codelistId", "GEO",
            "flowRef", "unemployment-rate", "key", "all", "agencyID", "LMO", "resourceID", "all", "version", "latest");

    static String withDefaults(String template) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) m.appendReplacement(path, PATH_DEFAULTS.getOrDefault(m.group(1), "1"));
        return m.appendTail(path).toString();
    }

    private static void attack(String path, String parameter) {
        TestServer.get();
        for (String value : HOSTILE) {
            Response r = RestAssured.given().baseUri(TestServer.baseUrl()).queryParam(parameter, value).get(path);
            check(path + "?" + parameter + "=" + abbreviate(value), r);
        }
    }

    private static void attackPath(String template) {
        TestServer.get();
        for (String value : List.of("no-such-thing", "x".repeat(2000), "%2e%2e", "<script>", "\u0645\u0631\u062d\u0628\u0627", "' OR '1'='1")) {
            String path = template.replaceAll("\\{[^}]+}", java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
            Response r = RestAssured.given().baseUri(TestServer.baseUrl()).urlEncodingEnabled(false).get(path);
            check(path.length() > 120 ? path.substring(0, 120) + "…" : path, r);
        }
    }

    private static void check(String what, Response r) {
        // oEmbed answers 501 for a format it does not produce, as its specification requires (section 2.3.4).
        boolean oembedFormat = what.startsWith("/oembed?format=") && r.statusCode() == 501;
        assertTrue(r.statusCode() < 500 || oembedFormat, what + " → " + r.statusCode() + " " + abbreviate(r.asString()));
        String type = r.contentType() == null ? "" : r.contentType();
        if (r.statusCode() >= 400) {
            boolean widgetPage = type.startsWith("text/html") && what.startsWith("/widgets");
            assertTrue(type.startsWith("application/problem+json") || widgetPage, what + " → " + r.statusCode() + " as " + type);
        }
        if (type.startsWith("text/html") || type.startsWith("image/svg")) {
            assertFalse(r.asString().contains(SCRIPT), what + ": the value came back unescaped");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "… (" + s.length() + " chars)" : s;
    }
}
