package dev.rapport.customer.domain.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.purchase.Purchase.ReturnLineInput;
import dev.rapport.customer.domain.purchase.PurchaseLine.LineInput;

/** The rule that picks the purchase of a return without an order id (imports of cancellation invoices). */
class ReturnTargetTest {

    private static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");
    private static final Sku HEART = new Sku("85123A");
    private final CustomerId customer = CustomerId.newId();

    private Purchase bought(String orderId, String at, int hearts) {
        return Purchase.record(PurchaseId.newId(), customer, orderId, "GBP", Instant.parse(at),
                List.of(new LineInput("71053", null, 1, new BigDecimal("3.39")),
                        new LineInput("85123A", null, hearts, new BigDecimal("2.55"))), NOW);
    }

    @Test
    void theMostRecentPurchaseAtOrBeforeTheReturnWithEnoughUnitsLeftIsTheTarget() {
        Purchase old = bought("A", "2024-01-01T10:00:00Z", 5);
        Purchase recentButSmall = bought("B", "2024-02-01T10:00:00Z", 1);
        Purchase later = bought("C", "2024-03-01T10:00:00Z", 9);
        List<Purchase> all = List.of(later, old, recentButSmall);

        assertThat(Purchase.returnTarget(all, HEART, 2, Instant.parse("2024-02-15T00:00:00Z"))).contains(old);
        assertThat(Purchase.returnTarget(all, HEART, 1, Instant.parse("2024-02-15T00:00:00Z"))).contains(recentButSmall);
        // "At or before": a purchase at the very instant of the return counts.
        assertThat(Purchase.returnTarget(all, HEART, 1, Instant.parse("2024-03-01T10:00:00Z"))).contains(later);
        assertThat(Purchase.returnTarget(all, HEART, 6, Instant.parse("2024-02-15T00:00:00Z"))).isEmpty();
        assertThat(Purchase.returnTarget(all, new Sku("NEVER"), 1, NOW)).isEmpty();
    }

    @Test
    void unitsAlreadyReturnedAreNotReturnableAgain() {
        Purchase purchase = bought("A", "2024-01-01T10:00:00Z", 5);
        purchase.registerReturn(ReturnId.newId(), new ReturnKey("CA:85123A"), List.of(new ReturnLineInput("85123A", 4)),
                null, Instant.parse("2024-01-02T10:00:00Z"), NOW);

        assertThat(purchase.returnableQuantity(HEART)).isEqualTo(1);
        assertThat(Purchase.returnTarget(List.of(purchase), HEART, 2, NOW)).isEmpty();
        assertThat(Purchase.returnTarget(List.of(purchase), HEART, 1, NOW)).contains(purchase);
    }

    @Test
    void equallyTimedPurchasesAreOrderedByIdAsPostgresqlOrdersUuids() {
        Instant at = Instant.parse("2024-01-01T10:00:00Z");
        // The second id is larger only as unsigned bytes (its first bit is set): PostgreSQL's order, not Java's UUID order.
        PurchaseId small = new PurchaseId(new UUID(0x0000_0000_0000_0001L, 0));
        PurchaseId large = new PurchaseId(new UUID(0x8000_0000_0000_0000L, 0));
        List<LineInput> lines = List.of(new LineInput("85123A", null, 1, BigDecimal.ONE));
        Purchase first = Purchase.record(small, customer, "A", "GBP", at, lines, NOW);
        Purchase second = Purchase.record(large, customer, "B", "GBP", at, lines, NOW);

        assertThat(small.compareTo(large)).isNegative();
        assertThat(new UUID(0x0000_0000_0000_0001L, 0).compareTo(new UUID(0x8000_0000_0000_0000L, 0))).isPositive();
        assertThat(Purchase.returnTarget(List.of(second, first), HEART, 1, at)).contains(second);
    }
}
