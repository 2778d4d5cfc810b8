package dev.rapport.systemtests;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, from the document's x-rapport-access (the gateway's route table): every operation
 * with every kind of caller. Ids are random and bodies empty, so an allowed call changes nothing; it
 * only must not be refused for the caller (401/403).
 */
@Order(3)
class AccessIT {

    private record Caller(String name, Map<String, String> headers, java.util.function.Function<OpenApiDocument.Operation, Integer> expected) {
    }

    @Test
    void every_operation_with_every_kind_of_caller() {
        Live live = Live.get();
        Tokens tokens = live.tokens;
        List<Caller> callers = new ArrayList<>();
        java.util.function.Function<OpenApiDocument.Operation, Integer> unauthorized = op -> 401;
        callers.add(new Caller("no credentials", Map.of(), unauthorized));
        callers.add(new Caller("malformed token", bearer("not.a.jwt"), unauthorized));
        callers.add(new Caller("token signed by another key", bearer(tokens.signedByOtherKey("crm-admin")), unauthorized));
        callers.add(new Caller("token expired an hour ago", bearer(tokens.expired(3600, "crm-admin")), unauthorized));
        callers.add(new Caller("token expired 30 s ago (skew is 5 s)", bearer(tokens.expired(30, "crm-admin")), unauthorized));
        callers.add(new Caller("alg none", bearer(tokens.algNone("crm-admin")), unauthorized));
        callers.add(new Caller("unknown API key", Map.of("X-Api-Key", "rk_" + UUID.randomUUID()), unauthorized));
        for (String role : List.of("crm-admin", "crm-agent", "crm-analyst", "crm-nobody")) {
            callers.add(new Caller("role " + role, bearer(tokens.forRoles(role)),
                    op -> op.accessRoles().contains(role) ? 0 : 403));
        }
        String run = Long.toString(System.nanoTime(), 36);
        Set<String> scopes = live.allScopes();
        Map<String, String> keyByScope = new TreeMap<>();
        for (String scope : scopes) {
            keyByScope.put(scope, live.apiKey("scope-" + scope.replace(':', '-') + "-" + run, List.of(scope), "internal"));
        }
        callers.add(new Caller("API key with the operation's scope", Map.of(), op -> 0));
        callers.add(new Caller("API key without the operation's scope", Map.of(), op -> 403));
        String revoked = live.apiKey("revoked-" + run, scopes, "internal");
        live.stack.rapport("apikey", "revoke", "revoked-" + run);
        Await.until("the gateway to drop the revoked key", () -> live.http.send("GET", "/api/loyalty/program",
                Map.of("X-Api-Key", revoked), null).status(), status -> status == 401);
        callers.add(new Caller("revoked API key", Map.of("X-Api-Key", revoked), unauthorized));

        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        int sent = 0;
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (OpenApiDocument.Operation op : live.document.operations()) {
                String path = op.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                for (Caller caller : callers) {
                    Map<String, String> headers = new LinkedHashMap<>(caller.headers());
                    if (caller.name().equals("API key with the operation's scope")) {
                        headers.put("X-Api-Key", keyByScope.get(op.accessScopes().get(0)));
                    } else if (caller.name().equals("API key without the operation's scope")) {
                        String other = scopes.stream().filter(s -> !op.accessScopes().contains(s)).findFirst().orElseThrow();
                        headers.put("X-Api-Key", keyByScope.get(other));
                    }
                    byte[] body = op.requestContentTypes().isEmpty() ? null : "{}".getBytes(StandardCharsets.UTF_8);
                    if (body != null) {
                        headers.put("Content-Type", "application/json");
                    }
                    int expected = caller.expected().apply(op);
                    sent++;
                    futures.add(pool.submit(() -> {
                        Http.Response response = live.http.send(op.method(), path, headers, body);
                        List<String> problems = Verdicts.access(expected, response);
                        problems.addAll(live.checker.problems(response));
                        if (!problems.isEmpty()) {
                            failures.add(op + " as " + caller.name() + ": " + String.join("; ", problems) + "\n      " + response);
                        }
                    }));
                }
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("Access matrix: %d operations x %d kinds of caller = %d requests, %d wrong%n",
                live.document.operations().size(), callers.size(), sent, failures.size());
        assertThat(failures).as("the access matrix").isEmpty();
    }

    @Test
    void a_partner_past_its_burst_is_told_when_to_come_back() throws Exception {
        Live live = Live.get();
        String key = live.apiKey("burst-" + Long.toString(System.nanoTime(), 36), List.of("loyalty:read"), "partner");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Http.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            answers.add(pool.submit(() -> live.http.send("GET", "/api/loyalty/program", Map.of("X-Api-Key", key), null)));
        }
        List<Http.Response> limited = new ArrayList<>();
        for (Future<Http.Response> answer : answers) {
            Http.Response response = answer.get();
            assertThat(response.header("RateLimit-Limit")).as("RateLimit-Limit on " + response).isPresent();
            assertThat(response.header("RateLimit-Remaining")).as("RateLimit-Remaining on " + response).isPresent();
            if (response.status() == 429) {
                limited.add(response);
            } else {
                assertThat(response.status()).isEqualTo(200);
            }
        }
        pool.shutdownNow();
        assertThat(limited).as("answers past a burst of 40").isNotEmpty();
        for (Http.Response response : limited) {
            assertThat(response.header("Retry-After")).as("Retry-After on a 429").isPresent();
            assertThat(Long.parseLong(response.header("Retry-After").get())).isPositive();
            assertThat(response.contentType()).startsWith("application/problem+json");
            live.checker.assertConforms(response);
        }
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}
