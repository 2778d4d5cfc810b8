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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product while things fail, seen through the gateway: Kafka down under load, customer-service
 * killed under load, PostgreSQL restarted, an upstream stopped, feedback-service killed while it consumes.
 * Each scenario restores what it broke, so the scenarios (and the other system tests sharing the stack)
 * see a whole product again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONSENT_CHANGED = "rapport.customer.consent-changed.v1";
    private static final String ABC_CLASS_CHANGED = "rapport.segmentation.abc-class-changed.v1";
    private static final String TIER_CHANGED = "rapport.loyalty.tier-changed.v1";
    private static final String FEEDBACK_ERASURE_CONFIRMED = "rapport.feedback.erasure-confirmed.v1";
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
                "loyalty:read", "feedback:read", "segments:read", "privacy:erase"), "internal");
        keyHeaders = Map.of("X-Api-Key", key, "Accept", "application/json", "Content-Type", "application/json");
    }

    @Test
    @Order(1)
    void kafkaStoppedForThirtySecondsUnderLoadLosesAndDuplicatesNoEvent() throws Exception {
        String prefix = "FK-" + RUN + "-";
        List<String> customers = customers("fk", 40);
        List<String> erased = customers("fke", 2);
        FaultLoad load = new FaultLoad(live.http, key, customers, prefix, 2_000, 8, 50).withConsentChangesEvery(5).start();
        long started = System.nanoTime();
        load.awaitSent(200);
        int sentBeforeStop = load.sent();
        stack.rapport("stop", "kafka");
        long stoppedAt = System.nanoTime();
        int sentDuringOutage;
        try {
            Databases.sleep(15_000);
            erased.forEach(FaultsIT::erase);
            Databases.sleep(15_000);
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
        List<FaultLoad.ConsentWrite> consents = load.consentWrites();
        assertThat(consents).as("every consent statement sent while Kafka was down is answered 2xx").allMatch(FaultLoad.ConsentWrite::succeeded);
        String feedback = assertFeedbackCaughtUp(customers, consents);
        assertErasedOnceByFeedback(erased);
        System.out.printf("Faults/Kafka: %d purchases (%d while Kafka was down %.0f s), %d events verified once and in order,"
                        + " loyalty and segmentation applied each once; feedback-service %s, %d erasures confirmed once; %.0f s%n",
                succeeded.size(), sentDuringOutage, outage, verified, feedback, erased.size(), (System.nanoTime() - started) / 1e9);
    }

    @Test
    @Order(2)
    void customerServiceKilledUnderLoadKeepsEveryAnsweredWriteAndPublishesEachOnce() throws Exception {
        String prefix = "FS-" + RUN + "-";
        List<String> customers = customers("fs", 20);
        // Up to 2,400, but it ends 200 purchases after customer-service is back, however long its start took.
        FaultLoad load = new FaultLoad(live.http, key, customers, prefix, 2_400, 6, 40).withConsentChangesEvery(5).start();
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
        // Statements whose answer was lost may or may not be stored: feedback must agree with customer-service.
        String feedback = assertFeedbackCaughtUp(customers, load.consentWrites());
        System.out.printf("Faults/SIGKILL: %d purchases sent (killed at %d, restarted at %d), %d answered 2xx, %d committed,"
                        + " %d events verified once; feedback-service %s; %.0f s%n", writes.size(), sentAtKill, sentAtRestart,
                succeeded.size(), committed.size(), published.size(), feedback, (System.nanoTime() - started) / 1e9);
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

    @Test
    @Order(5)
    void feedbackServiceKilledWhileConsumingAppliesEveryConsentClassAndErasureOnce() throws Exception {
        String prefix = "FF-" + RUN + "-";
        List<String> customers = customers("ff", 20);
        List<String> erased = customers("ffe", 4);
        // Consent changes every fourth purchase: feedback-service has a steady stream to consume when it dies.
        FaultLoad load = new FaultLoad(live.http, key, customers, prefix, 1_600, 6, 40).withConsentChangesEvery(4).start();
        long started = System.nanoTime();
        load.awaitSent(150);
        erase(erased.get(0));
        erase(erased.get(1));
        ProcessHandle feedbackService = ProcessHandle.of(stack.pid("feedback-service")).orElseThrow();
        feedbackService.destroyForcibly(); // SIGKILL: offsets not committed, transactions cut wherever they were
        int sentAtKill = load.sent();
        feedbackService.onExit().get(30, TimeUnit.SECONDS);
        Databases.sleep(5_000);
        erase(erased.get(2));
        erase(erased.get(3));
        // Large purchases lift five customers to Gold: tier-changed events queue up for feedback-service too.
        for (int i = 0; i < 5; i++) {
            Http.Response big = live.http.send("POST", "/api/customers/" + customers.get(i) + "/purchases", keyHeaders,
                    purchase("FT-" + RUN + "-" + i, "5500.00"));
            assertThat(big.status()).as(big.toString()).isEqualTo(201);
        }
        stack.rapport("start", "feedback-service");
        int sentAtRestart = load.sent();
        load.stopAfter(150);
        List<FaultLoad.Write> writes = load.finish();

        assertThat(writes).as("purchases do not pass through feedback-service").allMatch(FaultLoad.Write::succeeded);
        List<FaultLoad.ConsentWrite> consents = load.consentWrites();
        assertThat(consents).as("consent statements do not pass through feedback-service").allMatch(FaultLoad.ConsentWrite::succeeded);
        assertConsumersAppliedOnce(prefix, writes.stream().map(FaultLoad.Write::orderId).collect(Collectors.toSet()), writes);
        String feedback = assertFeedbackCaughtUp(customers, consents);
        assertThat(FaultLoad.query(databases, "feedback-service", "SELECT customer_id::text FROM customer_class WHERE loyalty_tier = 'Gold'"
                + " AND customer_id::text = ANY (string_to_array(?, ','))", String.join(",", customers.subList(0, 5))))
                .as("the Gold tier reached while feedback-service was down, in its copy").hasSize(5);
        assertErasedOnceByFeedback(erased);
        System.out.printf("Faults/feedback SIGKILL: %d purchases and %d consent changes sent (killed at %d, restarted at %d);"
                        + " feedback-service %s, %d erasures confirmed once; %.0f s%n", writes.size(), consents.size(), sentAtKill,
                sentAtRestart, feedback, erased.size(), (System.nanoTime() - started) / 1e9);
    }

    /**
     * feedback-service's copies for {@code customers} once it has caught up: the email-marketing consent it
     * keeps is customer-service's current one, every consent-changed of theirs on the customer topic (each a
     * change: never the same status twice in a row) and every abc-class-changed and tier-changed of theirs
     * is recorded as processed by its consumer groups, and the class it keeps is the last one published.
     * The processed id is stored with the effect in one transaction, so a redelivered event (a consumer
     * killed before committing its offset) is skipped, not applied again. Returns a summary for the log.
     */
    private static String assertFeedbackCaughtUp(List<String> customers, List<FaultLoad.ConsentWrite> consents) {
        Set<String> ids = new HashSet<>(customers);
        String idList = String.join(",", customers);
        Map<String, String> current = new TreeMap<>();
        for (String customer : customers) {
            currentEmailMarketingConsent(customer).ifPresent(status -> current.put(customer, status));
        }
        if (consents.stream().allMatch(FaultLoad.ConsentWrite::succeeded)) {
            Map<String, String> lastSent = new TreeMap<>();
            consents.stream().sorted((a, b) -> Integer.compare(a.sequence(), b.sequence()))
                    .forEach(w -> lastSent.put(w.customerId(), w.stated()));
            assertThat(current).as("customer-service's current consent is the last statement sent").isEqualTo(lastSent);
        }

        List<JsonNode> consentEvents = FaultLoad.events(stack.kafkaBootstrap(), FaultLoad.CUSTOMER_TOPIC,
                e -> CONSENT_CHANGED.equals(e.path("type").asText()) && ids.contains(e.path("data").path("customerId").asText()));
        Map<String, List<String>> published = new TreeMap<>();
        consentEvents.forEach(e -> published.computeIfAbsent(e.path("data").path("customerId").asText(), k -> new ArrayList<>())
                .add(e.path("data").path("status").asText()));
        published.forEach((customer, statuses) -> {
            for (int i = 1; i < statuses.size(); i++) {
                assertThat(statuses.get(i)).as("consent-changed " + i + " of " + customer + " is a change (none published twice)")
                        .isNotEqualTo(statuses.get(i - 1));
            }
            assertThat(statuses.get(statuses.size() - 1)).as("the last consent-changed of " + customer).isEqualTo(current.get(customer));
        });
        // The topic is at least once (a relay round whose commit outcome Kafka did not confirm is sent
        // again), so an event may appear twice there; the processed ids prove each was applied once.
        // Both are awaited together: statuses alternate, so a consumer still behind can hold the current
        // status by coincidence before it has applied the events that lead there.
        List<String> consentIds = consentEvents.stream().map(e -> e.path("id").asText()).distinct().toList();
        Await.until("feedback-service applied the " + consentIds.size() + " consent-changed events and holds customer-service's"
                        + " consent for " + current.size() + " customers", Duration.ofMinutes(3),
                () -> processedIds("feedback-service").containsAll(consentIds)
                        && current.equals(feedbackEmailMarketingConsent(idList)),
                Boolean::booleanValue);
        assertThat(consentIds).as("consent-changed events applied by feedback-service").isSubsetOf(processedIds("feedback-service"));
        assertThat(feedbackEmailMarketingConsent(idList)).as("feedback-service's email-marketing consent").isEqualTo(current);

        // The class events follow the purchases through loyalty- and segmentation-service: probe until
        // feedback-service holds the last of each, reading the topics again each time.
        AtomicReference<List<JsonNode>> classEvents = new AtomicReference<>();
        Await.until("feedback-service's customer class equal to the last class events", Duration.ofMinutes(3), () -> {
            classEvents.set(classEvents(ids));
            Map<String, String> expected = new TreeMap<>();
            Map<String, String[]> last = new TreeMap<>();
            for (JsonNode e : classEvents.get()) {
                String[] pair = last.computeIfAbsent(e.path("data").path("customerId").asText(), k -> new String[] {"", ""});
                if (ABC_CLASS_CHANGED.equals(e.path("type").asText())) {
                    pair[0] = e.path("data").path("to").asText("");
                } else {
                    pair[1] = e.path("data").path("tier").asText("");
                }
            }
            last.forEach((customer, pair) -> expected.put(customer, pair[0] + "/" + pair[1]));
            Map<String, String> held = pairs(FaultLoad.query(databases, "feedback-service",
                    "SELECT customer_id || '=' || coalesce(abc_class, '') || '/' || coalesce(loyalty_tier, '') FROM customer_class"
                            + " WHERE customer_id::text = ANY (string_to_array(?, ','))", idList));
            return expected.equals(held) ? expected : null;
        }, Objects::nonNull);
        Set<String> classProcessed = processedIds("feedback-service.customer-class");
        assertThat(classEvents.get().stream().map(e -> e.path("id").asText()).distinct().toList())
                .as("class events applied by feedback-service").isSubsetOf(classProcessed);
        long abc = classEvents.get().stream().filter(e -> ABC_CLASS_CHANGED.equals(e.path("type").asText())).count();
        return "applied %d consent changes and %d class events (%d abc-class, %d tier) once".formatted(
                consentEvents.size(), classEvents.get().size(), abc, classEvents.get().size() - abc);
    }

    private static List<JsonNode> classEvents(Set<String> customers) {
        List<JsonNode> events = new ArrayList<>(FaultLoad.events(stack.kafkaBootstrap(), "rapport.segmentation.events",
                e -> ABC_CLASS_CHANGED.equals(e.path("type").asText()) && customers.contains(e.path("data").path("customerId").asText())));
        events.addAll(FaultLoad.events(stack.kafkaBootstrap(), "rapport.loyalty.events",
                e -> TIER_CHANGED.equals(e.path("type").asText()) && customers.contains(e.path("data").path("customerId").asText())));
        return events;
    }

    private static Map<String, String> feedbackEmailMarketingConsent(String idList) {
        return pairs(FaultLoad.query(databases, "feedback-service", "SELECT customer_id || '=' || status FROM consent"
                + " WHERE channel = 'email' AND purpose = 'marketing' AND customer_id::text = ANY (string_to_array(?, ','))", idList));
    }

    private static Set<String> processedIds(String consumerGroup) {
        return new HashSet<>(FaultLoad.query(databases, "feedback-service",
                "SELECT event_id::text FROM rapport_processed_event WHERE consumer_group = ?", consumerGroup));
    }

    private static Map<String, String> pairs(List<String> rows) {
        Map<String, String> map = new TreeMap<>();
        rows.forEach(row -> map.put(row.substring(0, row.indexOf('=')), row.substring(row.indexOf('=') + 1)));
        return map;
    }

    private static Optional<String> currentEmailMarketingConsent(String customer) {
        Http.Response list = live.http.send("GET", "/api/customers/" + customer + "/consents", keyHeaders, null);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        try {
            for (JsonNode item : JSON.readTree(list.body()).path("items")) {
                if ("email".equals(item.path("channel").asText()) && "marketing".equals(item.path("purpose").asText())) {
                    return Optional.of(item.path("status").asText());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void erase(String customer) {
        Http.Response erase = live.http.send("DELETE", "/api/customers/" + customer + "?reason=fault-drill", keyHeaders, null);
        assertThat(erase.status()).as(erase.toString()).isEqualTo(202);
    }

    /**
     * Every service confirmed each erasure, and feedback-service's outbox holds exactly one confirmation
     * per erased customer: its effect (erase, confirm) ran once although the event may have come twice.
     */
    private static void assertErasedOnceByFeedback(List<String> erased) {
        for (String customer : erased) {
            Await.until("every service's confirmation of the erasure of " + customer, Duration.ofMinutes(3),
                    () -> live.http.send("GET", "/api/customers/" + customer + "/erasure", keyHeaders, null),
                    response -> response.status() == 200 && "true".equals(field(response.body(), "complete")));
            List<String> confirmations = FaultLoad.query(databases, "feedback-service",
                    "SELECT event_id::text FROM rapport_outbox WHERE event_type = '" + FEEDBACK_ERASURE_CONFIRMED + "' AND message_key = ?",
                    customer);
            assertThat(confirmations).as("feedback-service's erasure confirmations for " + customer).hasSize(1);
        }
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

    private static String field(String json, String name) {
        try {
            return JSON.readTree(json).path(name).asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
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
        return purchase(orderId, "12.00");
    }

    private static byte[] purchase(String orderId, String unitPrice) {
        return """
                {"orderId":"%s","currency":"GBP","lines":[{"sku":"FAULT","quantity":1,"unitPrice":"%s"}]}"""
                .formatted(orderId, unitPrice).getBytes(StandardCharsets.UTF_8);
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
