package org.lmobservatory.db;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A statement of a SQL Object's folder run with plain JDBC: its {@code :name} parameters turned into JDBC's {@code ?}
 * once, not per execution. For the two statements behind every uncached observation answer only, where Jdbi's own
 * work per call (attaching the SQL Object, its config, mappers and customizers) was half of the server's CPU
 * (issue 16, JFR); the file stays where every other statement is, in the DAO's folder, read as Jdbi reads it.
 *
 * <p>{@code <name>} placeholders (Jdbi's {@code @Define}) are filled in by {@link #define} before parsing; their text
 * must hold SQL built from positions and parameter names only, never a value.
 */
public final class NamedSql {
    private static final Map<String, NamedSql> PARSED = new ConcurrentHashMap<>();
    /** A query's shape repeats (which dimensions it filters), so defined texts are few; the bound stops a runaway. */
    private static final int MAX_PARSED = 4_096;

    private final String jdbcSql;
    private final List<String> parameters;

    private NamedSql(String jdbcSql, List<String> parameters) {
        this.jdbcSql = jdbcSql;
        this.parameters = parameters;
    }

    /** The text of {@code <dao's folder>/<name>.sql}, as Jdbi's classpath locator finds it. */
    public static String file(Class<?> dao, String name) {
        String path = dao.getName().replace('.', '/') + "/" + name + ".sql";
        try (InputStream in = dao.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("no SQL file " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with each {@code <name>} of the map replaced by its SQL. */
    public static String define(String text, Map<String, String> defines) {
        String out = text;
        for (Map.Entry<String, String> d : defines.entrySet()) out = out.replace("<" + d.getKey() + ">", d.getValue());
        return out;
    }

    public static NamedSql of(String text) {
        NamedSql parsed = PARSED.get(text);
        if (parsed != null) return parsed;
        parsed = parse(text);
        if (PARSED.size() < MAX_PARSED) PARSED.putIfAbsent(text, parsed);
        return parsed;
    }

    /** Parameters are {@code :name}; skipped: {@code ::} casts, quoted strings and identifiers, and comments. */
    static NamedSql parse(String text) {
        StringBuilder sql = new StringBuilder(text.length());
        List<String> names = new ArrayList<>();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = text.indexOf(c, i + 1);
                if (end < 0) end = n - 1;
                sql.append(text, i, end + 1);
                i = end;
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                if (end < 0) end = n;
                i = end - 1;
            } else if (c == ':' && i + 1 < n && text.charAt(i + 1) == ':') {
                sql.append("::");
                i++;
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(text.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(text.charAt(end))) end++;
                names.add(text.substring(i + 1, end));
                sql.append('?');
                i = end - 1;
            } else {
                sql.append(c);
            }
        }
        return new NamedSql(sql.toString(), List.copyOf(names));
    }

    public String jdbcSql() {
        return jdbcSql;
    }

    public List<String> parameters() {
        return parameters;
    }

    /**
     * A prepared statement with every parameter bound from values: long, int, String, LocalDate, String[] (text[]),
     * long[] (bigint[]). A parameter without a value is an error here, not a null sent to the database.
     */
    public PreparedStatement prepare(Connection connection, Map<String, ?> values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(jdbcSql);
        try {
            for (int i = 0; i < parameters.size(); i++) {
                String name = parameters.get(i);
                if (!values.containsKey(name)) throw new IllegalArgumentException("no value for :" + name + " in " + jdbcSql);
                bind(connection, statement, i + 1, values.get(name));
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(Connection connection, PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Long l) statement.setLong(index, l);
        else if (value instanceof Integer v) statement.setInt(index, v);
        else if (value instanceof String s) statement.setString(index, s);
        else if (value instanceof LocalDate d) statement.setObject(index, d);
        else if (value instanceof String[] codes) statement.setArray(index, array(connection, "text", codes));
        else if (value instanceof long[] ids) statement.setArray(index, array(connection, "int8", ids));
        else throw new IllegalArgumentException("cannot bind " + (value == null ? "null" : value.getClass().getName()));
    }

    /** The driver's own createArrayOf takes primitive arrays too (JDBC's takes Object[] only). */
    private static Array array(Connection connection, String type, Object elements) throws SQLException {
        return connection.unwrap(PGConnection.class).createArrayOf(type, elements);
    }
}
