package org.lmobservatory.loader.formats;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Catches a wrong single-byte encoding in the mapping. Every byte is some character in ISO-8859-1, so a UTF-8 file
 * declared as ISO-8859-1 would load as "RÃ©gion" without any decoding error. Real Latin-1 or windows-1250 text
 * almost never happens to be valid multi-byte UTF-8, so text that is, is taken as proof of the wrong declaration.
 */
final class EncodingGuard {
    private final Charset declared;
    private final boolean active;

    EncodingGuard(Charset declared) {
        this.declared = declared;
        this.active = !declared.equals(StandardCharsets.UTF_8);
    }

    /** Why this text shows the declared encoding is wrong, if it does. */
    Optional<String> problem(String text) {
        if (!active) return Optional.empty();
        boolean nonAscii = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD') {
                return Optional.of("'" + text + "' has a byte that is no character in " + declared.name()
                        + "; is the file in another encoding (UTF-8, ISO-8859-1, windows-1250)? Set \"encoding\" in the mapping");
            }
            if (c > 0x7F) nonAscii = true;
        }
        if (!nonAscii) return Optional.empty();
        try {
            String asUtf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(text.getBytes(declared))).toString();
            return Optional.of("'" + text + "' looks like UTF-8 read as " + declared.name() + " (as UTF-8 it reads '" + asUtf8
                    + "'); the mapping declares \"encoding\": \"" + declared.name() + "\" but the file seems to be UTF-8");
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
