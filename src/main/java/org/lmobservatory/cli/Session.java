package org.lmobservatory.cli;

import org.lmobservatory.config.AppConfig;
import org.lmobservatory.db.Database;

import java.io.PrintWriter;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a command needs beyond its options: configuration, the database and the two output streams. Configuration and
 * database are opened on first use, so a command line that does not parse never reads the environment nor touches
 * (or locks) the database.
 */
public final class Session implements AutoCloseable {
    private final Supplier<AppConfig> configSource;
    private final Function<AppConfig, Database> databaseStarter;
    private final PrintWriter out;
    private final PrintWriter err;
    private AppConfig config;
    private Database database;
    private boolean serving;

    public Session(Supplier<AppConfig> configSource, Function<AppConfig, Database> databaseStarter, PrintWriter out, PrintWriter err) {
        this.configSource = configSource;
        this.databaseStarter = databaseStarter;
        this.out = out;
        this.err = err;
    }

    public synchronized AppConfig config() {
        if (config == null) config = configSource.get();
        return config;
    }

    /** Started (and migrated) on first call. */
    public synchronized Database database() {
        if (database == null) database = databaseStarter.apply(config());
        return database;
    }

    public synchronized boolean databaseStarted() {
        return database != null;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** A command that serves keeps the process (and the database) alive after it returns; its shutdown hook closes them. */
    public synchronized void keepRunning() {
        serving = true;
    }

    public synchronized boolean serving() {
        return serving;
    }

    @Override
    public synchronized void close() {
        out.flush();
        err.flush();
        if (database != null) database.close();
        database = null;
    }
}
