package dev.rapport.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Purchases recorded through the gateway by a small pool, paced, while a test breaks something; and
 * what the tests read afterwards: the events on the customer topic, the outbox, the consumers' tables.
 */
final class FaultLoad {

    static final String CUSTOMER_TOPIC = "rapport.customer.events";
    static final String PURCHASE_RECORDED = "rapport.customer.purchase-recorded.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One consent statement sent (email, marketing): the status stated and the answer's status. */
    record ConsentWrite(String customerId, int sequence, String stated, int status) {
        boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    /** One purchase sent: its status (-1 when no answer came at all) and the id the answer gave. */
    record Write(String customerId, String orderId, int sequence, int status, String purchaseId) {
        boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    private final Http http;
    private final Map<String, String> headers;
    private final List<String> customers;
    private final String orderPrefix;
    private final int perCustomer;
    private final int threads;
    private final long intervalNanos;
    private final AtomicInteger sent = new AtomicInteger();
    private volatile int limit = Integer.MAX_VALUE;
    private final List<Write> writes = Collections.synchronizedList(new ArrayList<>());
    private final List<ConsentWrite> consentWrites = Collections.synchronizedList(new ArrayList<>());
    private int consentEvery;
    private ExecutorService pool;
    private final List<Future<?>> running = new ArrayList<>();

    /**
     * {@code total} purchases spread evenly over {@code customers}; each customer's are sent one after the
     * other by one thread (so their order is defined), at most {@code perSecond} a second overall.
     */
    FaultLoad(Http http, String apiKey, List<String> customers, String orderPrefix, int total, int threads, int perSecond) {
        this.http = http;
        this.headers = Map.of("X-Api-Key", apiKey, "Accept", "application/json", "Content-Type", "application/json");
        this.customers = customers;
        this.orderPrefix = orderPrefix;
        this.perCustomer = total / customers.size();
        this.threads = threads;
        this.intervalNanos = 1_000_000_000L / perSecond;
    }

    /**
     * After every {@code n}th purchase of a customer, also a consent statement for email marketing that
     * flips it (granted, revoked, granted, ...): each one changes the current status, so customer-service
     * publishes a consent-changed for each, which feedback-service keeps (last one wins, so a lost or
     * replayed event shows as a wrong status).
     */
    FaultLoad withConsentChangesEvery(int n) {
        this.consentEvery = n;
        return this;
    }

    FaultLoad start() {
        pool = Executors.newFixedThreadPool(threads);
        long startedAt = System.nanoTime();
        AtomicInteger slot = new AtomicInteger();
        for (int t = 0; t < threads; t++) {
            List<String> mine = new ArrayList<>();
            for (int c = t; c < customers.size(); c += threads) {
                mine.add(customers.get(c));
            }
            running.add(pool.submit(() -> {
                for (int sequence = 0; sequence < perCustomer; sequence++) {
                    for (String customer : mine) {
                        if (sent.get() >= limit) {
                            return;
                        }
                        long due = startedAt + slot.getAndIncrement() * intervalNanos;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Databases.sleep(wait / 1_000_000);
                        }
                        writes.add(record(customer, sequence));
                        sent.incrementAndGet();
                        if (consentEvery > 0 && sequence % consentEvery == 0) {
                            consentWrites.add(consent(customer, sequence));
                        }
                    }
                }
            }));
        }
        return this;
    }

    private Write record(String customer, int sequence) {
        String orderId = orderId(customer, sequence);
        String body = """
                {"orderId":"%s","currency":"GBP","lines":[{"sku":"FAULT-%d","quantity":1,"unitPrice":"%d.00"}]}"""
                .formatted(orderId, sequence, 10 + sequence % 7);
        try {
            Http.Response response = http.send("POST", "/api/customers/" + customer + "/purchases", headers,
                    body.getBytes(StandardCharsets.UTF_8));
            String id = null;
            if (response.status() >= 200 && response.status() < 300) {
                id = JSON.readTree(response.body()).path("id").asText(null);
            }
            return new Write(customer, orderId, sequence, response.status(), id);
        } catch (UncheckedIOException | IOException e) {
            return new Write(customer, orderId, sequence, -1, null); // connection refused or reset
        }
    }

    private ConsentWrite consent(String customer, int sequence) {
        String stated = (sequence / consentEvery) % 2 == 0 ? "granted" : "revoked";
        String body = """
                {"status":"%s","source":"fault-drill"}""".formatted(stated);
        try {
            Http.Response response = http.send("PUT", "/api/customers/" + customer + "/consents/email/marketing", headers,
                    body.getBytes(StandardCharsets.UTF_8));
            return new ConsentWrite(customer, sequence, stated, response.status());
        } catch (UncheckedIOException e) {
            return new ConsentWrite(customer, sequence, stated, -1);
        }
    }

    /** The consent statements sent, in the order they were answered. */
    List<ConsentWrite> consentWrites() {
        return List.copyOf(consentWrites);
    }

    String orderId(String customer, int sequence) {
        return orderPrefix + customers.indexOf(customer) + "-" + sequence;
    }

    /** Ends the load once {@code more} further purchases have been sent (or all were). */
    void stopAfter(int more) {
        limit = sent.get() + more;
    }

    int sent() {
        return sent.get();
    }

    void awaitSent(int count) {
        Await.until(count + " purchases sent", Duration.ofMinutes(5), this::sent, n -> n >= count);
    }

    /** Waits for every thread to finish; the writes in the order they were answered. */
    List<Write> finish() {
        try {
            for (Future<?> future : running) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("the load failed", e);
        } finally {
            pool.shutdownNow();
        }
        return List.copyOf(writes);
    }

    /**
     * Every purchase-recorded event on the customer topic whose order id starts with {@code orderPrefix},
     * by customer in offset order (a customer's events share a key and so a partition).
     */
    static Map<String, List<JsonNode>> purchaseEvents(String bootstrap, String orderPrefix) {
        Map<String, List<JsonNode>> byCustomer = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(CUSTOMER_TOPIC, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(CUSTOMER_TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + CUSTOMER_TOPIC + " to its end " + end);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode event = JSON.readTree(record.value());
                    JsonNode data = event.path("data");
                    if (PURCHASE_RECORDED.equals(event.path("type").asText())
                            && data.path("orderId").asText().startsWith(orderPrefix)) {
                        byCustomer.computeIfAbsent(data.path("customerId").asText(), k -> new ArrayList<>()).add(event);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byCustomer;
    }

    /**
     * Every event on {@code topic} that {@code keep} accepts, read from the beginning to the current end,
     * partition by partition in offset order (so one customer's events, sharing a key, are in order).
     */
    static List<JsonNode> events(String bootstrap, String topic, Predicate<JsonNode> keep) {
        List<JsonNode> kept = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            for (TopicPartition partition : partitions) {
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(30)).get(partition);
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (consumer.position(partition) < end) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("could not read " + partition + " to its end " + end);
                    }
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        JsonNode event = JSON.readTree(record.value());
                        if (keep.test(event)) {
                            kept.add(event);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kept;
    }

    /** The single-column results of {@code sql} with {@code parameter}, in the service's database. */
    static List<String> query(Databases databases, String service, String sql, String parameter) {
        try (Connection connection = databases.open(service); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " in " + service, e);
        }
    }

    static long unpublishedOutboxRows(Databases databases, String service) {
        return Long.parseLong(query(databases, service,
                "SELECT count(*) FROM rapport_outbox WHERE published_at IS NULL AND ? IS NOT NULL", "x").get(0));
    }
}
