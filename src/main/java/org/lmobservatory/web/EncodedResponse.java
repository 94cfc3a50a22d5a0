package org.lmobservatory.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * A response encoded once: identity and gzip bodies, its content type and the headers that go with it, and when it was
 * made (its age decides whether it may still be served while the database is unreachable).
 */
public record EncodedResponse(byte[] body, byte[] gzipBody, String contentType, Map<String, String> headers, Instant storedAt) {

    public static EncodedResponse of(byte[] body, String contentType, Map<String, String> headers) {
        return new EncodedResponse(body, gzip(body), contentType, Map.copyOf(headers), Instant.now());
    }

    public int weight() {
        return body.length + gzipBody.length + 256;
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
