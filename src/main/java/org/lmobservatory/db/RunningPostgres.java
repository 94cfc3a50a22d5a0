package org.lmobservatory.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * The embedded PostgreSQL that another process (a running serve or demo) started on this data directory, found so a
 * command can use it instead of dying on zonky's lock. It is "running" when a process holds {@code epg-lock} (zonky
 * holds it for as long as its PostgreSQL lives) and PostgreSQL's own {@code postmaster.pid} names a live process and
 * its port (line 4 of that file). The owner's password is the data directory's {@code owner.secret}, as
 * {@link EmbeddedAuth} keeps it; it is readable by the same OS user only, so nobody else gains anything.
 */
record RunningPostgres(long pid, int port) {

    static Optional<RunningPostgres> of(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        Path lockFile = pgData.resolve("epg-lock");
        if (!Files.exists(pidFile) || !Files.exists(lockFile) || !lockedByAnother(lockFile)) return Optional.empty();
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4 || !lines.get(0).trim().matches("\\d{1,10}") || !lines.get(3).trim().matches("\\d{1,5}")) {
                return Optional.empty(); // still being written by a PostgreSQL that is starting
            }
            long pid = Long.parseLong(lines.get(0).trim());
            if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) return Optional.empty();
            return Optional.of(new RunningPostgres(pid, Integer.parseInt(lines.get(3).trim())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether some other holder has the lock: another process, or (in tests) another channel of this JVM. */
    private static boolean lockedByAnother(Path lockFile) {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) return true;
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }
}
