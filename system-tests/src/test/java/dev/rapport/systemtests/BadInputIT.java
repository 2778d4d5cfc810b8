package dev.rapport.systemtests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input for every operation of the merged document, generated from its schemas, sent with a key
 * that may call everything: each must be refused with a documented 4xx problem, nothing stored.
 */
@Order(2)
class BadInputIT {

    private static final int THREADS = 4;
    private static Live live;
    private static BadRequests generator;
    private static Databases databases;

    @BeforeAll
    static void setUp() {
        live = Live.get();
        Fixtures fixtures = new Fixtures(live);
        String key = live.apiKey("bad-input-" + fixtures.run, live.allScopes(), "internal");
        generator = new BadRequests(live.document, fixtures, Map.of("X-Api-Key", key));
        databases = new Databases(live.stack);
    }

    @Test
    void every_operation_refuses_invalid_input_and_stores_nothing() {
        List<BadRequests.Request> requests = new ArrayList<>();
        Map<String, OpenApiDocument.Operation> oneWithBodyPerRoute = new TreeMap<>();
        for (OpenApiDocument.Operation op : live.document.operations()) {
            requests.addAll(generator.invalid(op));
            if (op.jsonBodySchema().isPresent()) {
                oneWithBodyPerRoute.putIfAbsent(op.path().split("/")[2], op);
            }
        }
        oneWithBodyPerRoute.values().forEach(op -> requests.add(generator.overLimit(op)));
        Map<String, Long> before = databases.settledRowCounts();
        List<String> failures = send(requests, true);
        Databases.sleep(2000);
        Map<String, Long> after = databases.rowCounts();
        Map<String, String> grown = new TreeMap<>();
        after.forEach((table, count) -> {
            if (count > before.getOrDefault(table, 0L)) {
                grown.put(table, before.getOrDefault(table, 0L) + " -> " + count);
            }
        });
        assertThat(failures).as("answers to invalid input (" + requests.size() + " requests)").isEmpty();
        assertThat(grown).as("tables that grew while only invalid requests were sent").isEmpty();
    }

    @Test
    void injection_strings_are_kept_as_data_never_run() {
        List<BadRequests.Request> requests = new ArrayList<>();
        int[] next = {0};
        for (OpenApiDocument.Operation op : live.document.operations()) {
            requests.addAll(generator.injections(op, next));
        }
        List<String> failures = send(requests, false);
        assertThat(failures).as("answers to injection strings (" + requests.size() + " requests)").isEmpty();
        // The tables are all still there and answer.
        assertThat(databases.rowCounts()).isNotEmpty();
    }

    private static List<String> send(List<BadRequests.Request> requests, boolean invalid) {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> perOperation = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (BadRequests.Request request : requests) {
                futures.add(pool.submit(() -> {
                    perOperation.computeIfAbsent(request.operation().toString(), k -> new AtomicInteger()).incrementAndGet();
                    Http.Response response = live.http.send(request.method(), request.path(), request.headers(), request.body());
                    List<String> problems = invalid ? Verdicts.refusal(response, live.checker) : Verdicts.noFailure(response, live.checker);
                    if (!problems.isEmpty()) {
                        failures.add(request.operation() + " [" + request.label() + "]: " + String.join("; ", problems)
                                + "\n      " + abbreviate(response.toString()));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        new TreeMap<>(perOperation).forEach((op, count) -> sorted.put(op, count.get()));
        System.out.println((invalid ? "Invalid" : "Injection") + " requests per operation:");
        sorted.forEach((op, count) -> System.out.printf("  %5d  %s%n", count, op));
        System.out.printf("%s requests: %d over %d operations, %d answered wrongly%n",
                invalid ? "Invalid" : "Injection", requests.size(), sorted.size(), failures.size());
        return failures;
    }

    private static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }
}
