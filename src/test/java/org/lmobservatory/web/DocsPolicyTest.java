package org.lmobservatory.web;

import org.junit.jupiter.api.Test;
import org.lmobservatory.support.LeanHttpClient;
import org.lmobservatory.support.OwnObservatory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Swagger UI page at /docs carries a Content-Security-Policy that lets it load what it needs from this server and
 * run its own bootstrap script, and nothing else: no other inline script, no other origin, no framing.
 */
class DocsPolicyTest {

    @Test
    void theDocsPageCarriesAPolicyThatAllowsOnlyItsOwnAssetsAndItsOwnInlineScript() throws Exception {
        try (OwnObservatory own = OwnObservatory.start(Map.of());
             LeanHttpClient http = new LeanHttpClient("localhost", own.server.port(), 30_000)) {
            LeanHttpClient.Response docs = http.get("/docs");
            assertEquals(200, docs.status());
            String csp = docs.header("Content-Security-Policy");
            assertTrue(csp != null, "a CSP on /docs: " + docs.headers());
            Map<String, String> directives = directives(csp);

            assertEquals("'self'", directives.get("default-src"));
            assertEquals("'none'", directives.get("object-src"));
            assertEquals("'none'", directives.get("base-uri"));
            assertEquals("'none'", directives.get("frame-ancestors"));
            assertEquals("'self'", directives.get("connect-src"));
            assertEquals("'self' data:", directives.get("img-src"));
            assertEquals("'self' 'unsafe-inline'", directives.get("style-src"));
            String scripts = directives.get("script-src");
            assertFalse(scripts.contains("unsafe-inline") || scripts.contains("unsafe-eval") || scripts.contains("*")
                    || scripts.contains("http"), scripts);

            // Exactly the page's inline bootstrap is allowed, by hash; its external scripts come from this server.
            Matcher inline = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(docs.body());
            assertTrue(inline.find(), "the Swagger UI page has its inline bootstrap");
            String hash = Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(inline.group(1).getBytes(StandardCharsets.UTF_8)));
            assertEquals("'self' 'sha256-" + hash + "'", scripts);
            Matcher sources = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(docs.body());
            while (sources.find()) {
                String source = sources.group(1);
                assertTrue(source.startsWith("/"), "every asset of the page from this server: " + source);
                assertEquals(200, http.get(source).status(), source);
            }

            // Elsewhere the policy is not sent: it is the page's, not the API's.
            assertEquals(null, http.get(SystemRoutes.HEALTH).header("Content-Security-Policy"));
        }
    }

    private static Map<String, String> directives(String csp) {
        Map<String, String> directives = new java.util.LinkedHashMap<>();
        for (String part : csp.split(";")) {
            String d = part.trim();
            if (d.isEmpty()) continue;
            int space = d.indexOf(' ');
            directives.put(space < 0 ? d : d.substring(0, space), space < 0 ? "" : d.substring(space + 1).trim());
        }
        return directives;
    }
}
