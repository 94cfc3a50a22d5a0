package org.lmobservatory;

import org.lmobservatory.cli.CommandSet;
import org.lmobservatory.cli.ExitCodes;
import org.lmobservatory.cli.Session;
import org.lmobservatory.db.Database;
import org.lmobservatory.loader.LoadService;
import org.lmobservatory.seed.SeedLoader;
import org.lmobservatory.releases.Publisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** serve and demo: the commands that leave the API running. */
@Command
public final class ServerCommands implements CommandSet {
    private final Session session;

    public ServerCommands(Session session) {
        this.session = session;
    }

    @Command(name = "serve", description = "Run the API on $PORT (default 7070) until stopped.")
    int serve() {
        Database database = session.database();
        Observatory observatory = new Observatory(session.config(), database).start();
        session.out().println("Labour Market Observatory API on http://localhost:" + observatory.port()
                + "  (docs: /docs, OpenAPI: /openapi.json)");
        session.out().flush();
        session.keepRunning();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            observatory.close();
            session.close();
        }));
        return ExitCodes.OK;
    }

    @Command(name = "demo", description = "Load the seed through the loader, publish it, and serve.")
    int demo(@Option(names = "--seed", paramLabel = "DIR", defaultValue = "seed", description = "Seed folder (default: ${DEFAULT-VALUE}).") Path seed)
            throws Exception {
        Database database = session.database();
        new SeedLoader(new LoadService(database.owner()), new Publisher(database.owner()), session.out()).load(seed);
        return serve();
    }
}
