package org.lmobservatory.web;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Content-Security-Policy for the Swagger UI page at /docs. The page (javalin-swagger-plugin) loads its script,
 * stylesheet and icon from the server's own webjars and the OpenAPI document from the same origin, so everything it
 * fetches is {@code 'self'}. Its one inline bootstrap script is allowed by its SHA-256 hash, computed from the page
 * as served, so no other inline script (an injected one) can run and the hash follows the plugin's template when it
 * changes. Styles need {@code 'unsafe-inline'}: besides the page's own inline style block, the Swagger UI bundle sets
 * inline styles at run time (swagger-api/swagger-ui issues 3370, 10655), and a style cannot run code. Images need
 * {@code data:}: swagger-ui.css draws its icons as data: SVGs (swagger-api/swagger-ui issue 7540). No plugin, no
 * base URL other than the page's, no framing.
 */
public final class DocsPolicy {
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

    private DocsPolicy() {
    }

    public static void register(JavalinDefaultRouting routing, String docsPath) {
        routing.after(docsPath, DocsPolicy::add);
    }

    private static void add(Context ctx) {
        String page = ctx.result();
        if (page == null || ctx.statusCode() != 200) return;
        ctx.header("Content-Security-Policy", policyFor(page));
    }

    /** The policy for a Swagger UI page: its inline scripts by hash, everything else from this origin. */
    static String policyFor(String page) {
        List<String> scripts = new ArrayList<>();
        Matcher m = INLINE_SCRIPT.matcher(page);
        while (m.find()) scripts.add("'sha256-" + sha256(m.group(1)) + "'");
        return "default-src 'self'; "
                + "script-src 'self'" + (scripts.isEmpty() ? "" : " " + String.join(" ", scripts)) + "; "
                + "style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; "
                + "connect-src 'self'; "
                + "object-src 'none'; "
                + "base-uri 'none'; "
                + "form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
