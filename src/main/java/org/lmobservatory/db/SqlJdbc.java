package org.lmobservatory.db;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that runs its statement with plain JDBC ({@link NamedSql}) rather than through a Jdbi SQL Object, on
 * a path where Jdbi's work per call is measured to matter. Its text still lives in a .sql file of the class's folder,
 * {@code <value, or the method's name>.sql}, and SqlObjectFilesTest checks the file exists as it does for the DAOs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SqlJdbc {
    /** The statement's file name without .sql; empty for the method's name. */
    String value() default "";
}
