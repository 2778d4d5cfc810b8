package dev.rapport.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Raw HTTP to the gateway: what the bytes say, before any client library interprets them. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String base;

    public Http(String base) {
        this.base = base;
    }

    public record Response(String method, String path, int status, java.net.http.HttpHeaders headers, String body) {
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return method + " " + path + " -> " + status + " " + contentType() + " "
                    + (body.length() > 600 ? body.substring(0, 600) + "..." : body);
        }
    }

    /** Sends {@code body} (null for none) with {@code headers}; the path is sent as given, unencoded. */
    public Response send(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(method, path, response.statusCode(), response.headers(),
                    new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response send(String method, String path, String bearer, String json) {
        Map<String, String> headers = json == null
                ? Map.of("Authorization", "Bearer " + bearer, "Accept", "application/json")
                : Map.of("Authorization", "Bearer " + bearer, "Accept", "application/json", "Content-Type", "application/json");
        return send(method, path, headers, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }
}
