package dev.rapport.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Requests refused on their head alone (sent over a raw socket: HTTP clients refuse to send most of
 * them) still get a problem document with the request id, the rate-limit and the security headers.
 */
@QuarkusTest
class EarlyRefusalsTest {

    @TestHTTPResource("/")
    URL base;

    private record Answer(int status, Map<String, String> headers, String body) {
    }

    private Answer send(String head) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(received);
            } catch (SocketTimeoutException e) {
                // what arrived is checked below
            }
            String text = received.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            assertTrue(end > 0, "a complete response head in: " + text);
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
        }
    }

    private static void assertProblem(Answer answer, int status, String type) {
        assertEquals(status, answer.status(), answer::toString);
        assertEquals("application/problem+json", answer.headers().get("content-type"));
        assertEquals("nosniff", answer.headers().get("x-content-type-options"));
        assertEquals("DENY", answer.headers().get("x-frame-options"));
        for (String header : new String[] {"x-request-id", "ratelimit-limit", "ratelimit-remaining",
                "strict-transport-security", "content-security-policy"}) {
            assertNotNull(answer.headers().get(header), header + " in " + answer.headers());
        }
        for (String member : new String[] {"\"status\":" + status, "\"type\":\"https://rapport.dev/problems/" + type + "\"",
                "\"requestId\":\"" + answer.headers().get("x-request-id") + "\""}) {
            assertTrue(answer.body().contains(member), member + " in " + answer.body());
        }
    }

    @Test
    void aRequestTargetOver4096CharactersIs414() throws IOException {
        assertProblem(send("GET /api/customers?q=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n"),
                414, "uri-too-long");
    }

    @Test
    void headersOver20KiloBytesAre431() throws IOException {
        assertProblem(send("GET /api/customers HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "b".repeat(21_000) + "\r\n"),
                431, "headers-too-large");
    }

    @Test
    void brokenPercentEncodingIs400() throws IOException {
        assertProblem(send("GET /api/customers/%zz HTTP/1.1\r\nHost: localhost\r\n"), 400, "malformed-uri");
        assertProblem(send("GET /api/customers?q=%e HTTP/1.1\r\nHost: localhost\r\n"), 400, "malformed-uri");
    }

    @Test
    void aRejectedCorsOriginIs403() throws IOException {
        assertProblem(send("GET /api/customers HTTP/1.1\r\nHost: localhost\r\nOrigin: https://evil.example\r\n"),
                403, "origin-not-allowed");
        assertProblem(send("OPTIONS /api/customers HTTP/1.1\r\nHost: localhost\r\nOrigin: https://evil.example\r\n"
                + "Access-Control-Request-Method: GET\r\n"), 403, "origin-not-allowed");
        Answer allowed = send("OPTIONS /api/customers HTTP/1.1\r\nHost: localhost\r\nOrigin: http://localhost:3000\r\n"
                + "Access-Control-Request-Method: GET\r\n");
        assertEquals(200, allowed.status());
        assertEquals("http://localhost:3000", allowed.headers().get("access-control-allow-origin"));
    }
}
