package dev.rapport.loyalty.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.Topics;
import dev.rapport.events.customer.PurchaseRecorded;
import dev.rapport.loyalty.adapter.in.messaging.CustomerEventsHandler;

/**
 * The first invoices of the Online Retail data set (../shared/data) replayed as an import would replay
 * them: every purchase once, then all of them again under new event ids, plus redeliveries of the same
 * events. Exactly one earn entry per order, and every balance equals its ledger.
 */
@QuarkusTest
class OnlineRetailReplayTest {

    private static final int INVOICES = 1000;

    @Inject
    DataSource dataSource;

    record Invoice(String invoiceNo, String customer, LocalDateTime at, BigDecimal total) {
    }

    static Path dataFile() {
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 5 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/online_retail.csv.gz");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static List<Invoice> invoices(Path file, int count) throws IOException {
        Map<String, Invoice> invoices = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(",");
                int n = f.length;
                // InvoiceNo,StockCode,Description (may hold commas),Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                String invoiceNo = f[0];
                String customer = f[n - 2];
                if (invoiceNo.startsWith("C") || customer.isBlank()) {
                    continue;
                }
                if (!invoices.containsKey(invoiceNo) && invoices.size() == count) {
                    break;
                }
                BigDecimal amount = new BigDecimal(f[n - 5]).multiply(new BigDecimal(f[n - 3]));
                LocalDateTime at = LocalDateTime.parse(f[n - 4].replace(' ', 'T'));
                invoices.merge(invoiceNo, new Invoice(invoiceNo, customer, at, amount),
                        (a, b) -> new Invoice(a.invoiceNo(), a.customer(), a.at(), a.total().add(b.total())));
            }
        }
        return new ArrayList<>(invoices.values());
    }

    @Test
    void aReplayedImportEarnsExactlyOncePerOrder() throws Exception {
        Path file = dataFile();
        if (file == null) {
            System.out.println("ABSENT: ../shared/data/online_retail.csv.gz not found; OnlineRetailReplayTest skipped");
        }
        Assumptions.assumeTrue(file != null, "../shared/data/online_retail.csv.gz is absent");
        List<Invoice> invoices = invoices(file, INVOICES);
        assertThat(invoices).hasSize(INVOICES);
        String salt = UUID.randomUUID().toString();
        List<UUID> customers = new ArrayList<>();
        List<CloudEvent> firstRound = new ArrayList<>();
        for (Invoice invoice : invoices) {
            UUID customer = UUID.nameUUIDFromBytes((salt + invoice.customer()).getBytes(StandardCharsets.UTF_8));
            if (!customers.contains(customer)) {
                customers.add(customer);
            }
            firstRound.add(Members.event(PurchaseRecorded.TYPE, customer, new PurchaseRecorded(customer,
                    UUID.randomUUID(), invoice.invoiceNo(), invoice.total(), "GBP",
                    invoice.at().atZone(ZoneId.of("Europe/London")).toInstant(), 1)));
        }
        for (CloudEvent event : firstRound) {
            Members.sendAsync(event);
        }
        // The import replayed: the same purchases under new event ids.
        for (CloudEvent event : firstRound) {
            CloudEvent again = Members.event(PurchaseRecorded.TYPE, UUID.fromString(event.subject()),
                    event.dataAs(PurchaseRecorded.class));
            Members.sendAsync(again);
        }
        // Kafka redelivery: the very same events again.
        for (CloudEvent event : firstRound.subList(0, 200)) {
            Members.sendAsync(event);
        }
        Members.producer().flush();

        // Purchases keep no processed-event id: done when the consumer group has committed every offset
        // the topic holds now (offsets are committed after the transaction that applied the events).
        Map<TopicPartition, Long> ends = endOffsets(Topics.CUSTOMER_EVENTS);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> committedUpTo(CustomerEventsHandler.CONSUMER_GROUP, ends));
        try (Connection c = dataSource.getConnection()) {
            Array ids = c.createArrayOf("uuid", customers.toArray());
            assertThat(single(c, "select count(*) from ledger_entry where type = 'earn' and customer_id = any(?)", ids))
                    .isEqualTo(INVOICES);
            assertThat(single(c, "select count(distinct (customer_id, source_id)) from ledger_entry "
                    + "where type = 'earn' and customer_id = any(?)", ids)).isEqualTo(INVOICES);
            assertThat(single(c, "select count(*) from loyalty_account a where customer_id = any(?) and balance <> "
                    + "(select coalesce(sum(points), 0) from ledger_entry e where e.customer_id = a.customer_id)", ids))
                    .as("accounts whose balance is not the sum of their ledger").isZero();
            // History from 2010-2011 is older than the expiry period: earned and expired at once.
            assertThat(single(c, "select coalesce(sum(balance), 0) from loyalty_account where customer_id = any(?)", ids))
                    .isZero();
            assertThat(single(c, "select count(*) from loyalty_account where customer_id = any(?)", ids))
                    .isEqualTo(customers.size());
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class)));
    }

    private static Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        }
    }

    private static boolean committedUpTo(String group, Map<TopicPartition, Long> ends) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            return ends.entrySet().stream().allMatch(end -> end.getValue() == 0 || (committed.get(end.getKey()) != null
                    && committed.get(end.getKey()).offset() >= end.getValue()));
        }
    }

    private static long single(Connection c, String sql, Array ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, ids);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
