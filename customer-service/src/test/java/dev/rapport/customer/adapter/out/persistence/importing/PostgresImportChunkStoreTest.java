package dev.rapport.customer.adapter.out.persistence.importing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.rapport.customer.application.port.out.importing.ImportChunkStore;
import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerProfile;
import dev.rapport.customer.domain.event.CustomerDomainEvent;
import dev.rapport.customer.domain.purchase.OrderId;
import dev.rapport.customer.domain.purchase.Purchase;
import dev.rapport.customer.domain.purchase.PurchaseId;
import dev.rapport.customer.domain.purchase.PurchaseLine;
import dev.rapport.testing.Sql;

/**
 * A chunk written through the store: customers (every column, awkward text included), purchases
 * with all their lines and the events, in the order given, all committed together; a chunk whose
 * work fails after writing leaves nothing behind, neither rows nor events.
 */
@QuarkusTest
class PostgresImportChunkStoreTest {

    private static final Instant BOUGHT = Instant.parse("2024-05-02T08:26:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2024-06-01");

    @Inject
    ImportChunkStore store;

    @Inject
    DataSource dataSource;

    @Test
    void customersPurchasesAndEventsOfAChunkAreStoredTogether() {
        String marker = UUID.randomUUID().toString();
        Customer customer = customer(marker);
        List<Purchase> purchases = purchases(customer.id(), "CHUNK-" + marker, 40, 25);
        List<CustomerDomainEvent> events = new ArrayList<>(customer.pullEvents());
        purchases.forEach(p -> events.addAll(p.pullEvents()));

        store.write(chunk -> {
            chunk.addCustomers(List.of(customer));
            chunk.publish(events);
            chunk.addPurchases(purchases);
            // Written rows are visible to the chunk's later reads.
            assertThat(chunk.purchasesByOrderId(List.of(purchases.getFirst().orderId()))).hasSize(1);
        });

        given().when().get("/customers/{id}", customer.id().toString()).then().statusCode(200)
                .body("externalId", equalTo("ext-" + marker))
                .body("firstName", equalTo("Zoë O'Brien"))
                .body("tags", containsInAnyOrder("vip customer", "ümlaut", "a/b:c"))
                .body("attributes.note", equalTo("say \"hi\", {x} \\ ü"))
                .body("birthday", equalTo("1990-12-31"));
        List<OrderId> orderIds = purchases.stream().map(Purchase::orderId).toList();
        Map<OrderId, Purchase> stored = new LinkedHashMap<>();
        store.write(chunk -> stored.putAll(chunk.purchasesByOrderId(orderIds)));
        assertThat(stored).hasSize(40);
        purchases.forEach(p -> assertThat(stored.get(p.orderId()).hasSameContentAs(p)).isTrue());
        assertThat(Sql.on(dataSource).strings("SELECT event_type FROM rapport_outbox WHERE message_key = ? ORDER BY id",
                customer.id().toString()))
                .hasSize(41)
                .first().isEqualTo("rapport.customer.customer-registered.v1");
    }

    @Test
    void aChunkWhoseWorkFailsStoresNothing() {
        String marker = UUID.randomUUID().toString();
        Customer customer = customer(marker);
        List<Purchase> purchases = purchases(customer.id(), "FAIL-" + marker, 10, 30);
        List<CustomerDomainEvent> events = new ArrayList<>(customer.pullEvents());
        purchases.forEach(p -> events.addAll(p.pullEvents()));

        assertThatThrownBy(() -> store.write(chunk -> {
            chunk.addCustomers(List.of(customer));
            chunk.publish(events);
            chunk.addPurchases(purchases);
            throw new IllegalStateException("the work failed");
        })).hasMessageContaining("the work failed");

        Sql sql = Sql.on(dataSource);
        assertThat(sql.count("SELECT count(*) FROM customer WHERE id = ?", customer.id().value())).isZero();
        assertThat(sql.count("SELECT count(*) FROM purchase WHERE customer_id = ?", customer.id().value())).isZero();
        assertThat(sql.count("SELECT count(*) FROM rapport_outbox WHERE message_key = ?", customer.id().toString())).isZero();
        // The same chunk stores normally afterwards: nothing of the failed one is left on the connection.
        store.write(chunk -> {
            chunk.addCustomers(List.of(customer));
            chunk.addPurchases(purchases);
        });
        assertThat(sql.count("SELECT count(*) FROM purchase WHERE customer_id = ?", customer.id().value())).isEqualTo(10);
    }

    private static Customer customer(String marker) {
        CustomerProfile profile = CustomerProfile.builder(TODAY)
                .externalId("ext-" + marker)
                .firstName("Zoë O'Brien")
                .email("chunk-" + marker + "@example.com")
                .acquisitionChannel("import")
                .tags(List.of("vip customer", "ümlaut", "a/b:c"))
                .attributes(Map.of("note", "say \"hi\", {x} \\ ü"))
                .birthday(LocalDate.parse("1990-12-31"))
                .build();
        return Customer.register(CustomerId.newId(), profile, null, Instant.now());
    }

    private static List<Purchase> purchases(CustomerId customer, String prefix, int count, int linesEach) {
        List<Purchase> purchases = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            List<PurchaseLine.LineInput> lines = new ArrayList<>();
            for (int l = 0; l < linesEach; l++) {
                lines.add(new PurchaseLine.LineInput("SKU-" + l, "line " + l + " of " + p, 1 + l % 4,
                        new BigDecimal("1.25").add(BigDecimal.valueOf(l))));
            }
            purchases.add(Purchase.record(PurchaseId.newId(), customer, prefix + "-" + p, "GBP", BOUGHT, lines,
                    Instant.now()));
        }
        return purchases;
    }
}
