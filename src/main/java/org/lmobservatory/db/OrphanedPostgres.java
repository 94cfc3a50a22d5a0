package org.lmobservatory.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL left running on the embedded data directory by a server that died without stopping it (kill -9, OOM
 * killer): pg_ctl detaches the postmaster, so it outlives the JVM. The next start saw postmaster.pid, started nothing,
 * waited 60 s for its new port and failed. Before starting, such an orphan is shut down cleanly (SIGINT, PostgreSQL's
 * fast shutdown: open transactions roll back, a checkpoint is written) and waited for, within a bound.
 *
 * <p>An orphan is a live process named postgres whose working directory is this data directory (the postmaster
 * changes into it, so a reused PID cannot pass), while no process holds zonky's lock file {@code epg-lock}: a running
 * serve or demo holds it for as long as it lives, and its PostgreSQL is left alone (Database says "in use"). Needs
 * Linux's /proc; elsewhere nothing is stopped and the start fails as before.
 */
final class OrphanedPostgres {
    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private OrphanedPostgres() {
    }

    /** Stops an orphaned postmaster of {@code pgData}, if there is one; returns its PID when it did. */
    static Optional<Long> stop(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return Optional.empty();
        try (FileChannel channel = FileChannel.open(pgData.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) return Optional.empty(); // a live process owns this data directory
            Optional<ProcessHandle> postmaster = postmaster(pidFile, pgData);
            if (postmaster.isEmpty()) return Optional.empty(); // a stale pid file only: PostgreSQL starts over it itself
            long pid = postmaster.get().pid();
            log.warn("PostgreSQL (pid {}) is still running on {}, orphaned by a server that was killed; stopping it (fast shutdown) before starting",
                    pid, pgData.toAbsolutePath());
            signal(pid, "INT");
            try {
                postmaster.get().onExit().get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException("The orphaned PostgreSQL (pid " + pid + ") on " + pgData.toAbsolutePath()
                        + " did not stop within " + SHUTDOWN_WAIT.toSeconds() + " s; stop it (kill -INT " + pid + ") and start again");
            }
            return Optional.of(pid);
        } catch (IOException e) {
            log.warn("Could not check {} for an orphaned PostgreSQL: {}", pgData.toAbsolutePath(), e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping an orphaned PostgreSQL on " + pgData.toAbsolutePath(), e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The live process of the pid file's first line, if it is a postgres running in this data directory. */
    private static Optional<ProcessHandle> postmaster(Path pidFile, Path pgData) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).trim().matches("\\d{1,10}")) return Optional.empty();
        long pid = Long.parseLong(lines.get(0).trim());
        Path proc = Path.of("/proc", Long.toString(pid));
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || !Files.isDirectory(proc)) return Optional.empty();
        try {
            String comm = Files.readString(proc.resolve("comm")).trim();
            Path cwd = Files.readSymbolicLink(proc.resolve("cwd"));
            boolean ours = comm.equals("postgres") && cwd.equals(pgData.toRealPath());
            return ours ? process : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // exited meanwhile, or not ours to inspect
        }
    }

    /**
     * ProcessHandle sends only SIGTERM (smart shutdown, which waits for every client to leave) and SIGKILL; the shell's
     * built-in kill sends the rest, and needs no procps in a slim image.
     */
    private static void signal(long pid, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("sh", "-c", "kill -" + signal + " \"$1\"", "sh", Long.toString(pid)).redirectErrorStream(true).start();
        String output = new String(kill.getInputStream().readAllBytes()).trim();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            log.warn("kill -{} {} failed ({}); asking for a smart shutdown instead", signal, pid, output);
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }
}
