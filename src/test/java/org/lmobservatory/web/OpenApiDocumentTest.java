package org.lmobservatory.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.lmobservatory.db.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiDocumentTest {

    @Test
    void servedSpecificationEqualsTheCommittedContract() throws Exception {
        String served = RestAssured.get(TestServer.baseUrl() + "/openapi.json").then().statusCode(200).extract().asString();
        JsonNode servedTree = Json.MAPPER.readTree(served);
        // The server is this one's LMO_BASE_URL; the committed contract names the default one (a server run with no configuration).
        assertEquals(TestDatabase.config().baseUrl(), servedTree.at("/servers/0/url").asText());
        ((ObjectNode) servedTree.at("/servers/0")).put("url", OpenApiContract.DEFAULT_SERVER);
        Path committed = Path.of("openapi/openapi.json");
        Path fresh = Path.of("target/openapi.json");
        Files.createDirectories(fresh.getParent());
        Files.writeString(fresh, servedTree.toPrettyString() + "\n");
        JsonNode committedTree = Files.exists(committed) ? Json.MAPPER.readTree(committed.toFile()) : null;
        assertTrue(servedTree.equals(committedTree),
                "The served OpenAPI document differs from openapi/openapi.json. If the change is intended, run: cp target/openapi.json openapi/openapi.json");
    }

    @Test
    void observationValuesAreDocumentedAsNumbers() throws Exception {
        JsonNode spec = Json.MAPPER.readTree(Path.of("openapi/openapi.json").toFile());
        JsonNode value = spec.at("/components/schemas/ObservationsDocument/properties/observations/items/properties/value");
        assertEquals("number", value.path("type").asText());
    }

    @Test
    void interactiveDocsAreServed() {
        String html = RestAssured.get(TestServer.baseUrl() + "/docs").then().statusCode(200).extract().asString();
        assertTrue(html.toLowerCase().contains("swagger"), "Swagger UI page expected at /docs");
    }
}
