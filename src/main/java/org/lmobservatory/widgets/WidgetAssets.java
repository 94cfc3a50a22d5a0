package org.lmobservatory.widgets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The static parts of the widgets, read once from src/main/resources/widgets. VERSION changes whenever one of
 * them or the rendering code's own version changes, and goes into every ETag, so caches drop old markup.
 */
final class WidgetAssets {
    /** Raise when the Java rendering changes in a way caches must notice. */
    private static final String RENDERING_VERSION = "1";

    static final String WIDGET_CSS = read("widget.css");
    static final String WIDGET_JS = read("widget.js");
    /** The iframe page's whole inline script: the shared behaviour plus the height report to the parent page. */
    static final String PAGE_SCRIPT = WIDGET_JS + read("widget-page.js");
    static final String EMBED_JS = read("embed.js").replace("/*WIDGET_BEHAVIOUR*/", WIDGET_JS);
    static final String BUILDER_HTML = read("builder.html");
    static final String BUILDER_JS = read("builder.js");
    static final String BUILDER_CSS = read("builder.css");
    static final String VERSION = sha256Hex(RENDERING_VERSION + WIDGET_CSS + PAGE_SCRIPT + EMBED_JS + BUILDER_HTML + BUILDER_JS
            + BUILDER_CSS + read("texts.json")).substring(0, 12);

    private WidgetAssets() {
    }

    private static String read(String name) {
        try (InputStream in = WidgetAssets.class.getResourceAsStream("/widgets/" + name)) {
            if (in == null) throw new IllegalStateException("widgets/" + name + " is missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    /** The CSP source expression that allows exactly this inline script or style. */
    static String cspHash(String content) {
        return "'sha256-" + Base64.getEncoder().encodeToString(sha256(content)) + "'";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
