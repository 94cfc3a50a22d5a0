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
