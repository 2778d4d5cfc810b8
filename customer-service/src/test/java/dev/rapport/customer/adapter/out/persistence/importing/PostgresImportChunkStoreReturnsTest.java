package dev.rapport.customer.adapter.out.persistence.importing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.rapport.customer.application.port.out.importing.ImportChunkStore;
import dev.rapport.customer.application.port.out.importing.ImportChunkStore.AddedReturn;
import dev.rapport.customer.application.port.out.importing.ImportChunkStore.ReturnSearch;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.purchase.PurchaseReturn;
import dev.rapport.customer.domain.purchase.ReturnId;
import dev.rapport.customer.domain.purchase.ReturnKey;
import dev.rapport.customer.domain.purchase.ReturnLine;
import dev.rapport.customer.domain.purchase.ReturnablePurchase;
import dev.rapport.customer.domain.purchase.Sku;

/**
 * Return candidates hold what remains of the searched SKUs' lines, and returns recorded on them add
 * to what the database already holds: against the real schema, with an earlier multi-SKU return
 * recorded through the single-write API.
 */
@QuarkusTest
class PostgresImportChunkStoreReturnsTest {

    private static final Instant BOUGHT = Instant.parse("2024-05-02T08:26:00Z");
    private static final Instant RETURNED = Instant.parse("2024-05-03T09:00:00Z");
    private static final Sku A = new Sku("A");
    private static final Sku C = new Sku("C");

    @Inject
    ImportChunkStore store;

    @Inject
    DataSource dataSource;

    @Test
    void candidatesHoldWhatRemainsOfTheSearchedSkusAndReturnsAddToTheStoredAmount() throws SQLException {
        String customer = createCustomer();
        String order = "PARTIAL-" + UUID.randomUUID();
        // A on lines 1 and 3 at different prices; total 14.00.
        recordPurchase(customer, order, line("A", 2, "1.00"), line("B", 1, "5.00"), line("A", 2, "0.50"),
                line("C", 3, "2.00"));
        recordPurchase(customer, "OTHER-SKU-" + UUID.randomUUID(), line("D", 1, "3.00"));
        // Single write: one A (line 1) and the B together, 6.00.
        given().contentType(ContentType.JSON)
                .body(Map.of("returnKey", "SINGLE", "lines", List.of(Map.of("sku", "A", "quantity", 1),
                        Map.of("sku", "B", "quantity", 1))))
                .when().post("/customers/{id}/purchases/{order}/returns", customer, order)
                .then().statusCode(201).body("purchaseReturn.amount", equalTo("6.00"));
        long versionBefore = version(order);
        assertThat(returnedAmount(order)).isEqualByComparingTo("6.00");
        CustomerId customerId = new CustomerId(UUID.fromString(customer));
        // Another customer's search for C in the same chunk: P's C lines are read as well.
        String other = createCustomer();
        recordPurchase(other, "OTHER-CUSTOMER-" + UUID.randomUUID(), line("C", 1, "2.00"));
        List<ReturnSearch> searches = List.of(new ReturnSearch(customerId, A, RETURNED),
                new ReturnSearch(new CustomerId(UUID.fromString(other)), C, RETURNED));

        store.write(chunk -> {
            List<ReturnablePurchase> candidates = chunk.lockReturnCandidates(searches).stream()
                    .filter(p -> p.customerId().equals(customerId)).toList();

            assertThat(candidates).singleElement().satisfies(p -> assertThat(p.orderId().value()).isEqualTo(order));
            ReturnablePurchase candidate = candidates.getFirst();
            // Lines 1, 3 (A) and 4 (C) were read with what remains of them, line 2 (B) was not.
            assertThat(candidate.lines()).extracting(ReturnablePurchase.Line::lineNumber, ReturnablePurchase.Line::remaining)
                    .containsExactly(tuple(1, 1), tuple(3, 2), tuple(4, 3));
            assertThat(candidate.returnableQuantity(A)).isEqualTo(3);
            assertThat(candidate.returnableQuantity(C)).isEqualTo(3);

            // First return of the chunk: the rest of line 1, then line 3, as on the whole purchase.
            Instant now = Instant.now();
            PurchaseReturn first = candidate.registerReturn(ReturnId.newId(), new ReturnKey("IMPORT-1"), A, 2,
                    "cancelled", RETURNED, now);
            assertThat(first.lines()).extracting(ReturnLine::lineNumber, ReturnLine::quantity)
                    .containsExactly(tuple(1, 1), tuple(3, 1));
            assertThat(first.amount().toPlainString()).isEqualTo("1.50");

            // The second return of A in the same chunk sees what the first left: one unit, on line 3.
            assertThat(ReturnablePurchase.target(candidates, A, 2, RETURNED)).isEmpty();
            ReturnablePurchase target = ReturnablePurchase.target(candidates, A, 1, RETURNED).orElseThrow();
            PurchaseReturn second = target.registerReturn(ReturnId.newId(), new ReturnKey("IMPORT-2"), A, 1,
                    "cancelled", RETURNED, now);
            assertThat(second.lines()).extracting(ReturnLine::lineNumber, ReturnLine::quantity)
                    .containsExactly(tuple(3, 1));
            assertThat(second.amount().toPlainString()).isEqualTo("0.50");

            chunk.addReturns(List.of(new AddedReturn(candidate.id(), first), new AddedReturn(target.id(), second)));
        });

        // 6.00 of the single write (its B part never loaded by the import) + 1.50 + 0.50.
        assertThat(returnedAmount(order)).isEqualByComparingTo("8.00");
        assertThat(version(order)).isEqualTo(versionBefore + 2);
        given().when().get("/customers/{id}/purchases/{order}", customer, order).then().statusCode(200)
                .body("total", equalTo("14.00"))
                .body("returnedAmount", equalTo("8.00"))
                .body("remainingAmount", equalTo("6.00"))
                .body("returns.returnKey", containsInAnyOrder("SINGLE", "IMPORT-1", "IMPORT-2"))
                .body("lines.returnedQuantity", equalTo(List.of(2, 1, 2, 0)));

        // A later chunk finds nothing of A left, and C untouched.
        store.write(chunk -> {
            ReturnablePurchase again = chunk.lockReturnCandidates(List.of(new ReturnSearch(customerId, A, RETURNED),
                    new ReturnSearch(customerId, C, RETURNED))).getFirst();
            assertThat(again.returnableQuantity(A)).isZero();
            assertThat(again.returnableQuantity(C)).isEqualTo(3);
        });
    }

    @Test
    void returnsOnSeveralPurchasesOfOneChunkAddTheirOwnAmountsAndVersions() throws SQLException {
        String customer = createCustomer();
        String orderOne = "ONE-" + UUID.randomUUID();
        String orderTwo = "TWO-" + UUID.randomUUID();
        recordPurchase(customer, orderOne, line("A", 1, "4.00"), line("B", 2, "1.00"));
        recordPurchase(customer, orderTwo, line("A", 1, "3.00"));
        long versionOne = version(orderOne);
        long versionTwo = version(orderTwo);
        CustomerId customerId = new CustomerId(UUID.fromString(customer));

        store.write(chunk -> {
            List<ReturnablePurchase> candidates = chunk.lockReturnCandidates(List.of(new ReturnSearch(customerId, A, RETURNED)));
            assertThat(candidates).hasSize(2);
            Instant now = Instant.now();
            // Both purchases occurred at the same instant: the target is picked by id, then the other one.
            ReturnablePurchase firstTarget = ReturnablePurchase.target(candidates, A, 1, RETURNED).orElseThrow();
            PurchaseReturn first = firstTarget.registerReturn(ReturnId.newId(), new ReturnKey("R1"), A, 1, null,
                    RETURNED, now);
            ReturnablePurchase secondTarget = ReturnablePurchase.target(candidates, A, 1, RETURNED).orElseThrow();
            assertThat(secondTarget).isNotSameAs(firstTarget);
            PurchaseReturn second = secondTarget.registerReturn(ReturnId.newId(), new ReturnKey("R2"), A, 1, null,
                    RETURNED, now);
            assertThat(ReturnablePurchase.target(candidates, A, 1, RETURNED)).isEmpty();

            chunk.addReturns(List.of(new AddedReturn(firstTarget.id(), first), new AddedReturn(secondTarget.id(), second)));
        });

        assertThat(returnedAmount(orderOne)).isEqualByComparingTo("4.00");
        assertThat(returnedAmount(orderTwo)).isEqualByComparingTo("3.00");
        assertThat(version(orderOne)).isEqualTo(versionOne + 1);
        assertThat(version(orderTwo)).isEqualTo(versionTwo + 1);
    }

    private static Map<String, Object> line(String sku, int quantity, String unitPrice) {
        return Map.of("sku", sku, "quantity", quantity, "unitPrice", unitPrice);
    }

    private static String createCustomer() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("firstName", "Ada", "lastName", "Lovelace", "email", "t-" + UUID.randomUUID() + "@example.com"))
                .when().post("/customers")
                .then().statusCode(201).extract().path("id");
    }

    @SafeVarargs
    private static void recordPurchase(String customerId, String orderId, Map<String, Object>... lines) {
        given().contentType(ContentType.JSON)
                .body(Map.of("orderId", orderId, "currency", "GBP", "occurredAt", BOUGHT.toString(), "lines", List.of(lines)))
                .when().post("/customers/{id}/purchases", customerId)
                .then().statusCode(201);
    }

    private BigDecimal returnedAmount(String orderId) throws SQLException {
        return (BigDecimal) single("SELECT returned_amount FROM purchase WHERE order_id = ?", orderId);
    }

    private long version(String orderId) throws SQLException {
        return (Long) single("SELECT version FROM purchase WHERE order_id = ?", orderId);
    }

    private Object single(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                Object value = rows.getObject(1);
                assertThat(rows.next()).isFalse();
                return value;
            }
        }
    }
}
