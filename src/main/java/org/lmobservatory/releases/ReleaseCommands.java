package org.lmobservatory.releases;

import org.lmobservatory.cli.CommandSet;
import org.lmobservatory.cli.ExitCodes;
import org.lmobservatory.cli.Session;
import org.lmobservatory.cli.WholeNumber;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** publish and rollback: which release of a dataset is current. */
@Command
public final class ReleaseCommands implements CommandSet {
    private final Session session;

    public ReleaseCommands(Session session) {
        this.session = session;
    }

    @Command(name = "publish", description = "Make a validated load the current release, atomically.")
    int publish(@Option(names = "--dataset", required = true, paramLabel = "ID", description = "The dataset.") String dataset,
                @Option(names = "--load", paramLabel = "N", converter = WholeNumber.class, description = "The load to publish (default: the latest valid one).") Long load,
                @Option(names = "--note", paramLabel = "TEXT", description = "Release note.") String note) {
        session.out().println(describe(new Publisher(session.database().owner()).publish(dataset, load, note)));
        return ExitCodes.OK;
    }

    @Command(name = "rollback", description = "Make an earlier release current again, atomically.")
    int rollback(@Option(names = "--dataset", required = true, paramLabel = "ID", description = "The dataset.") String dataset,
                 @Option(names = "--to", required = true, paramLabel = "RELEASE", converter = WholeNumber.class, description = "The release id to make current.") long to) {
        Rollback.RolledBack r = new Rollback(session.database().owner()).rollback(dataset, to);
        session.out().println(r.changed()
                ? "rolled back " + r.datasetId() + " from release " + r.fromReleaseId() + " to release " + r.toReleaseId()
                : "release " + r.toReleaseId() + " is already the current release of " + r.datasetId());
        return ExitCodes.OK;
    }

    public static String describe(Publisher.Published p) {
        return String.format("published %s release %d from load %d: %d rows in %.1f s", p.datasetId(), p.releaseId(), p.loadId(), p.rows(), p.seconds());
    }
}
