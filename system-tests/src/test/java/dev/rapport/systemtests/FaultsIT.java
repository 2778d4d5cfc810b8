package dev.rapport.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product while things fail, seen through the gateway: Kafka down under load, customer-service
 * killed under load, PostgreSQL restarted, an upstream stopped. Each scenario restores what it broke,
 * so the scenarios (and the other system tests sharing the stack) see a whole product again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000, 36);

    private static Live live;
    private static SystemStack stack;
    private static Databases databases;
    private static String key;
    private static Map<String, String> keyHeaders;

    @BeforeAll
    static void stackAndKey() {
        live = Live.get();
        stack = live.stack;
        databases = new Databases(stack);
        key = live.apiKey("faults-" + RUN, List.of("customers:read", "customers:write", "purchases:write",
                "loyalty:read", "feedback:read", "segments:read"), "internal");
        keyHeaders = Map.of("X-Api-Key", key, "Accept", "application/json", "Content-Type", "application/json");
    }

    @Test
    @Order(1)
    void kafkaStoppedForThirtySecondsUnderLoadLosesAndDuplicatesNoEvent() throws Exception {
        String prefix = "FK-" + RUN + "-";
        List<String> customers = customers("fk", 40);
        FaultLoad load = new FaultLoad(live.http, key, customers, prefix, 2_000, 8, 50).start();
        long started = System.nanoTime();
        load.awaitSent(200);
        int sentBeforeStop = load.sent();
        stack.rapport("stop", "kafka");
        long stoppedAt = System.nanoTime();
        int sentDuringOutage;
        try {
            Databases.sleep(30_000);
            sentDuringOutage = load.sent() - sentBeforeStop;
        } finally {
            stack.rapport("start", "kafka");
        }
        double outage = (System.nanoTime() - stoppedAt) / 1e9;
        List<FaultLoad.Write> writes = load.finish();

        List<FaultLoad.Write> succeeded = writes.stream().filter(FaultLoad.Write::succeeded).toList();
        assertThat(writes).as("every purchase sent while Kafka was down is answered 2xx: the outbox keeps it")
                .allMatch(FaultLoad.Write::succeeded);
        assertThat(sentDuringOutage).as("purchases recorded while Kafka was down").isGreaterThan(100);

        Await.until("customer-service's outbox drained", Duration.ofMinutes(3),
                () -> FaultLoad.unpublishedOutboxRows(databases, "customer-service"), n -> n == 0);
        Map<String, List<JsonNode>> events = FaultLoad.purchaseEvents(stack.kafkaBootstrap(), prefix);
        int verified = assertPublishedOnceInOrder(succeeded, events);

        assertConsumersAppliedOnce(prefix, succeeded.stream().map(FaultLoad.Write::orderId).collect(Collectors.toSet()), succeeded);
        System.out.printf("Faults/Kafka: %d purchases (%d while Kafka was down %.0f s), %d events verified once and in order,"
                        + " loyalty and segmentation applied each once; %.0f s%n",
                succeeded.size(), sentDuringOutage, outage, verified, (System.nanoTime() - started) / 1e9);
    }

    @Test
    @Order(2)
    void customerServiceKilledUnderLoadKeepsEveryAnsweredWriteAndPublishesEachOnce() throws Exception {
        String prefix = "FS-" + RUN + "-";
        List<String> customers = customers("fs", 20);
        // Up to 2,400, but it ends 200 purchases after customer-service is back, however long its start took.
        FaultLoad load = new FaultLoad(live.http, key, customers, prefix, 2_400, 6, 40).start();
        long started = System.nanoTime();
        load.awaitSent(150);
        ProcessHandle customerService = ProcessHandle.of(stack.pid("customer-service")).orElseThrow();
        customerService.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of anything
        int sentAtKill = load.sent();
        customerService.onExit().get(30, TimeUnit.SECONDS);
        stack.rapport("start", "customer-service");
        // The gateway's circuit breaker lets requests through again a little after the service is back.
        Await.until("the gateway reaching customer-service again", Duration.ofMinutes(1),
                () -> live.http.send("GET", "/api/customers/" + customers.get(0), keyHeaders, null).status(), s -> s == 200);
        int sentAtRestart = load.sent();
        load.stopAfter(200);
        List<FaultLoad.Write> writes = load.finish();

        List<FaultLoad.Write> succeeded = writes.stream().filter(FaultLoad.Write::succeeded).toList();
        Set<String> committed = new HashSet<>(FaultLoad.query(databases, "customer-service",
                "SELECT order_id FROM purchase WHERE order_id LIKE ? || '%'", prefix));
        assertThat(committed).as("every purchase answered 2xx is stored")
                .containsAll(succeeded.stream().map(FaultLoad.Write::orderId).toList());
        assertThat(writes.size() - succeeded.size()).as("some purchases failed while customer-service was down")
                .isPositive();
        assertThat(writes.subList(Math.min(writes.size(), sentAtRestart + 100), writes.size()))
                .as("purchases sent once the gateway reached customer-service again").isNotEmpty().allMatch(FaultLoad.Write::succeeded);
        for (FaultLoad.Write write : succeeded) {
            Http.Response read = live.http.send("GET", "/api/customers/" + write.customerId() + "/purchases/"
                    + write.orderId(), keyHeaders, null);
            assertThat(read.status()).as("read back: " + read).isEqualTo(200);
        }

        Await.until("customer-service's outbox drained", Duration.ofMinutes(3),
                () -> FaultLoad.unpublishedOutboxRows(databases, "customer-service"), n -> n == 0);
        Map<String, List<JsonNode>> events = FaultLoad.purchaseEvents(stack.kafkaBootstrap(), prefix);
        List<String> published = events.values().stream().flatMap(List::stream)
                .map(event -> event.path("data").path("orderId").asText()).toList();
        assertThat(published).as("each committed purchase published exactly once").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(committed);
        assertConsumersAppliedOnce(prefix, committed, null);
        System.out.printf("Faults/SIGKILL: %d purchases sent (killed at %d, restarted at %d), %d answered 2xx, %d committed,"
                        + " %d events verified once; %.0f s%n", writes.size(), sentAtKill, sentAtRestart, succeeded.size(), committed.size(), published.size(),
                (System.nanoTime() - started) / 1e9);
    }

    @Test
    @Order(3)
    void postgresRestartedMakesServicesNotReadyAndWritesA503ThenTheyRecoverByThemselves() {
        long started = System.nanoTime();
        String customer = customers("fp", 1).get(0);
        Map<String, Integer> ports = servicePortsWithDatabase();
        Map<String, Long> pids = new HashMap<>();
        ports.keySet().forEach(name -> pids.put(name, stack.pid(name)));
        Http.Response duringOutage;
        Http.Response customerDuringOutage;
        stack.rapport("stop", "postgres");
        try {
            ports.forEach((name, port) -> Await.until(name + " not ready without its database", Duration.ofSeconds(90),
                    () -> readiness(port), status -> status == 503));
            duringOutage = live.http.send("POST", "/api/customers/" + customer + "/purchases", keyHeaders,
                    purchase("FP-" + RUN + "-down"));
            customerDuringOutage = live.http.send("POST", "/api/customers", keyHeaders, person("fp-down"));
        } finally {
            stack.rapport("start", "postgres");
        }
        for (Http.Response response : List.of(duringOutage, customerDuringOutage)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(503);
            assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
            assertThat(response.header("Retry-After")).as(response.toString()).isPresent();
        }
        ports.forEach((name, port) -> Await.until(name + " ready again", Duration.ofMinutes(2),
                () -> readiness(port), status -> status == 200));
        ports.keySet().forEach(name -> assertThat(stack.pid(name)).as(name + " was not restarted").isEqualTo(pids.get(name)));
        assertThat(ProcessHandle.of(pids.get("customer-service")).map(ProcessHandle::isAlive)).contains(true);

        String orderId = "FP-" + RUN + "-up";
        Http.Response after = Await.until("a purchase recorded after the restart", Duration.ofMinutes(1),
                () -> live.http.send("POST", "/api/customers/" + customer + "/purchases", keyHeaders, purchase(orderId)),
                response -> response.status() == 201 || response.status() == 200);
        assertThat(after.status()).isIn(200, 201);
        Await.until("its event published by the same relay", Duration.ofMinutes(2),
                () -> FaultLoad.purchaseEvents(stack.kafkaBootstrap(), orderId).size(), n -> n == 1);
        Await.until("loyalty earned for it", Duration.ofMinutes(2), () -> FaultLoad.query(databases, "loyalty-service",
                "SELECT id FROM ledger_entry WHERE type = 'earn' AND source_id = ?", orderId).size(), n -> n == 1);
        System.out.printf("Faults/PostgreSQL: %d services not ready then ready again without a restart, writes 503; %.0f s%n",
                ports.size(), (System.nanoTime() - started) / 1e9);
    }

    @Test
    @Order(4)
    void anUpstreamStoppedIsA503ForItsRoutesOnlyAndAnUnavailablePartOfTheOverview() throws Exception {
        long started = System.nanoTime();
        String customer = customers("fu", 1).get(0);
        Duration gatewayTimeout = Duration.ofSeconds(30); // rapport.gateway.upstreams.*.timeout
        stack.rapport("stop", "feedback-service");
        try {
            HttpResponse<String> complaints = withTimeout(gatewayTimeout, "/api/complaints?customerId=" + customer);
            assertThat(complaints.statusCode()).as(complaints.body()).isEqualTo(503);
            assertThat(complaints.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
            assertThat(JSON.readTree(complaints.body()).path("status").asInt()).isEqualTo(503);

            assertThat(live.http.send("GET", "/api/customers/" + customer, keyHeaders, null).status()).isEqualTo(200);
            assertThat(live.http.send("GET", "/api/loyalty/program", keyHeaders, null).status()).isEqualTo(200);

            HttpResponse<String> overview = withTimeout(gatewayTimeout, "/api/customers/" + customer + "/overview");
            assertThat(overview.statusCode()).as(overview.body()).isEqualTo(200);
            JsonNode parts = JSON.readTree(overview.body());
            assertThat(parts.path("openComplaints").path("status").asText()).isEqualTo("unavailable");
            assertThat(parts.path("profile").path("status").asText()).isEqualTo("available");
            assertThat(parts.path("loyalty").path("status").asText()).isEqualTo("available");
        } finally {
            stack.rapport("start", "feedback-service");
        }
        Await.until("the overview's complaints part available again", Duration.ofMinutes(1),
                () -> live.http.send("GET", "/api/customers/" + customer + "/overview", keyHeaders, null),
                response -> response.status() == 200 && "available".equals(partStatus(response.body(), "openComplaints")));
        System.out.printf("Faults/upstream: feedback-service stopped, its route 503, others 200, overview part unavailable; %.0f s%n",
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * Each 2xx purchase has exactly one event, a customer's events are in the order the purchases were
     * sent, and none is there for a customer outside {@code succeeded}.
     */
    private static int assertPublishedOnceInOrder(List<FaultLoad.Write> succeeded, Map<String, List<JsonNode>> events) {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        succeeded.stream().sorted((a, b) -> Integer.compare(a.sequence(), b.sequence()))
                .forEach(w -> expected.computeIfAbsent(w.customerId(), k -> new ArrayList<>()).add(w.purchaseId()));
        int verified = 0;
        Set<String> eventIds = new HashSet<>();
        for (Map.Entry<String, List<String>> customer : expected.entrySet()) {
            List<JsonNode> published = events.getOrDefault(customer.getKey(), List.of());
            List<String> purchaseIds = published.stream().map(e -> e.path("data").path("purchaseId").asText()).toList();
            assertThat(purchaseIds).as("purchase events of customer " + customer.getKey() + ", once each, in order")
                    .containsExactlyElementsOf(customer.getValue());
            published.forEach(e -> eventIds.add(e.path("id").asText()));
            verified += published.size();
        }
        assertThat(eventIds).as("distinct event ids").hasSize(verified);
        assertThat(events.keySet()).as("no events for other customers").isSubsetOf(expected.keySet());
        return verified;
    }

    /** loyalty-service earned once per order; segmentation-service counted each once with its total. */
    private static void assertConsumersAppliedOnce(String prefix, Set<String> orders, List<FaultLoad.Write> writes) {
        Await.until("loyalty earned once for each of " + orders.size() + " orders", Duration.ofMinutes(3),
                () -> FaultLoad.query(databases, "loyalty-service",
                        "SELECT source_id FROM ledger_entry WHERE type = 'earn' AND source_id LIKE ? || '%'", prefix),
                earned -> earned.size() >= orders.size());
        List<String> earned = FaultLoad.query(databases, "loyalty-service",
                "SELECT source_id FROM ledger_entry WHERE type = 'earn' AND source_id LIKE ? || '%'", prefix);
        assertThat(earned).as("one earn entry per order").doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(orders);

        Await.until("segmentation counted " + orders.size() + " purchases", Duration.ofMinutes(3),
                () -> FaultLoad.query(databases, "segmentation-service",
                        "SELECT order_id FROM seg_purchase WHERE order_id LIKE ? || '%'", prefix),
                counted -> counted.size() >= orders.size());
        List<String> counted = FaultLoad.query(databases, "segmentation-service",
                "SELECT order_id FROM seg_purchase WHERE order_id LIKE ? || '%'", prefix);
        assertThat(counted).as("segmentation's purchases (its frequency)").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(orders);
        if (writes != null) {
            Map<String, BigDecimal> expected = new TreeMap<>();
            writes.forEach(w -> expected.merge(w.customerId(), BigDecimal.valueOf(10 + w.sequence() % 7), BigDecimal::add));
            Map<String, BigDecimal> monetary = new TreeMap<>();
            for (String row : FaultLoad.query(databases, "segmentation-service",
                    "SELECT customer_id || '=' || sum(total) FROM seg_purchase WHERE order_id LIKE ? || '%' GROUP BY customer_id", prefix)) {
                String[] pair = row.split("=");
                monetary.put(pair[0], new BigDecimal(pair[1]).stripTrailingZeros());
            }
            expected.replaceAll((k, v) -> v.stripTrailingZeros());
            assertThat(monetary).as("segmentation's monetary value per customer").isEqualTo(expected);
        }
    }

    private static String partStatus(String overview, String part) {
        try {
            return JSON.readTree(overview).path(part).path("status").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> customers(String tag, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Http.Response created = live.http.send("POST", "/api/customers", keyHeaders, person(tag + "-" + i));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            try {
                ids.add(JSON.readTree(created.body()).path("id").asText());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return ids;
    }

    private static byte[] person(String tag) {
        return """
                {"externalId":"FAULT-%s-%s","firstName":"Fault","lastName":"Drill","email":"fault.%s.%s@example.org"}"""
                .formatted(RUN, tag, RUN, tag).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] purchase(String orderId) {
        return """
                {"orderId":"%s","currency":"GBP","lines":[{"sku":"FAULT","quantity":1,"unitPrice":"12.00"}]}"""
                .formatted(orderId).getBytes(StandardCharsets.UTF_8);
    }

    /** Each service with a database and its own port, from ./rapport services with this stack's overrides. */
    private static Map<String, Integer> servicePortsWithDatabase() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String line : stack.rapport("services")) {
            String name = line.substring(0, line.indexOf(':'));
            if (!name.equals("gateway")) {
                ports.put(name, Integer.parseInt(line.substring(line.indexOf(':') + 1).trim()));
            }
        }
        return ports;
    }

    private static int readiness(int port) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET through the gateway that must be answered before the gateway's own upstream timeout. */
    private static HttpResponse<String> withTimeout(Duration timeout, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).timeout(timeout).GET();
        keyHeaders.forEach((name, value) -> {
            if (!name.equals("Content-Type")) {
                request.header(name, value);
            }
        });
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
