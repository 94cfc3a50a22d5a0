package org.lmobservatory.support;

import org.lmobservatory.Main;
import org.lmobservatory.cli.Session;
import org.lmobservatory.config.AppConfig;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One command line run in this JVM against the shared test database, with its exit code and both outputs. */
public record CliRun(int code, String out, String err) {

    public static CliRun of(String... args) {
        TestDatabase.get();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Session session = new Session(() -> AppConfig.from(Map.of()), config -> TestDatabase.get(), new PrintWriter(out), new PrintWriter(err));
        int code = Main.run(session, args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
