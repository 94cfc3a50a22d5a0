package org.lmobservatory.db;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The :name to ? rewrite of the statements run with plain JDBC: what it must leave alone matters as much. */
class NamedSqlTest {

    @Test
    void parametersBecomePlaceholdersInOrderAndRepeatsAreBoundEachTime() {
        NamedSql sql = NamedSql.parse("SELECT * FROM t WHERE a = :release AND b > :from AND c <= :release");
        assertEquals("SELECT * FROM t WHERE a = ? AND b > ? AND c <= ?", sql.jdbcSql());
        assertEquals(List.of("release", "from", "release"), sql.parameters());
    }

    @Test
    void castsQuotedTextAndCommentsAreNotParameters() {
        NamedSql sql = NamedSql.parse("""
                -- a comment naming :nothing
                SELECT '2024-01-01 10:00'::date, "odd:name", x::text[] FROM t
                WHERE k && CAST(:codes0 AS text[]) AND s = 'it''s :not' AND y = :y""");
        assertEquals(List.of("codes0", "y"), sql.parameters());
        assertTrue(sql.jdbcSql().contains("'2024-01-01 10:00'::date"), sql.jdbcSql());
        assertTrue(sql.jdbcSql().contains("\"odd:name\", x::text[]"), sql.jdbcSql());
        assertTrue(sql.jdbcSql().contains("CAST(? AS text[])"), sql.jdbcSql());
        assertTrue(sql.jdbcSql().contains("'it''s :not'"), sql.jdbcSql());
        assertTrue(!sql.jdbcSql().contains(":nothing"), "comments are dropped: " + sql.jdbcSql());
    }

    @Test
    void definesAreFilledInBeforeParsingAndParsedTextsAreReused() {
        String text = NamedSql.define("SELECT 1 FROM s WHERE r = :release\n<filters>", Map.of("filters", " AND s.key[1] = ANY(:codes0)"));
        assertEquals("SELECT 1 FROM s WHERE r = :release\n AND s.key[1] = ANY(:codes0)", text);
        NamedSql first = NamedSql.of(text);
        assertEquals(List.of("release", "codes0"), first.parameters());
        assertSame(first, NamedSql.of(text));
    }

    @Test
    void theStatementFilesAreReadFromTheClassFolder() {
        // ObservationReads is package-private in observations: found by name.
        String cells = NamedSql.file(classNamed("org.lmobservatory.observations.ObservationReads"), "cells");
        assertEquals(List.of("ids", "release", "release", "from", "to", "after", "max"), NamedSql.parse(cells).parameters());
        assertThrows(IllegalStateException.class, () -> NamedSql.file(NamedSqlTest.class, "no-such-statement"));
    }

    private static Class<?> classNamed(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
