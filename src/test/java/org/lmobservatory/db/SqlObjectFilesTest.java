package org.lmobservatory.db;

import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlCall;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlScript;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A SQL Object finds its statement in a .sql file only when the method first runs, so a missing or misnamed file
 * would fail on that path alone, possibly in production. Every DAO in the sources is checked here instead, and
 * every statement file is checked to belong to a DAO method.
 */
class SqlObjectFilesTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path RESOURCES = Path.of("src/main/resources");

    @Test
    void everyStatementOfEveryDaoHasItsSqlFile() throws Exception {
        List<Class<?>> daos = daos();
        assertFalse(daos.isEmpty(), "no @UseClasspathSqlLocator interface found under " + SOURCES);
        List<String> missing = new ArrayList<>();
        for (Class<?> dao : daos) {
            for (Method m : dao.getDeclaredMethods()) {
                String name = statementName(m);
                if (name == null) continue;
                String resource = dao.getName().replace('.', '/') + "/" + name + ".sql";
                if (dao.getClassLoader().getResource(resource) == null) missing.add(resource);
            }
        }
        assertEquals(List.of(), missing, "SQL files that the DAOs name but the classpath lacks");
    }

    @Test
    void everySqlFileBelongsToAStatement() throws Exception {
        List<String> named = new ArrayList<>();
        for (Class<?> dao : daos()) {
            for (Method m : dao.getDeclaredMethods()) {
                String name = statementName(m);
                if (name != null) named.add(dao.getName().replace('.', '/') + "/" + name + ".sql");
            }
        }
        List<String> orphans = new ArrayList<>();
        // Only below org/: Flyway's migrations are not DAO statements.
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("org"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                String resource = RESOURCES.relativize(f).toString().replace('\\', '/');
                if (!named.contains(resource)) orphans.add(resource);
            }
        }
        assertEquals(List.of(), orphans, "SQL files no DAO method names (renamed or removed methods leave them behind)");
    }

    /** The statement's file name: the annotation's value if given, else the method's name; null if not a statement. */
    private static String statementName(Method m) {
        for (Annotation a : m.getAnnotations()) {
            String value = a instanceof SqlQuery q ? q.value()
                    : a instanceof SqlUpdate u ? u.value()
                    : a instanceof SqlBatch b ? b.value()
                    : a instanceof SqlCall c ? c.value()
                    : a instanceof SqlScript s ? s.value()
                    : a instanceof SqlCopy copy ? copy.value()
                    : a instanceof SqlJdbc jdbc ? jdbc.value()
                    : null;
            if (value != null) return value.isEmpty() ? m.getName() : value;
        }
        return null;
    }

    /** Read from the sources, as PackageDependenciesTest does, so it needs no classpath scanner. */
    private static List<Class<?>> daos() throws IOException, ClassNotFoundException {
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(f);
                if (!source.contains("@" + UseClasspathSqlLocator.class.getSimpleName()) && !source.contains("@" + SqlJdbc.class.getSimpleName())) continue;
                String name = SOURCES.relativize(f).toString().replace('/', '.').replaceAll("\\.java$", "");
                out.add(Class.forName(name));
            }
        }
        return out;
    }
}
