package org.lmobservatory.db;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestDatabase;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The COPY text encoder: its escaping by hand, then a round trip through a real PostgreSQL with the nastiest codes. */
class CopyTextTest {
    private static final List<String> NASTY = List.of("plain", "tab\there", "new\nline", "carriage\rreturn", "back\\slash",
            "quote\"d", "comma,brace}{", "NULL", "\\N", "", "Žďár nad Sázavou", "Prishtinë / Priština", "emoji 🙂", " spaced ");

    @Test
    void fieldsEscapeBackslashAndControlCharacters() {
        StringBuilder out = new StringBuilder();
        CopyText.appendField(out, "a\tb\nc\rd\\e\"f");
        assertEquals("a\\tb\\nc\\rd\\\\e\"f", out.toString());
    }

    @Test
    void arraysQuoteEveryElementThenEscapeForCopy() {
        StringBuilder out = new StringBuilder();
        CopyText.appendArray(out, List.of("FI", "a\"b", "c\\d", ""));
        assertEquals("{\"FI\",\"a\\\\\"b\",\"c\\\\\\\\d\",\"\"}", out.toString());
    }

    @Test
    void everyStringReachesTheTableAsWritten() throws Exception {
        Jdbi jdbi = TestDatabase.get().owner();
        List<Map<String, Object>> back = jdbi.withHandle(h -> {
            h.execute("CREATE TEMP TABLE copy_probe (n int, t text, a text[])");
            try (CopyText copy = new CopyText(h.getConnection(), "COPY copy_probe (n, t, a) FROM STDIN")) {
                for (int i = 0; i < NASTY.size(); i++) copy.field(i).field(NASTY.get(i)).array(List.of(NASTY.get(i), "x")).endRow();
                copy.field(-1).field(null).array(List.of()).endRow();
                assertEquals(NASTY.size() + 1, copy.finish());
            }
            return h.createQuery("SELECT n, t, a[1] AS first, cardinality(a) AS size FROM copy_probe ORDER BY n").mapToMap().list();
        });
        assertEquals(-1, back.get(0).get("n"));
        assertEquals(null, back.get(0).get("t"), "null is SQL NULL, not the text \\N");
        assertEquals(0, back.get(0).get("size"));
        for (int i = 0; i < NASTY.size(); i++) {
            Map<String, Object> row = back.get(i + 1);
            assertEquals(NASTY.get(i), row.get("t"), "text field " + i);
            assertEquals(NASTY.get(i), row.get("first"), "array element " + i);
            assertEquals(2, row.get("size"));
        }
    }
}
