package org.lmobservatory.publishing;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token as a data owner holds it: {@code lmo_<id>_<secret>}. The id (16 hex digits, public: it appears in
 * {@code token list} and the audit) finds the row; the secret (256 random bits, base64url) is checked against its
 * Argon2id hash. The fixed prefix lets secret scanners (e.g. GitHub's) recognise a leaked token.
 */
record TokenText(String id, String secret) {
    private static final Pattern FORMAT = Pattern.compile("lmo_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    static TokenText generate() {
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return new TokenText(HexFormat.of().formatHex(id), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The token of a well-formed text; empty for anything else (never an exception: the text is the client's). */
    static Optional<TokenText> parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        return m.matches() ? Optional.of(new TokenText(m.group(1), m.group(2))) : Optional.empty();
    }

    /** The whole token, to be shown once. */
    String text() {
        return "lmo_" + id + "_" + secret;
    }

    /** Never the secret: a token that reaches a log by accident stays unusable. */
    @Override
    public String toString() {
        return "lmo_" + id + "_…";
    }
}
