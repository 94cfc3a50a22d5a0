package org.lmobservatory.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL primary with a real streaming standby, from Debian's {@code postgresql} package (both from the same
 * binaries: the embedded zonky server is PostgreSQL 17, Debian 12 ships 15, and a standby must run the primary's major
 * version). initdb, {@code wal_level=replica}, a replication role, pg_hba for it, {@code pg_basebackup -R}, the standby
 * started on its own port. PostgreSQL refuses to run as root, so as root every server program runs as the
 * {@code postgres} user through {@code runuser}. {@link #close()} stops both servers (immediate mode) and removes every
 * file; a shutdown hook does the same if the JVM ends first.
 */
public final class StreamingReplica implements AutoCloseable {
    public static final String SUPERUSER = "postgres";

    private final Path bin;
    private final Path root;
    private final boolean asPostgres;
    public final String password;
    public final int primaryPort;
    public final int replicaPort;
    private final Thread cleanup = new Thread(this::stopAndRemove, "streaming-replica-cleanup");
    private volatile boolean closed;

    private StreamingReplica(Path bin, Path root, boolean asPostgres, String password, int primaryPort, int replicaPort) {
        this.bin = bin;
        this.root = root;
        this.asPostgres = asPostgres;
        this.password = password;
        this.primaryPort = primaryPort;
        this.replicaPort = replicaPort;
    }

    /** The newest /usr/lib/postgresql/N/bin that has every program needed, or why there is none. */
    public static Optional<Path> binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Stream.of("initdb", "pg_ctl", "postgres", "pg_basebackup").allMatch(p -> Files.isExecutable(b.resolve(p))))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static String missingMessage() {
        return "Skipped: no PostgreSQL server binaries with pg_basebackup under /usr/lib/postgresql/*/bin "
                + "(apt-get install -y postgresql; .ci/run installs it)";
    }

    public static StreamingReplica start() throws Exception {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException(missingMessage()));
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("lmo-replica");
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(new SecureRandom().generateSeed(18));
        StreamingReplica s = new StreamingReplica(bin, dir, root, password, freePort(), freePort());
        Runtime.getRuntime().addShutdownHook(s.cleanup);
        try {
            s.startBoth();
            return s;
        } catch (Exception | Error e) {
            s.close();
            throw e;
        }
    }

    private void startBoth() throws Exception {
        Path primary = root.resolve("primary");
        Path replica = root.resolve("replica");
        Path pwfile = root.resolve("pwfile");
        Files.writeString(pwfile, password + "\n");
        if (asPostgres) run(List.of("chown", "-R", "postgres:postgres", root.toString()), false);
        run(List.of(bin.resolve("initdb").toString(), "-D", primary.toString(), "-U", SUPERUSER, "--pwfile=" + pwfile,
                "--auth=scram-sha-256", "-E", "UTF8", "--locale=C"), true);
        Files.writeString(primary.resolve("postgresql.conf"), """

                # streaming replica test
                port = %d
                listen_addresses = 'localhost'
                unix_socket_directories = '%s'
                wal_level = replica
                max_wal_senders = 5
                hot_standby = on
                max_connections = 60
                fsync = off
                """.formatted(primaryPort, root), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(primary.resolve("pg_hba.conf"), """
                local all all scram-sha-256
                host all all 127.0.0.1/32 scram-sha-256
                host all all ::1/128 scram-sha-256
                host replication replicator 127.0.0.1/32 scram-sha-256
                host replication replicator ::1/128 scram-sha-256
                """);
        pgCtl(primary, "start");
        try (Connection c = connect(primaryPort); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD '" + password + "'");
        }
        ProcessBuilder backup = new ProcessBuilder(command(List.of(bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1",
                "-p", Integer.toString(primaryPort), "-U", "replicator", "-D", replica.toString(), "-R", "-X", "stream", "-c", "fast")));
        backup.environment().put("PGPASSWORD", password);
        waitFor(backup, "pg_basebackup");
        // -R wrote standby.signal and primary_conninfo; the standby listens on its own port (later lines win).
        Files.writeString(replica.resolve("postgresql.auto.conf"), "port = " + replicaPort + "\nprimary_conninfo = 'host=127.0.0.1 port="
                + primaryPort + " user=replicator password=" + password + "'\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        if (asPostgres) run(List.of("chown", "-R", "postgres:postgres", replica.toString()), false);
        pgCtl(replica, "start");
        try (Connection c = connect(replicaPort); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_is_in_recovery()")) {
            rs.next();
            if (!rs.getBoolean(1)) throw new IllegalStateException("the replica is not in recovery");
        }
    }

    public String primaryUrl() {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + "/postgres";
    }

    public String replicaUrl() {
        return "jdbc:postgresql://127.0.0.1:" + replicaPort + "/postgres";
    }

    public Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", SUPERUSER, password);
    }

    /** Stops replaying WAL on the standby (it keeps receiving it): the artificial replay delay. */
    public void pauseReplay() throws SQLException {
        replicaSql("SELECT pg_wal_replay_pause()");
    }

    public void resumeReplay() throws SQLException {
        replicaSql("SELECT pg_wal_replay_resume()");
    }

    /** Stops the standby at once, as a crash would. */
    public void stopReplica() throws Exception {
        pgCtl(root.resolve("replica"), "stop", "-m", "immediate");
    }

    /** One number from the standby, e.g. a count of rows it has replayed. */
    public long replicaLong(String sql, Object... params) throws SQLException {
        try (Connection c = connect(replicaPort); var st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) st.setObject(i + 1, params[i]);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void replicaSql(String sql) throws SQLException {
        try (Connection c = connect(replicaPort); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private void pgCtl(Path data, String action, String... more) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60",
                "-l", root.resolve(data.getFileName() + ".log").toString(), action));
        cmd.addAll(List.of(more));
        run(cmd, true);
    }

    private void run(List<String> cmd, boolean asServerUser) throws Exception {
        waitFor(new ProcessBuilder(asServerUser ? command(cmd) : cmd), cmd.get(0));
    }

    private List<String> command(List<String> cmd) {
        if (!asPostgres) return cmd;
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(cmd);
        return wrapped;
    }

    private void waitFor(ProcessBuilder pb, String what) throws Exception {
        Path out = Files.createTempFile("lmo-replica-cmd", ".log");
        try {
            pb.redirectErrorStream(true).redirectOutput(out.toFile());
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(what + " did not finish in 120 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(what + " failed (exit " + p.exitValue() + "): " + Files.readString(out) + logs());
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private String logs() {
        StringBuilder b = new StringBuilder();
        for (String log : List.of("primary.log", "replica.log")) {
            try {
                b.append("\n--- ").append(log).append(":\n").append(Files.readString(root.resolve(log)));
            } catch (IOException e) {
                // not written yet
            }
        }
        return b.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        stopAndRemove();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // the JVM is shutting down and runs the hook itself
        }
    }

    private synchronized void stopAndRemove() {
        if (closed) return;
        closed = true;
        for (String server : List.of("replica", "primary")) {
            Path data = root.resolve(server);
            if (!Files.exists(data.resolve("postmaster.pid"))) continue;
            try {
                pgCtl(data, "stop", "-m", "immediate");
            } catch (Exception e) {
                killPostmaster(data);
            }
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary directory
        }
    }

    /** pg_ctl failed: the postmaster's pid is the first line of postmaster.pid. */
    private static void killPostmaster(Path data) {
        try {
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        } catch (IOException | RuntimeException e) {
            // nothing left to stop
        }
    }
}
