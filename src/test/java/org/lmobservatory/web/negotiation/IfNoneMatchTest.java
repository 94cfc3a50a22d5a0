package org.lmobservatory.web.negotiation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IfNoneMatchTest {
    private static final String ETAG = "\"r12-0a1b2c\"";

    @Test
    void absentOrBlankMatchesNothing() {
        assertFalse(IfNoneMatch.parse(null).matches(ETAG));
        assertFalse(IfNoneMatch.parse("  ").matches(ETAG));
    }

    @Test
    void aStarMatchesAnyRepresentation() {
        assertTrue(IfNoneMatch.parse("*").matches(ETAG));
        assertTrue(IfNoneMatch.parse(" * ").any());
    }

    @Test
    void listsAreComparedWeakly() {
        assertTrue(IfNoneMatch.parse("\"other\", " + ETAG).matches(ETAG));
        assertTrue(IfNoneMatch.parse("W/" + ETAG).matches(ETAG), "W/ is ignored by the weak comparison of GET and HEAD");
        assertTrue(IfNoneMatch.parse(ETAG).matches("W/" + ETAG));
        assertFalse(IfNoneMatch.parse("\"r12-0a1b2\"").matches(ETAG));
    }

    @Test
    void aCommaInsideATagDoesNotSplitIt() {
        IfNoneMatch header = IfNoneMatch.parse("\"a,b\", \"c\"");
        assertEquals(List.of("\"a,b\"", "\"c\""), header.opaqueTags());
        assertTrue(header.matches("\"a,b\""));
        assertFalse(header.matches("\"a\""));
    }

    @Test
    void malformedMembersNeverMatch() {
        assertEquals(List.of(), IfNoneMatch.parse("r12-0a1b2c, \"unterminated, *").opaqueTags());
        assertFalse(IfNoneMatch.parse("r12-0a1b2c").matches("r12-0a1b2c"), "a tag must be quoted");
        assertFalse(IfNoneMatch.parse("\"x\", *").matches(ETAG), "* is only valid alone");
    }
}
