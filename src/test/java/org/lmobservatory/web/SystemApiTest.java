package org.lmobservatory.web;

import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestServer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

class SystemApiTest {

    @Test
    void healthSaysUp() {
        TestServer.given().get("/health").then().statusCode(200).body("status", equalTo("up"));
    }

    @Test
    void readyChecksTheDatabaseAndMigrations() {
        TestServer.given().get("/ready").then().statusCode(200)
                .body("status", equalTo("ready"))
                .body("database", equalTo(true))
                .body("schemaVersion", notNullValue());
        // The newest migration in db/migration, compared as a number (text would make '9' the newest after '16').
        int newest = java.util.Arrays.stream(new java.io.File("db/migration").list())
                .filter(f -> f.matches("V\\d+__.*\\.sql")).mapToInt(f -> Integer.parseInt(f.substring(1, f.indexOf("__")))).max().orElseThrow();
        TestServer.given().get("/ready").then().body("schemaVersion", equalTo(Integer.toString(newest)));
    }

    @Test
    void limitsAreMachineReadable() {
        TestServer.given().get("/v1/limits").then().statusCode(200)
                .body("maxCellsJson", equalTo(100_000))
                .body("maxCellsCsv", equalTo(1_000_000))
                .body("maxConcurrentQueries", equalTo(8))
                .body("queryWaitMillis", equalTo(250))
                .body("notes.admission", containsString("503"));
    }
}
