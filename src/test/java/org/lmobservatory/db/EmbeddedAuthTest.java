package org.lmobservatory.db;

import org.junit.jupiter.api.Test;
import org.lmobservatory.config.AppConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded PostgreSQL asks every connection for a password: zonky's initdb trusts all local connections, so any
 * user of the machine could have connected as superuser and read staging. It also starts again on its data directory.
 */
class EmbeddedAuthTest {

    @Test
    void noConnectionWithoutThePasswordAndARestartStillWorks() throws Exception {
        Path dir = Files.createTempDirectory("lmo-auth");
        AppConfig config = AppConfig.from(Map.of("LMO_DATA_DIR", dir.toString(), "PORT", "0"));
        int port;
        try (Database db = Database.start(config)) {
            port = Integer.parseInt(Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(3).trim());
            String url = "jdbc:postgresql://localhost:" + port + "/postgres";
            SQLException refused = assertThrows(SQLException.class, () -> connect(url, "postgres", null));
            assertTrue(refused.getSQLState().startsWith("28") || refused.getSQLState().startsWith("08"), refused.getSQLState() + " " + refused.getMessage());
            assertThrows(SQLException.class, () -> connect(url, "postgres", "wrong"));
            assertThrows(SQLException.class, () -> connect(url, "lmo_api_login", "wrong"));
            String owner = Files.readString(dir.resolve("owner.secret")).trim();
            try (Connection c = connect(url, "postgres", owner)) {
                assertTrue(c.isValid(2));
            }
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("owner.secret"))));
            assertFalse(Files.readAllLines(dir.resolve("postgres/pg_hba.conf")).stream()
                    .anyMatch(line -> !line.startsWith("#") && line.contains("trust")), "no rule trusts a connection");
        }
        try (Database again = Database.start(config)) {
            assertEquals(1, (int) again.api().withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()),
                    "a restart on the same data directory connects with the kept passwords");
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) p.setProperty("password", password);
        p.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, p);
    }
}
