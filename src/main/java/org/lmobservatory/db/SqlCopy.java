package org.lmobservatory.db;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a SQL Object's default method that opens a {@code COPY … FROM STDIN} ({@link CopyText#open}). Jdbi cannot run
 * COPY, so the statement is not a {@code @SqlUpdate}; its text still lives in the DAO's folder as
 * {@code <value, or the method's name>.sql}, where a reader finds every other statement, and SqlObjectFilesTest checks
 * the file exists as it does for Jdbi's own statement annotations.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SqlCopy {
    /** The statement's file name without .sql; empty for the method's name. */
    String value() default "";
}
