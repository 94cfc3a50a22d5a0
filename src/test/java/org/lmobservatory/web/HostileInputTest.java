package org.lmobservatory.web;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inputs that answered 500 with a stack trace (issue 11), each now a 400 problem; malformed escapes no longer drop
 * a filter silently; other methods are a 405 with Allow; preflights and CORS for an open-data API.
 */
class HostileInputTest {
    private static final String OBSERVATIONS = "/v1/datasets/unemployment-rate/observations";

    /** The answer to a request line sent as written: HTTP clients refuse to send a malformed escape, attackers do not. */
    record RawAnswer(int status, String contentType, String body) {
    }

    private static RawAnswer raw(String pathAndQuery) {
        try (Socket socket = new Socket("localhost", TestServer.get().port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
            String type = head.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
                    .map(l -> l.substring(13).trim()).findFirst().orElse("");
            return new RawAnswer(status, type, answer.substring(Math.min(answer.length(), head.length() + 4)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void problem400(String pathAndQuery) {
        RawAnswer r = raw(pathAndQuery);
        assertEquals(400, r.status(), pathAndQuery + " → " + r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), pathAndQuery + " → " + r.contentType());
        assertTrue(!r.body().contains("at org.") && !r.body().contains("Exception"), "no stack trace: " + r.body());
    }

    @Test
    void formerFiveHundredsAreBadRequests() {
        TestServer.get();
        problem400("/v1/datasets/unemployment-rate/chart.svg?geo=FI1B&type=%zz");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("v1:0:+999999999-12-31".getBytes(StandardCharsets.UTF_8));
        problem400(OBSERVATIONS + "?cursor=" + forged);
        problem400(OBSERVATIONS + "?asOf=%2B999999999-12-31T23:59:59Z");
        problem400("/v1/datasets/unemployment-rate/revisions?since=%2B999999999-12-31T23:59:59Z");
        problem400("/widgets/indicator?dataset=unemployment-rate&geo=FI%00B");
        problem400("/oembed?url=http%3A%2F%2Flocalhost%2Fwidgets%2Findicator%3Fdataset%3Dx%00");
    }

    @Test
    void aMalformedEscapeIsRefusedNotIgnored() {
        TestServer.get();
        RawAnswer r = raw(OBSERVATIONS + "?geo=%zz");
        assertEquals(400, r.status(), "before: the filter was dropped and every area answered 200");
        assertTrue(r.body().contains("%zz"), r.body());
        assertEquals(null, QueryStringGuard.problem("geo=FI1B,FI1C&time=2020..2024&q=ty%C3%B6tt%C3%B6m%C3%A4t"));
        assertTrue(QueryStringGuard.problem("geo=%4").contains("percent-escape"));
        assertTrue(QueryStringGuard.problem("geo=%1F").contains("control character"));
    }

    @Test
    void otherMethodsAre405WithAllow() {
        TestServer.get();
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            Response r = RestAssured.given().baseUri(TestServer.baseUrl()).request(method, OBSERVATIONS);
            assertEquals(405, r.statusCode(), method);
            assertEquals("GET, HEAD, OPTIONS", r.header("Allow"), method);
            assertTrue(r.contentType().startsWith("application/problem+json"), method + " " + r.contentType());
        }
    }

    @Test
    void preflightAndCorsForAnyOrigin() {
        TestServer.get();
        RestAssured.given().baseUri(TestServer.baseUrl()).header("Origin", "https://example.org")
                .header("Access-Control-Request-Method", "GET").options(OBSERVATIONS)
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", containsString("GET"));
        RestAssured.given().baseUri(TestServer.baseUrl()).options("/v1/nothing-here").then().statusCode(204);
        RestAssured.given().baseUri(TestServer.baseUrl()).get("/v1/nothing-here").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        TestServer.given().header("Origin", "https://example.org").get("/v1/datasets")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("*"))
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }
}
