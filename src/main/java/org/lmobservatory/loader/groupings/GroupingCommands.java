package org.lmobservatory.loader.groupings;

import org.lmobservatory.cli.CommandSet;
import org.lmobservatory.cli.ExitCodes;
import org.lmobservatory.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** load-grouping: a user-defined grouping of a codelist's codes (e.g. municipalities into employment areas). */
@Command
public final class GroupingCommands implements CommandSet {
    private final Session session;

    public GroupingCommands(Session session) {
        this.session = session;
    }

    @Command(name = "load-grouping", description = {"Load a grouping of codes (JSON): a new version when it changed.",
            "Queries then accept its group codes (geo=<group>) and its id as geoLevel."})
    int loadGrouping(@Option(names = "--file", required = true, paramLabel = "G.json", description = "The grouping file.") Path file) {
        session.out().println(new GroupingStore(session.database().owner()).load(file).message());
        return ExitCodes.OK;
    }
}
