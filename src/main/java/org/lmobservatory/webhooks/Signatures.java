package org.lmobservatory.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The signature of a delivery: {@code X-LMO-Signature: sha256=<hex>}, the HMAC-SHA256, keyed with the subscription's
 * secret (its UTF-8 bytes), of the value of {@code X-LMO-Timestamp} (Unix seconds), a full stop, and the raw request
 * body. Signing the timestamp with the body lets a receiver refuse a replayed delivery by its age.
 */
public final class Signatures {
    public static final String SIGNATURE_HEADER = "X-LMO-Signature";
    public static final String TIMESTAMP_HEADER = "X-LMO-Timestamp";

    private Signatures() {
    }

    public static String sign(String secret, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** What a receiver does: recompute and compare in constant time. */
    public static boolean verify(String secret, String timestampHeader, byte[] body, String signatureHeader) {
        if (timestampHeader == null || signatureHeader == null || !timestampHeader.matches("\\d{1,19}")) return false;
        String expected = sign(secret, Long.parseLong(timestampHeader), body);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signatureHeader.getBytes(StandardCharsets.US_ASCII));
    }
}
