package org.lmobservatory.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Properties;

/**
 * Password authentication for the embedded PostgreSQL. zonky runs initdb with {@code -A trust}, so any local user could
 * connect as superuser {@code postgres} and read the graduate records in staging. After start the superuser gets a
 * generated password (kept in the data directory, readable by its owner only) and pg_hba.conf asks every connection
 * for SCRAM; the owner's pools, zonky's own readiness check and the API's login use passwords from then on.
 */
final class EmbeddedAuth {
    static final String HBA = """
            # Written by the Labour Market Observatory: password (SCRAM) for every connection, local or TCP, no trust.
            local   all   all                 scram-sha-256
            host    all   all   127.0.0.1/32  scram-sha-256
            host    all   all   ::1/128       scram-sha-256
            """;
    private static final SecureRandom RANDOM = new SecureRandom();

    private EmbeddedAuth() {
    }

    /** The superuser's password of this data directory: made once, then read. */
    static String ownerPassword(Path dataDir) {
        return secret(dataDir.resolve("owner.secret"));
    }

    /** Sets the password (idempotent) and, when pg_hba.conf still trusts, replaces it and reloads the configuration. */
    static void require(Path pgData, int port, String password) {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("password", password);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", props);
             Statement st = c.createStatement()) {
            st.execute("ALTER ROLE postgres PASSWORD '" + password.replace("'", "''") + "'");
            Path hba = pgData.resolve("pg_hba.conf");
            if (!Files.readString(hba).equals(HBA)) {
                Path tmp = Files.createTempFile(pgData, "pg_hba", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(tmp, HBA);
                Files.move(tmp, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                st.execute("SELECT pg_reload_conf()");
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not require passwords of the embedded PostgreSQL in " + pgData + ": " + e.getMessage(), e);
        }
    }

    /** A generated secret in a file readable by its owner only, written atomically so a crash never leaves half of it. */
    static String secret(Path file) {
        try {
            if (Files.exists(file)) return Files.readString(file).trim();
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, secret);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep a generated password in " + file, e);
        }
    }
}
