package org.lmobservatory.releases;

import org.lmobservatory.cli.CommandSet;
import org.lmobservatory.cli.ExitCodes;
import org.lmobservatory.cli.Session;
import org.lmobservatory.cli.WholeNumber;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.util.List;

/** publish (now or at an announced instant), rollback, and release reschedule/cancel: which release of a dataset is current. */
@Command
public final class ReleaseCommands implements CommandSet {
    private final Session session;

    public ReleaseCommands(Session session) {
        this.session = session;
    }

    @Command(name = "publish", description = "Make a validated load the current release, atomically; or, with --at, schedule it for an announced instant (embargo).")
    int publish(@Option(names = "--dataset", required = true, paramLabel = "ID", description = "The dataset.") String dataset,
                @Option(names = "--load", paramLabel = "N", converter = WholeNumber.class, description = "The load to publish (default: the latest valid one).") Long load,
                @Option(names = "--note", paramLabel = "TEXT", description = "Release note.") String note,
                @Option(names = "--at", paramLabel = "INSTANT", converter = AnnouncedInstant.class,
                        description = "Publish at this future instant, e.g. 2026-12-01T09:00:00+01:00; invisible until then.") Instant at,
                @Option(names = "--pre-release-reader", paramLabel = "TOKEN-ID|OWNER",
                        description = "With --at: who may read the release before the instant (repeat for several); "
                                + "default: every holder of a load token for the dataset.") List<String> readers) {
        if (at != null) Schedule.requireFuture(at);
        if (at == null && readers != null) {
            session.err().println("error: --pre-release-reader applies to a scheduled release only: add --at <instant>.");
            return ExitCodes.USAGE;
        }
        Publisher publisher = new Publisher(session.database().owner());
        List<String> named = readers == null ? null : new PreReleaseReaders(session.database().owner()).check(dataset, readers, "--pre-release-reader");
        Publisher.Published p = at == null ? publisher.publish(dataset, load, note) : session.database().owner().inTransaction(h -> {
            Publisher.Published scheduled = publisher.schedule(h, dataset, load, note, at);
            if (named != null) PreReleaseReaders.name(h, scheduled.releaseId(), named);
            return scheduled;
        });
        session.out().println(describe(p) + (named == null ? "" : "; pre-release readers: " + (named.isEmpty() ? "nobody" : String.join(", ", named))));
        return ExitCodes.OK;
    }

    @Command(name = "pre-release-readers", description = "Name who may read a scheduled release before its instant (token ids or owner names).")
    int preReleaseReaders(@Parameters(index = "0", paramLabel = "RELEASE", converter = WholeNumber.class, description = "The scheduled release id.") long releaseId,
                          @Option(names = "--reader", paramLabel = "TOKEN-ID|OWNER", description = "A reader (repeat for several); none: nobody.") List<String> readers,
                          @Option(names = "--default", description = "Back to the default: every holder of a load token for the dataset.") boolean byDefault) {
        if (byDefault && readers != null) {
            session.err().println("error: --default and --reader exclude each other.");
            return ExitCodes.USAGE;
        }
        PreReleaseReaders list = new PreReleaseReaders(session.database().owner());
        String dataset = new Schedule(session.database().owner()).of(releaseId).map(ScheduleDao.Scheduled::datasetId)
                .orElseThrow(() -> org.lmobservatory.errors.ErrorKind.UNKNOWN_RELEASE.error("There is no release " + releaseId + "."));
        List<String> named = byDefault ? null : list.check(dataset, readers == null ? List.of() : readers, "--reader");
        list.change(dataset, releaseId, named);
        session.out().println(dataset + " release " + releaseId + " can be read before its instant by "
                + (named == null ? "every holder of a load token for " + dataset : named.isEmpty() ? "nobody" : String.join(", ", named)));
        return ExitCodes.OK;
    }

    /** What can be done to a scheduled release. */
    enum ScheduleAction { reschedule, cancel }

    @Command(name = "release", description = "Reschedule or cancel a scheduled release, with a reason shown on the public calendar.")
    int release(@Parameters(index = "0", paramLabel = "ACTION", description = "reschedule or cancel") ScheduleAction action,
                @Parameters(index = "1", paramLabel = "RELEASE", converter = WholeNumber.class, description = "The scheduled release id.") long releaseId,
                @Option(names = "--at", paramLabel = "INSTANT", converter = AnnouncedInstant.class, description = "reschedule: the new instant.") Instant at,
                @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why; shown on the calendar.") String reason) {
        // Checked before the database starts, like every usage error.
        if (action == ScheduleAction.reschedule && at == null) {
            session.err().println("error: release reschedule needs --at <instant>, e.g. --at 2026-12-01T09:00:00+01:00");
            return ExitCodes.USAGE;
        }
        if (action == ScheduleAction.cancel && at != null) {
            session.err().println("error: release cancel takes no --at: a cancelled release is never published.");
            return ExitCodes.USAGE;
        }
        Schedule schedule = new Schedule(session.database().owner());
        Schedule.Changed c = action == ScheduleAction.reschedule ? schedule.reschedule(releaseId, at, reason) : schedule.cancel(releaseId, reason);
        session.out().println(action == ScheduleAction.reschedule
                ? "rescheduled " + c.datasetId() + " release " + c.releaseId() + " from " + c.previousAt() + " to " + c.announcedAt()
                : "cancelled " + c.datasetId() + " release " + c.releaseId() + " (was scheduled for " + c.previousAt() + "); its rows are deleted");
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
        if (p.scheduledFor() != null) {
            return String.format("scheduled %s release %d from load %d for %s: %d rows written in %.1f s, invisible until then",
                    p.datasetId(), p.releaseId(), p.loadId(), p.scheduledFor(), p.rows(), p.seconds());
        }
        return String.format("published %s release %d from load %d: %d rows in %.1f s", p.datasetId(), p.releaseId(), p.loadId(), p.rows(), p.seconds());
    }
}
