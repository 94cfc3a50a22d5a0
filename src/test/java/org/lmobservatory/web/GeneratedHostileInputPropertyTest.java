package org.lmobservatory.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.lmobservatory.support.LeanHttpClient;
import org.lmobservatory.support.TestServer;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated, not listed: {@link HostileParametersTest} sends a fixed list of known-bad values; this property lets jqwik
 * generate values (any Unicode, numbers past every range, dates with impossible fields, long comma lists, raw
 * percent sequences sent unencoded, markup) for a random parameter of a random GET operation of the committed
 * contract, and path segments alike. The server must never answer 5xx, every error must be problem+json, and a marker
 * tag inside a value must never come back unescaped in HTML or SVG. A failure prints the seed and the shrunk request.
 */
class GeneratedHostileInputPropertyTest {
    private static final List<String> DIMENSIONS = List.of("geo", "sex", "age", "isco", "nace", "cursor", "release", "asOf", "since");
    private static final List<Target> TARGETS = targets();

    /** One way to attack an operation: a query parameter, or (name null) its path parameters. */
    record Target(String template, String parameter) {
    }

    /** encoded false: the value goes onto the wire as written, so broken percent-encoding reaches the server. */
    record Attack(Target target, String value, boolean encoded) {
        @Override
        public String toString() {
            return target.template + (target.parameter == null ? " path=" : " ?" + target.parameter + "=") + value
                    + (encoded ? "" : " (unencoded)");
        }
    }

    @Property(tries = 600, shrinking = ShrinkingMode.BOUNDED)
    void noGeneratedValueMakesAnyEndpointFailOrEchoMarkup(@ForAll("attacks") Attack attack) throws IOException {
        LeanHttpClient.Response response = send(attack);
        String what = attack.toString();
        boolean oembedFormat = "format".equals(attack.target.parameter) && attack.target.template.equals("/oembed")
                && response.status() == 501;
        assertTrue(response.status() < 500 || oembedFormat, what + " → " + response.status() + " " + abbreviate(response.body()));
        String type = response.header("content-type") == null ? "" : response.header("content-type");
        if (response.status() >= 400) {
            boolean widgetPage = type.startsWith("text/html") && attack.target.template.startsWith("/widgets");
            boolean portalPage = type.startsWith("text/html") && !attack.target.template.startsWith("/v1");
            assertTrue(type.startsWith("application/problem+json") || widgetPage || portalPage, what + " → " + response.status() + " as " + type);
        }
        if (type.startsWith("text/html") || type.startsWith("image/svg") || type.contains("xml")) {
            int marker = attack.value.indexOf("<lmo");
            if (marker >= 0) {
                String tag = attack.value.substring(marker, attack.value.indexOf('>', marker) + 1);
                assertFalse(response.body().contains(tag), what + ": the marker " + tag + " came back unescaped");
            }
        }
    }

    @Provide
    Arbitrary<Attack> attacks() {
        Arbitrary<Target> targets = Arbitraries.of(TARGETS);
        Arbitrary<String> encodedValues = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withChars("0123456789-+.:TZQMW,e").ofMaxLength(40),
                Arbitraries.bigIntegers().between(new java.math.BigInteger("-1" + "0".repeat(30)), new java.math.BigInteger("1" + "0".repeat(30))).map(Object::toString),
                Arbitraries.doubles().map(Object::toString),
                dates(),
                commaLists(),
                markup());
        Arbitrary<String> rawValues = Arbitraries.strings().withChars("abcXYZ019%,._-~+=&;").ofMaxLength(60);
        Arbitrary<Attack> encoded = Combinators.combine(targets, encodedValues).as((t, v) -> new Attack(t, v, true));
        Arbitrary<Attack> raw = Combinators.combine(targets, rawValues).as((t, v) -> new Attack(t, v, false));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, encoded), net.jqwik.api.Tuple.of(1, raw));
    }

    private static Arbitrary<String> dates() {
        return Combinators.combine(Arbitraries.integers().between(-99999, 999999), Arbitraries.integers().between(-1, 99),
                        Arbitraries.integers().between(-1, 99), Arbitraries.of("", "T25:61:61Z", "T00:00:00+18:00", "T23:59:59.999999999Z", "..2024", "-Q9", "-W54"))
                .as((y, m, d, tail) -> y + "-" + m + "-" + d + tail);
    }

    private static Arbitrary<String> commaLists() {
        return Arbitraries.of("FI1B", "091", "T", "F", "_T", "Y15-64", "", "*", "FI1B091", "unemployment-rate")
                .list().ofMaxSize(300).map(list -> String.join(",", list));
    }

    private static Arbitrary<String> markup() {
        return Combinators.combine(Arbitraries.strings().all().ofMaxLength(20), Arbitraries.integers().between(0, 999_999),
                        Arbitraries.of("", "\"", "'", "</title>", "]]>", "-->", "\u0000", "\r\n"))
                .as((text, n, breakout) -> text + breakout + "<lmo" + n + ">");
    }

    /**
     * A raw socket client, not REST Assured or java.net.http: both refuse to send a malformed percent sequence, and the
     * server must be shown exactly those bytes.
     */
    private static LeanHttpClient.Response send(Attack attack) throws IOException {
        String value = attack.encoded ? URLEncoder.encode(attack.value, StandardCharsets.UTF_8).replace("+", "%20") : attack.value;
        String path = HostileParametersTest.withDefaults(attack.target.template);
        if (attack.target.parameter == null) {
            // The value replaces every remaining path parameter; an empty one would change the route, not attack it.
            path = attack.target.template.replaceAll("\\{[^}]+}", Matcher.quoteReplacement(value.isEmpty() ? "%20" : value));
        } else {
            path = path + "?" + attack.target.parameter + "=" + value;
        }
        try (LeanHttpClient client = new LeanHttpClient("localhost", TestServer.get().port(), 60_000)) {
            return client.get(path);
        }
    }

    private static List<Target> targets() {
        try {
            JsonNode paths = new ObjectMapper().readTree(Path.of("openapi/openapi.json").toFile()).path("paths");
            List<Target> targets = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode get = entry.getValue().path("get");
                if (get.isMissingNode()) continue;
                get.path("parameters").forEach(p -> {
                    if (p.path("in").asText().equals("query")) targets.add(new Target(entry.getKey(), p.path("name").asText()));
                });
                if (entry.getKey().endsWith("/observations")) DIMENSIONS.forEach(d -> targets.add(new Target(entry.getKey(), d)));
                if (entry.getKey().contains("{")) targets.add(new Target(entry.getKey(), null));
            }
            if (targets.size() < 60) throw new IllegalStateException("the contract was not read: " + targets.size() + " targets");
            return List.copyOf(targets);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "… (" + s.length() + " chars)" : s;
    }
}
