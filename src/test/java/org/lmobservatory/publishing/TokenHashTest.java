package org.lmobservatory.publishing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenHashTest {

    @Test
    void theSecretVerifiesAndAnythingElseDoesNot() {
        TokenText token = TokenText.generate();
        String hash = TokenHash.hash(token.secret());

        assertTrue(TokenHash.verify(token.secret(), hash));
        assertFalse(TokenHash.verify(token.secret() + "x", hash));
        assertFalse(TokenHash.verify(token.secret(), "not a hash"));
        assertNotEquals(hash, TokenHash.hash(token.secret()), "a fresh salt each time");
    }

    /** Bouncy Castle against the reference implementation (Debian's argon2 CLI), so the stored strings are standard PHC ones. */
    @Test
    void aHashMadeByTheReferenceArgon2idImplementationVerifies() {
        // echo -n password | argon2 somesalt -id -t 2 -k 19456 -p 1 -l 32 -e
        String reference = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E";
        assertTrue(TokenHash.verify("password", reference));
        assertFalse(TokenHash.verify("Password", reference));
    }

    @Test
    void aTokenTextParsesBackAndNeverPrintsItsSecret() {
        TokenText token = TokenText.generate();
        assertEquals(token, TokenText.parse(token.text()).orElseThrow());
        assertFalse(token.toString().contains(token.secret()));
        assertTrue(TokenText.parse("lmo_xyz_abc").isEmpty());
        assertTrue(TokenText.parse(null).isEmpty());
    }
}
