package org.lmobservatory.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * A response encoded once: identity and gzip bodies, its content type and the headers that go with it, and when it was
 * made (its age decides whether it may still be served while the database is unreachable). The gzip body is made when
 * a client first accepts it, not with the answer: a client that does not ask for gzip (most API clients) never pays
 * for compressing every uncached answer.
 */
public record EncodedResponse(byte[] body, Gzipped gzipped, String contentType, Map<String, String> headers, Instant storedAt) {

    public static EncodedResponse of(byte[] body, String contentType, Map<String, String> headers) {
        return new EncodedResponse(body, new Gzipped(), contentType, Map.copyOf(headers), Instant.now());
    }

    /** The same body with other headers: the gzip body stays shared, made at most once for both. */
    public EncodedResponse withHeaders(Map<String, String> other) {
        return new EncodedResponse(body, gzipped, contentType, other, storedAt);
    }

    public byte[] gzipBody() {
        return gzipped.of(body);
    }

    /** Counted as if compressed already (JSON and CSV compress to a fifth or less; half is the bound used). */
    public int weight() {
        return body.length + body.length / 2 + 256;
    }

    /** The gzip form of a body, made once on first use (racing threads may both compress; both get equal bytes). */
    public static final class Gzipped {
        private volatile byte[] bytes;

        byte[] of(byte[] body) {
            byte[] made = bytes;
            if (made == null) bytes = made = gzip(body);
            return made;
        }

        private static byte[] gzip(byte[] body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }
}
