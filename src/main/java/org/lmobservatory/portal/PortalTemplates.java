package org.lmobservatory.portal;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The portal's jte templates (src/main/jte/portal), precompiled at build time into this package, and its one style
 * sheet. Rendering to a plain output lets jte wrap it in its own contextual HTML escaping (OwaspHtmlTemplateOutput):
 * text, attribute values and URLs in attributes are each escaped for where they stand.
 */
final class PortalTemplates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html, null, "org.lmobservatory");
    /** Inline, so a page is one request; the page's CSP allows exactly these bytes by hash. */
    static final String STYLE = resource("/portal/portal.css");
    /** The dataset page's select all/none and list filter; allowed by hash like the style. */
    static final String SCRIPT = resource("/portal/portal.js");
    static final String CSP = "default-src 'none'; style-src 'sha256-" + sha256(STYLE) + "'; script-src 'sha256-" + sha256(SCRIPT) + "'; img-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'self'";

    private PortalTemplates() {
    }

    static String render(String template, Object page) {
        StringOutput out = new StringOutput(16384);
        ENGINE.render(template, page, out);
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = PortalTemplates.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
