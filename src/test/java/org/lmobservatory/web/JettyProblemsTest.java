package org.lmobservatory.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.OwnObservatory;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Errors Jetty raises before any route runs are problem+json, not its HTML page; and a GET may carry the 5,000 codes
 * per parameter that /v1/limits promises. Raw sockets, so no client library shortens or refuses what is sent.
 */
class JettyProblemsTest {
    private static OwnObservatory own;

    @BeforeAll
    static void start() throws Exception {
        own = OwnObservatory.start(Map.of());
    }

    @AfterAll
    static void stop() {
        if (own != null) own.close();
    }

    record Answer(int status, String head, String body) {
        void assertProblem(int expectedStatus, String slug) {
            assertEquals(expectedStatus, status, head + body);
            assertTrue(head.toLowerCase().contains("content-type: application/problem+json"), head);
            assertTrue(body.contains("\"status\":" + expectedStatus), body);
            assertTrue(body.contains("/problems/" + slug + "\""), body);
            assertTrue(!body.contains("<h1>") && !body.contains("<html"), body);
        }
    }

    @Test
    void allPromisedCodesOfOneParameterFitInAGet() throws Exception {
        String codes = IntStream.rangeClosed(1, OwnObservatory.CODES).mapToObj(OwnObservatory::code).collect(Collectors.joining(","));
        Answer answer = send("GET /v1/datasets/" + OwnObservatory.DATASET + "/observations?format=csv&geo=" + codes + " HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close\r\n\r\n");
        assertEquals(200, answer.status(), answer.head() + answer.body().substring(0, Math.min(500, answer.body().length())));
        assertEquals(OwnObservatory.CODES + 1, answer.body().lines().count(), "a header line and a row per code");
    }

    @Test
    void aUrlOverTheLimitIsA414Problem() throws Exception {
        send("GET /v1/datasets?q=" + "x".repeat(JettyProblems.MAX_REQUEST_HEADER_BYTES + 10) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .assertProblem(414, "uri-too-long");
    }

    @Test
    void headersOverTheLimitAreA431Problem() throws Exception {
        send("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "y".repeat(JettyProblems.MAX_REQUEST_HEADER_BYTES + 10)
                + "\r\nConnection: close\r\n\r\n").assertProblem(431, "headers-too-large");
    }

    @Test
    void aMalformedRequestIsA400Problem() throws Exception {
        send("GET /health HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\nConnection: close\r\n\r\n").assertProblem(400, "malformed-request");
    }

    private static Answer send(String request) throws Exception {
        try (Socket socket = new Socket("localhost", own.server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            try {
                in.transferTo(all);
            } catch (java.net.SocketException reset) {
                // Jetty may close right after its error answer while the rest of a large request is still unsent.
            }
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) body = unchunk(body);
            return new Answer(Integer.parseInt(head.split(" ", 3)[1]), head, body);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int eol = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, eol).trim(), 16);
            if (size == 0) break;
            out.append(chunked, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
        return out.toString();
    }
}
