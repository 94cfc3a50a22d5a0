package org.lmobservatory.db;

import com.zaxxer.hikari.HikariDataSource;
import org.lmobservatory.config.AppConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How the API's pool logs in. Least privilege: its sessions are a login role that is a member of the API role
 * (SELECT on published, nothing in staging) and of nothing else, so no statement of an API session, {@code RESET ROLE}
 * and SQL injection included, can reach the graduate records in staging.
 * <ul>
 *   <li>{@code API_DATABASE_USER}/{@code API_DATABASE_PASSWORD} set: that login, as created by the operator.</li>
 *   <li>Embedded database: a login role {@code <api role>_login}, made here, with a generated password kept in the
 *       data directory with 0600 rights.</li>
 *   <li>External database without an API login: the owner's login with {@code SET ROLE}, as before, and a warning —
 *       several API instances changing one shared role's password would lock each other out.</li>
 * </ul>
 */
record ApiLogin(String user, String password, String setRole) {
    private static final Logger log = LoggerFactory.getLogger(ApiLogin.class);

    static ApiLogin resolve(AppConfig config, HikariDataSource owner, boolean embedded, String ownerUser, String ownerPassword) {
        if (config.apiDatabaseUser().isPresent()) {
            return new ApiLogin(config.apiDatabaseUser().get(), config.apiDatabasePassword().orElse(null), null);
        }
        if (!embedded) {
            log.warn("API_DATABASE_USER is not set: the API logs in as the owner and switches to role {} with SET ROLE. Create a login "
                    + "role that is a member of {} only and set API_DATABASE_USER/API_DATABASE_PASSWORD, so that no API session "
                    + "can reach staging.", config.apiRole(), config.apiRole());
            return new ApiLogin(ownerUser, ownerPassword, config.apiRole());
        }
        String login = config.apiRole() + "_login";
        String password = EmbeddedAuth.secret(config.dataDir().resolve("api-login.secret"));
        try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
            // Role names and the password cannot be bound parameters in DDL: the name comes from configuration and is
            // quoted as an identifier, the password is our own base64url text.
            String role = identifier(login);
            st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = " + literal(login) + ") THEN "
                    + "CREATE ROLE " + role + " LOGIN; END IF; END $$");
            st.execute("ALTER ROLE " + role + " WITH LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS "
                    + "PASSWORD " + literal(password));
            st.execute("GRANT " + identifier(config.apiRole()) + " TO " + role);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the API's login role " + login + ": " + e.getMessage(), e);
        }
        return new ApiLogin(login, password, null);
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
