package dev.rapport.customer.domain.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.purchase.Purchase.ReturnLineInput;
import dev.rapport.customer.domain.purchase.PurchaseLine.LineInput;
import dev.rapport.kernel.InvalidInputException;

/**
 * What remains returnable of a purchase: the rule that picks the purchase of a return without an
 * order id (imports of cancellation invoices), and returns recorded on it exactly as on the whole
 * purchase.
 */
class ReturnablePurchaseTest {

    private static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");
    private static final Instant RETURNED = Instant.parse("2024-05-03T09:00:00Z");
    private static final Sku HEART = new Sku("85123A");
    private static final Sku A = new Sku("A");
    private final CustomerId customer = CustomerId.newId();

    private Purchase bought(String orderId, String at, int hearts) {
        return Purchase.record(PurchaseId.newId(), customer, orderId, "GBP", Instant.parse(at),
                List.of(new LineInput("71053", null, 1, new BigDecimal("3.39")),
                        new LineInput("85123A", null, hearts, new BigDecimal("2.55"))), NOW);
    }

    private static ReturnablePurchase returnable(Purchase purchase) {
        return ReturnablePurchase.of(purchase);
    }

    @Test
    void theMostRecentPurchaseAtOrBeforeTheReturnWithEnoughUnitsLeftIsTheTarget() {
        ReturnablePurchase old = returnable(bought("A", "2024-01-01T10:00:00Z", 5));
        ReturnablePurchase recentButSmall = returnable(bought("B", "2024-02-01T10:00:00Z", 1));
        ReturnablePurchase later = returnable(bought("C", "2024-03-01T10:00:00Z", 9));
        List<ReturnablePurchase> all = List.of(later, old, recentButSmall);

        assertThat(ReturnablePurchase.target(all, HEART, 2, Instant.parse("2024-02-15T00:00:00Z"))).contains(old);
        assertThat(ReturnablePurchase.target(all, HEART, 1, Instant.parse("2024-02-15T00:00:00Z"))).contains(recentButSmall);
        // "At or before": a purchase at the very instant of the return counts.
        assertThat(ReturnablePurchase.target(all, HEART, 1, Instant.parse("2024-03-01T10:00:00Z"))).contains(later);
        assertThat(ReturnablePurchase.target(all, HEART, 6, Instant.parse("2024-02-15T00:00:00Z"))).isEmpty();
        assertThat(ReturnablePurchase.target(all, new Sku("NEVER"), 1, NOW)).isEmpty();
    }

    @Test
    void unitsAlreadyReturnedAreNotReturnableAgain() {
        Purchase purchase = bought("A", "2024-01-01T10:00:00Z", 5);
        purchase.registerReturn(ReturnId.newId(), new ReturnKey("CA:85123A"), List.of(new ReturnLineInput("85123A", 4)),
                null, Instant.parse("2024-01-02T10:00:00Z"), NOW);
        ReturnablePurchase left = returnable(purchase);

        assertThat(left.returnableQuantity(HEART)).isEqualTo(1);
        assertThat(ReturnablePurchase.target(List.of(left), HEART, 2, NOW)).isEmpty();
        assertThat(ReturnablePurchase.target(List.of(left), HEART, 1, NOW)).contains(left);
    }

    @Test
    void equallyTimedPurchasesAreOrderedByIdAsPostgresqlOrdersUuids() {
        Instant at = Instant.parse("2024-01-01T10:00:00Z");
        // The second id is larger only as unsigned bytes (its first bit is set): PostgreSQL's order, not Java's UUID order.
        PurchaseId small = new PurchaseId(new UUID(0x0000_0000_0000_0001L, 0));
        PurchaseId large = new PurchaseId(new UUID(0x8000_0000_0000_0000L, 0));
        List<LineInput> lines = List.of(new LineInput("85123A", null, 1, BigDecimal.ONE));
        ReturnablePurchase first = returnable(Purchase.record(small, customer, "A", "GBP", at, lines, NOW));
        ReturnablePurchase second = returnable(Purchase.record(large, customer, "B", "GBP", at, lines, NOW));

        assertThat(small.compareTo(large)).isNegative();
        assertThat(new UUID(0x0000_0000_0000_0001L, 0).compareTo(new UUID(0x8000_0000_0000_0000L, 0))).isPositive();
        assertThat(ReturnablePurchase.target(List.of(second, first), HEART, 1, at)).contains(second);
    }

    /** A on lines 1 and 3 at different prices, B and C in between; 1 A and 1 B already returned together. */
    private Purchase withEarlierReturn() {
        Purchase purchase = Purchase.record(PurchaseId.newId(), customer, "536365", "GBP",
                Instant.parse("2024-05-02T08:26:00Z"), List.of(
                        new LineInput("A", null, 2, new BigDecimal("1.00")),
                        new LineInput("B", null, 1, new BigDecimal("5.00")),
                        new LineInput("A", null, 2, new BigDecimal("0.50")),
                        new LineInput("C", null, 3, new BigDecimal("2.00"))), NOW);
        purchase.registerReturn(ReturnId.newId(), new ReturnKey("EARLIER"),
                List.of(new ReturnLineInput("A", 1), new ReturnLineInput("B", 1)), "both", RETURNED, NOW);
        purchase.pullEvents();
        return purchase;
    }

    /** What a store reads for A: only A's lines, with what their returns left. */
    private static ReturnablePurchase linesOfA(Purchase whole) {
        return new ReturnablePurchase(whole.id(), whole.customerId(), whole.orderId(), whole.occurredAt(), List.of(
                new ReturnablePurchase.Line(1, A, whole.lines().get(0).unitPrice(), whole.remainingQuantity(1)),
                new ReturnablePurchase.Line(3, A, whole.lines().get(2).unitPrice(), whole.remainingQuantity(3))));
    }

    @Test
    void aReturnIsAllocatedPricedAndAnnouncedAsOnTheWholePurchase() {
        Purchase whole = withEarlierReturn();
        ReturnablePurchase ofA = linesOfA(whole);
        ReturnId id = ReturnId.newId();

        PurchaseReturn onWhole = whole.registerReturn(id, new ReturnKey("C536365:A"), List.of(new ReturnLineInput("A", 2)),
                "cancelled", RETURNED, NOW);
        PurchaseReturn onReadModel = ofA.registerReturn(id, new ReturnKey("C536365:A"), A, 2, "cancelled", RETURNED, NOW);

        assertThat(onReadModel).isEqualTo(onWhole);
        assertThat(onReadModel.lines()).extracting(ReturnLine::lineNumber, ReturnLine::quantity)
                .containsExactly(tuple(1, 1), tuple(3, 1));
        assertThat(onReadModel.amount().toPlainString()).isEqualTo("1.50");
        assertThat(ofA.pullEvents()).isEqualTo(whole.pullEvents()).hasSize(1);
        // What the first return took is gone for the next one of the same chunk.
        assertThat(ofA.returnableQuantity(A)).isEqualTo(whole.returnableQuantity(A)).isEqualTo(1);
        assertThat(ReturnablePurchase.target(List.of(ofA), A, 2, RETURNED)).isEmpty();
    }

    @Test
    void whatThePurchaseDoesNotAllowIsRefusedAsOnTheWholePurchase() {
        ReturnablePurchase ofA = linesOfA(withEarlierReturn());

        assertThatThrownBy(() -> ofA.registerReturn(ReturnId.newId(), null, A, 4, null, RETURNED, NOW))
                .isInstanceOf(ReturnNotPossibleException.class)
                .hasMessage("The return does not fit the purchase: lines[0].quantity exceeds the 3 unit(s) of A still returnable");
        assertThatThrownBy(() -> ofA.registerReturn(ReturnId.newId(), null, new Sku("Z"), 1, null, RETURNED, NOW))
                .isInstanceOf(ReturnNotPossibleException.class).hasMessageContaining("lines[0].sku is not part of this purchase");
        assertThatThrownBy(() -> ofA.registerReturn(ReturnId.newId(), null, A, 1, null,
                Instant.parse("2024-05-01T00:00:00Z"), NOW))
                .isInstanceOf(ReturnNotPossibleException.class).hasMessage("A return cannot happen before its purchase");
        assertThatThrownBy(() -> ofA.registerReturn(ReturnId.newId(), null, A, 1, "x".repeat(501), RETURNED, NOW))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("reason");
        assertThat(ofA.returnableQuantity(A)).isEqualTo(3);
        assertThat(ofA.pullEvents()).isEmpty();
    }
}
