package org.lmobservatory.cli;

import org.junit.jupiter.api.Test;
import org.lmobservatory.Main;
import org.lmobservatory.config.AppConfig;
import org.lmobservatory.db.Database;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as a user meets it: options checked before anything runs, messages instead of stack traces. */
class CommandLineTest {

    /** One command line, run in-process; the database starter given decides what "touching the database" means. */
    private record Run(int code, String out, String err, boolean databaseStarted) {
        static Run of(Function<AppConfig, Database> database, String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Session session = new Session(() -> AppConfig.from(Map.of()), database, new PrintWriter(out), new PrintWriter(err));
            int code = Main.run(session, args);
            return new Run(code, out.toString(), err.toString(), session.databaseStarted());
        }

        /** For command lines that must be refused before the database is opened. */
        static Run refused(String... args) {
            return of(config -> {
                throw new AssertionError("the database was opened for: " + String.join(" ", args));
            }, args);
        }

        /** Against the shared test database (never closed here: the session is not closed). */
        static Run real(String... args) {
            TestDatabase.get();
            return of(config -> TestDatabase.get(), args);
        }
    }

    @Test
    void aMistypedOptionIsRefusedWithASuggestionAndNothingIsLoaded() throws Exception {
        Path file = TestServer.file("data.csv", "geo,time,value\n");
        Run run = Run.refused("load", "--dataset", "unemployment-rate", "--file", file.toString(), "--dryrun", "--publish");
        assertEquals(ExitCodes.USAGE, run.code());
        assertTrue(run.err().contains("Unknown option: '--dryrun'"), run.err());
        assertTrue(run.err().contains("--dry-run"), "suggests the option meant: " + run.err());
        assertFalse(run.databaseStarted());
    }

    @Test
    void aMistypedCommandIsRefusedWithASuggestion() {
        Run run = Run.refused("lod", "--dataset", "x");
        assertEquals(ExitCodes.USAGE, run.code());
        assertTrue(run.err().contains("Unmatched argument") || run.err().contains("Unknown"), run.err());
        assertTrue(run.err().contains("load"), "suggests load: " + run.err());
    }

    @Test
    void aBadNumberIsAMessageNotAStackTrace() {
        Run run = Run.refused("publish", "--dataset", "unemployment-rate", "--load", "abc");
        assertEquals(ExitCodes.USAGE, run.code());
        assertTrue(run.err().contains("Invalid value for option '--load': 'abc' is not a whole number"), run.err());
        assertFalse(run.err().contains("NumberFormatException"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void missingRequiredOptionsAndUnknownFormatsAreRefused() {
        Run missing = Run.refused("rollback", "--dataset", "x");
        assertEquals(ExitCodes.USAGE, missing.code());
        assertTrue(missing.err().contains("Missing required option: '--to=RELEASE'"), missing.err());

        Run format = Run.refused("import-codelist", "--format", "nutz", "--file", "x.csv", "--id", "NUTS");
        assertEquals(ExitCodes.USAGE, format.code());
        assertTrue(format.err().contains("'nutz' is not a codelist format; use one of nuts, lau, isco, nace"), format.err());

        Run both = Run.refused("load", "--dataset", "x", "--file", "x.csv", "--dry-run", "--publish");
        assertEquals(ExitCodes.USAGE, both.code());
        assertTrue(both.err().contains("nothing to --publish"), both.err());
    }

    @Test
    void everyCommandHasHelp() {
        Run load = Run.refused("load", "--help");
        assertEquals(ExitCodes.OK, load.code());
        for (String option : new String[] {"--dataset", "--file", "--format", "--mapping", "--definition", "--dry-run", "--nuts-breaks", "--publish", "--note"}) {
            assertTrue(load.out().contains(option), option + " in " + load.out());
        }
        assertTrue(load.out().contains("long-csv"), "lists the formats: " + load.out());

        Run root = Run.refused("--help");
        assertEquals(ExitCodes.OK, root.code());
        for (String command : new String[] {"serve", "demo", "define", "load", "publish", "rollback", "load-graduates", "import-codelist"}) {
            assertTrue(root.out().contains(command), command + " in " + root.out());
        }
        assertEquals(ExitCodes.OK, Run.refused("help", "publish").code());
        assertEquals(ExitCodes.USAGE, Run.refused().code(), "no command is a usage error, as before");
    }

    @Test
    void domainErrorsBecomeMessagesAndExitCodes() {
        Run nothing = Run.real("publish", "--dataset", "cli-never-loaded");
        assertEquals(ExitCodes.NOT_FOUND, nothing.code(), nothing.err());
        assertTrue(nothing.err().startsWith("error: There is no validated load of dataset 'cli-never-loaded'"), nothing.err());
        assertTrue(nothing.databaseStarted());

        Run badDefinition = Run.real("define", "--file", "no/such/file.json");
        assertEquals(ExitCodes.REJECTED, badDefinition.code(), badDefinition.err());
        assertFalse(badDefinition.err().contains("\tat "), "no stack trace: " + badDefinition.err());
    }
}
