package dev.rapport.customer.adapter.out.persistence.importing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.rapport.customer.application.port.out.importing.BulkPurchaseStore;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.purchase.OrderId;
import dev.rapport.customer.domain.purchase.Purchase;
import dev.rapport.customer.domain.purchase.PurchaseId;
import dev.rapport.customer.domain.purchase.PurchaseLine;

/**
 * addAll runs the caller's work while PostgreSQL stores the lines (the connection is busy with the
 * COPY meanwhile): the work runs once, the purchases are stored with all their lines, and work that
 * fails leaves nothing stored and the transaction's connection usable.
 */
@QuarkusTest
class PostgresBulkPurchaseStoreOverlapTest {

    private static final Instant BOUGHT = Instant.parse("2024-05-02T08:26:00Z");

    @Inject
    BulkPurchaseStore store;

    @Test
    void theWorkRunsOnceWhileTheLinesAreStored() {
        CustomerId customer = createCustomer();
        List<Purchase> purchases = purchases(customer, "OVERLAP-" + UUID.randomUUID(), 40, 25);
        AtomicInteger runs = new AtomicInteger();

        QuarkusTransaction.requiringNew().run(() -> store.addAll(purchases, runs::incrementAndGet));

        assertThat(runs).hasValue(1);
        Map<OrderId, Purchase> stored = QuarkusTransaction.requiringNew()
                .call(() -> store.findByOrderIds(purchases.stream().map(Purchase::orderId).toList()));
        assertThat(stored).hasSize(40);
        purchases.forEach(p -> assertThat(stored.get(p.orderId()).hasSameContentAs(p)).isTrue());
    }

    @Test
    void theWorkRunsAlsoForNoPurchases() {
        AtomicInteger runs = new AtomicInteger();

        QuarkusTransaction.requiringNew().run(() -> store.addAll(List.of(), runs::incrementAndGet));

        assertThat(runs).hasValue(1);
    }

    @Test
    void failingWorkStoresNothingAndTheTransactionCanStillRollBack() {
        CustomerId customer = createCustomer();
        List<Purchase> purchases = purchases(customer, "OVERLAP-FAIL-" + UUID.randomUUID(), 10, 30);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> store.addAll(purchases, () -> {
            throw new IllegalStateException("the work failed");
        }))).hasMessageContaining("the work failed");

        Map<OrderId, Purchase> stored = QuarkusTransaction.requiringNew()
                .call(() -> store.findByOrderIds(purchases.stream().map(Purchase::orderId).toList()));
        assertThat(stored).isEmpty();
        // The same purchases store normally afterwards: the cancelled COPY left no connection busy.
        QuarkusTransaction.requiringNew().run(() -> store.addAll(purchases));
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> store.findByOrderIds(purchases.stream().map(Purchase::orderId).toList()))).hasSize(10);
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

    private static CustomerId createCustomer() {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("firstName", "Ada", "email", "o-" + UUID.randomUUID() + "@example.com"))
                .when().post("/customers")
                .then().statusCode(201).extract().path("id");
        return new CustomerId(UUID.fromString(id));
    }
}
