package dev.rapport.customer.domain.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.event.PurchaseReturned;
import dev.rapport.customer.domain.purchase.Purchase.ReturnLineInput;
import dev.rapport.customer.domain.purchase.PurchaseLine.LineInput;

/**
 * A purchase restored with only some SKUs' lines (bulk return matching) must match and record
 * returns of those SKUs exactly as the whole purchase does, and refuse whatever needs all lines.
 */
class PurchaseRestoredForReturnsTest {

    private static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");
    private static final Instant BOUGHT = Instant.parse("2024-05-02T08:26:00Z");
    private static final Instant RETURNED = Instant.parse("2024-05-03T09:00:00Z");
    private static final Sku A = new Sku("A");
    private static final Sku B = new Sku("B");
    private final CustomerId customer = CustomerId.newId();

    /** A bought on lines 1 and 3 at different prices, B and C in between; 1 A and 1 B already returned together. */
    private Purchase whole() {
        Purchase purchase = Purchase.record(PurchaseId.newId(), customer, "536365", "GBP", BOUGHT, List.of(
                new LineInput("A", null, 2, new BigDecimal("1.00")),
                new LineInput("B", null, 1, new BigDecimal("5.00")),
                new LineInput("A", null, 2, new BigDecimal("0.50")),
                new LineInput("C", null, 3, new BigDecimal("2.00"))), NOW);
        purchase.registerReturn(ReturnId.newId(), new ReturnKey("EARLIER"),
                List.of(new ReturnLineInput("A", 1), new ReturnLineInput("B", 1)), "both", RETURNED, NOW);
        purchase.pullEvents();
        return purchase;
    }

    /** What a store reads for {@code skus}: their lines, and of each return only its lines of them. */
    private static Purchase partialOf(Purchase whole, Set<Sku> skus) {
        List<PurchaseLine> lines = whole.lines().stream().filter(l -> skus.contains(l.sku())).toList();
        List<PurchaseReturn> returns = new ArrayList<>();
        for (PurchaseReturn r : whole.returns()) {
            List<ReturnLine> kept = r.lines().stream().filter(l -> skus.contains(l.sku())).toList();
            if (!kept.isEmpty()) {
                returns.add(new PurchaseReturn(r.id(), r.key(), kept, r.reason(), r.occurredAt(), r.recordedAt()));
            }
        }
        return Purchase.restoreForReturns(whole.id(), whole.customerId(), whole.orderId(), whole.currency(),
                whole.occurredAt(), whole.recordedAt(), skus, lines, returns);
    }

    @Test
    void returnsOfItsSkusAreMatchedAndRecordedAsOnTheWholePurchase() {
        Purchase whole = whole();
        Purchase partial = partialOf(whole, Set.of(A));

        assertThat(partial.isPartial()).isTrue();
        assertThat(whole.isPartial()).isFalse();
        assertThat(partial.returnableQuantity(A)).isEqualTo(whole.returnableQuantity(A)).isEqualTo(3);
        assertThat(Purchase.returnTarget(List.of(partial), A, 3, RETURNED)).contains(partial);
        assertThat(Purchase.returnTarget(List.of(partial), A, 4, RETURNED)).isEmpty();

        // The same return on both: it takes the rest of line 1, then line 3, and costs the same.
        ReturnId id = ReturnId.newId();
        PurchaseReturn fromWhole = whole.registerReturn(id, new ReturnKey("C1:A"), List.of(new ReturnLineInput("A", 2)),
                "cancelled", RETURNED, NOW);
        PurchaseReturn fromPartial = partial.registerReturn(id, new ReturnKey("C1:A"),
                List.of(new ReturnLineInput("A", 2)), "cancelled", RETURNED, NOW);

        assertThat(fromPartial).isEqualTo(fromWhole);
        assertThat(fromPartial.lines()).extracting(ReturnLine::lineNumber, ReturnLine::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1), org.assertj.core.groups.Tuple.tuple(3, 1));
        assertThat(fromPartial.amount().toPlainString()).isEqualTo("1.50");
        assertThat(partial.pullEvents()).isEqualTo(whole.pullEvents()).singleElement()
                .isInstanceOfSatisfying(PurchaseReturned.class, e -> assertThat(e.amount().toPlainString()).isEqualTo("1.50"));
        assertThat(partial.returnableQuantity(A)).isEqualTo(whole.returnableQuantity(A)).isEqualTo(1);
        assertThat(partial.remainingQuantity(1)).isEqualTo(whole.remainingQuantity(1)).isZero();
        assertThat(partial.returnedQuantity(3)).isEqualTo(whole.returnedQuantity(3)).isEqualTo(1);
    }

    @Test
    void refusesMoreThanRemainsWithTheSameProblemAsTheWholePurchase() {
        Purchase whole = whole();
        Purchase partial = partialOf(whole, Set.of(A));
        List<ReturnLineInput> tooMany = List.of(new ReturnLineInput("A", 4));

        ReturnNotPossibleException fromWhole = catchThrowableOfType(ReturnNotPossibleException.class,
                () -> whole.registerReturn(ReturnId.newId(), null, tooMany, null, RETURNED, NOW));
        ReturnNotPossibleException fromPartial = catchThrowableOfType(ReturnNotPossibleException.class,
                () -> partial.registerReturn(ReturnId.newId(), null, tooMany, null, RETURNED, NOW));

        assertThat(fromPartial).hasMessage(fromWhole.getMessage());
        assertThat(fromPartial.violations()).isEqualTo(fromWhole.violations());
        assertThat(partial.pullEvents()).isEmpty();
    }

    @Test
    void whatNeedsEveryLineOrReturnIsRefused() {
        Purchase whole = whole();
        Purchase partial = partialOf(whole, Set.of(A));

        assertThatThrownBy(partial::total).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(partial::returnedAmount).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(partial::remainingAmount).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(partial::lines).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(partial::returns).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> partial.findReturn(new ReturnKey("EARLIER"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> partial.hasSameContentAs(whole)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> whole.hasSameContentAs(partial)).isInstanceOf(IllegalStateException.class);
        // "Everything remaining" would silently leave out the lines it does not hold.
        assertThatThrownBy(() -> partial.registerReturn(ReturnId.newId(), null, null, null, RETURNED, NOW))
                .isInstanceOf(IllegalStateException.class);
        assertThat(partial.pullEvents()).isEmpty();
    }

    @Test
    void questionsAboutSkusOrLinesItDoesNotHoldAreRefusedNotAnsweredWithZero() {
        Purchase partial = partialOf(whole(), Set.of(A));

        assertThatThrownBy(() -> partial.returnableQuantity(B)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> partial.returnableQuantity(new Sku("NEVER-BOUGHT"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Purchase.returnTarget(List.of(partial), B, 1, RETURNED))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> partial.remainingQuantity(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> partial.returnedQuantity(4)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> partial.registerReturn(ReturnId.newId(), null, List.of(new ReturnLineInput("B", 1)),
                null, RETURNED, NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(partial.pullEvents()).isEmpty();
    }

    @Test
    void aSkuItHoldsButThePurchaseNeverHadIsAnsweredLikeTheWholePurchase() {
        Purchase whole = whole();
        Purchase partial = partialOf(whole, Set.of(A, new Sku("Z")));

        assertThat(partial.returnableQuantity(new Sku("Z"))).isEqualTo(whole.returnableQuantity(new Sku("Z"))).isZero();
        ReturnNotPossibleException error = catchThrowableOfType(ReturnNotPossibleException.class, () -> partial
                .registerReturn(ReturnId.newId(), null, List.of(new ReturnLineInput("Z", 1)), null, RETURNED, NOW));
        assertThat(error.violations()).extracting(v -> v.field() + " " + v.message())
                .containsExactly("lines[0].sku is not part of this purchase");
    }

    @Test
    void aRestoreHoldingOtherSkusOrReturnsOfLinesItLacksIsRefused() {
        Purchase whole = whole();
        List<PurchaseLine> allLines = whole.lines();
        List<PurchaseLine> linesOfA = allLines.stream().filter(l -> l.sku().equals(A)).toList();

        assertThatThrownBy(() -> Purchase.restoreForReturns(whole.id(), customer, whole.orderId(), whole.currency(),
                BOUGHT, NOW, Set.of(A), allLines, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2 has SKU B");
        // The earlier return as a whole: its B line counts against a line this instance does not hold.
        assertThatThrownBy(() -> Purchase.restoreForReturns(whole.id(), customer, whole.orderId(), whole.currency(),
                BOUGHT, NOW, Set.of(A), linesOfA, whole.returns()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("returns line 2 (B)");
        assertThatThrownBy(() -> Purchase.restoreForReturns(whole.id(), customer, whole.orderId(), whole.currency(),
                BOUGHT, NOW, Set.of(A), linesOfA.reversed(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
