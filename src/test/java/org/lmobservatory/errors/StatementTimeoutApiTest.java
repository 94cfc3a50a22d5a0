package org.lmobservatory.errors;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lmobservatory.Observatory;
import org.lmobservatory.config.AppConfig;
import org.lmobservatory.db.Database;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A statement timeout from the real PostgreSQL reaches the client as the mapped problem. A second server over the test
 * database is configured as production would be, with LMO_STATEMENT_TIMEOUT_MS=1, so every read that needs more than
 * a millisecond is cancelled by PostgreSQL (SQLSTATE 57014).
 */
class StatementTimeoutApiTest {

    @Test
    void aCancelledReadIsA504ProblemWithRetryAfter() throws Exception {
        TestServer.get(); // the seed is loaded and published
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", System.getenv().getOrDefault("TEST_DATABASE_URL", TestDatabase.get().jdbcUrl()));
        if (System.getenv("TEST_DATABASE_URL") == null) {
            env.put("DATABASE_USER", "postgres");
            env.put("DATABASE_PASSWORD", Files.readString(TestDatabase.config().dataDir().resolve("owner.secret")).trim());
        }
        env.put("LMO_DATA_DIR", Files.createTempDirectory("lmo-timeout").toString());
        env.put("PORT", "0");
        env.put("LMO_STATEMENT_TIMEOUT_MS", "1");
        AppConfig config = AppConfig.from(env);
        try (Database database = Database.start(config); Observatory server = new Observatory(config, database).start()) {
            Response response = RestAssured.given().baseUri("http://localhost:" + server.port())
                    .queryParam("format", "csv")
                    .get("/v1/datasets/job-vacancies/observations");
            assertEquals(504, response.statusCode(), response.asString());
            assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
            assertTrue(response.path("type").toString().endsWith("/problems/statement-timeout"), response.asString());
            assertEquals("Query took too long", response.path("title"));
            assertEquals("57014", response.path("sqlState"));
            assertEquals("30", response.header("Retry-After"));
            assertFalse(response.asString().contains("at org."), "no stack trace: " + response.asString());
        }
    }
}
