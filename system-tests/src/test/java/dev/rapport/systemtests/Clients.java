package dev.rapport.systemtests;

import dev.rapport.client.ApiClient;
import dev.rapport.client.ApiException;

import java.time.Duration;
import java.util.concurrent.Callable;

/** The generated client, pointed at the gateway, each answer checked against the document first. */
final class Clients {

    private Clients() {
    }

    static ApiClient as(Live live, String bearerToken) {
        ApiClient client = new ApiClient();
        client.setHttpClientBuilder(CheckingHttpClient.builder(live.checker));
        client.updateBaseUri(live.stack.gatewayUrl());
        client.setReadTimeout(Duration.ofSeconds(60));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + bearerToken));
        return client;
    }

    /** Calls the client, turning its checked exception into an assertion failure with the answer. */
    static <T> T call(Callable<T> call) {
        try {
            return call.call();
        } catch (ApiException e) {
            throw new AssertionError("HTTP " + e.getCode() + ": " + e.getResponseBody(), e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The status of a call expected to fail. */
    static int status(Callable<?> call) {
        try {
            call.call();
            return 200;
        } catch (ApiException e) {
            return e.getCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
