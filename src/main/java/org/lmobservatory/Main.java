package org.lmobservatory;

import org.lmobservatory.cli.Cli;
import org.lmobservatory.cli.CommandSet;
import org.lmobservatory.cli.Session;
import org.lmobservatory.config.AppConfig;
import org.lmobservatory.db.Database;
import org.lmobservatory.graduates.GraduateCommands;
import org.lmobservatory.loader.LoaderCommands;
import org.lmobservatory.loader.codelists.CodelistCommands;
import org.lmobservatory.loader.groupings.GroupingCommands;
import org.lmobservatory.publishing.TokenCommands;
import org.lmobservatory.releases.ReleaseCommands;

import java.io.PrintWriter;
import java.util.List;

/** Entry point: parses the command line (see {@link Cli}) and exits with its code, unless a command now serves. */
public final class Main {
    private Main() {
    }

    /** Every command of the jar; each domain's set declares its own. */
    public static List<CommandSet> commands(Session session) {
        return List.of(new ServerCommands(session), new LoaderCommands(session), new ReleaseCommands(session),
                new GraduateCommands(session), new CodelistCommands(session), new GroupingCommands(session), new TokenCommands(session));
    }

    public static void main(String[] args) {
        Session session = new Session(AppConfig::fromEnvironment, Database::start,
                new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        int code = run(session, args);
        if (!session.serving()) {
            session.close();
            System.exit(code);
        }
    }

    /** Runs one command line; tests call it with their own session. */
    public static int run(Session session, String... args) {
        int code = Cli.create(session, commands(session)).execute(args);
        session.out().flush();
        session.err().flush();
        return code;
    }
}
