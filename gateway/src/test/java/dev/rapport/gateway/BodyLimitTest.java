package dev.rapport.gateway;

import static dev.rapport.gateway.TestCallers.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The test profile allows 64 KB by default and 1 MB on /api/surveys. */
@QuarkusTest
class BodyLimitTest {

    private static final int KB = 1024;

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void aDeclaredBodyOverTheLimitIs413ProblemBeforeAnythingIsForwarded() {
        as("crm-admin").contentType("application/json").body(json(100 * KB))
                .post("/api/customers")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/payload-too-large"))
                .body("status", equalTo(413));
    }

    @Test
    void aChunkedBodyOverTheLimitIsCutOffWith413() throws Exception {
        HttpResponse<String> response = sendChunked("/api/feedback/echo", 200 * KB);
        assertEquals(413, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("https://rapport.dev/problems/payload-too-large", JsonPath.from(response.body()).getString("type"));
    }

    @Test
    void bodiesWithinTheRouteLimitStreamThrough() throws Exception {
        // 200 KB is over the default limit but within /api/surveys' own 1 MB.
        HttpResponse<String> chunked = sendChunked("/api/surveys/echo", 200 * KB);
        assertEquals(200, chunked.statusCode());
        assertEquals(200 * KB, JsonPath.from(chunked.body()).getInt("bodyBytes"));
        assertTrue(JsonPath.from(chunked.body()).getString("headers.transfer-encoding").contains("chunked"));

        as("crm-admin").contentType("application/octet-stream").body(new byte[60 * KB])
                .post("/api/feedback/echo")
                .then().statusCode(200)
                .body("bodyBytes", equalTo(60 * KB));
    }

    private HttpResponse<String> sendChunked(String path, int bytes) throws Exception {
        byte[] body = new byte[bytes];
        Arrays.fill(body, (byte) 'x');
        // An InputStream publisher has no length: the JDK client sends it chunked.
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path))
                .header("Authorization", "Bearer " + TestCallers.token("chunky", "crm-admin"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String json(int bytes) {
        StringBuilder text = new StringBuilder("{\"firstName\":\"");
        text.append("a".repeat(bytes));
        return text.append("\"}").toString();
    }
}
