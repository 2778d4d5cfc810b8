package dev.rapport.customer.domain.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.event.PurchaseRecorded;
import dev.rapport.customer.domain.event.PurchaseReturned;
import dev.rapport.customer.domain.purchase.Purchase.ReturnLineInput;
import dev.rapport.customer.domain.purchase.PurchaseLine.LineInput;
import dev.rapport.kernel.FieldViolation;
import dev.rapport.kernel.InvalidInputException;

class PurchaseTest {

    private static final Instant NOW = Instant.parse("2024-05-02T10:00:00Z");
    private static final Instant BOUGHT = Instant.parse("2024-05-02T08:26:00Z");
    private final CustomerId customer = CustomerId.newId();

    private static LineInput line(String sku, int quantity, String price) {
        return new LineInput(sku, "desc " + sku, quantity, new BigDecimal(price));
    }

    private Purchase purchase(LineInput... lines) {
        return Purchase.record(PurchaseId.newId(), customer, "536365", "GBP", BOUGHT, List.of(lines), NOW);
    }

    @Test
    void totalIsTheSumOfTheLines() {
        Purchase purchase = purchase(line("85123A", 6, "2.55"), line("71053", 6, "3.39"));

        assertThat(purchase.total().toPlainString()).isEqualTo("35.64");
        assertThat(purchase.remainingAmount().toPlainString()).isEqualTo("35.64");
        assertThat(purchase.returnedAmount().toPlainString()).isEqualTo("0.00");
        assertThat(purchase.lines()).extracting(PurchaseLine::lineNumber).containsExactly(1, 2);
        assertThat(purchase.pullEvents()).singleElement().isInstanceOfSatisfying(PurchaseRecorded.class, e -> {
            assertThat(e.total().toPlainString()).isEqualTo("35.64");
            assertThat(e.lineCount()).isEqualTo(2);
            assertThat(e.orderId().value()).isEqualTo("536365");
            assertThat(e.occurredAt()).isEqualTo(BOUGHT);
        });
    }

    @Test
    void aFreeLineIsAllowed() {
        assertThat(purchase(line("GIFT", 1, "0")).total().toPlainString()).isEqualTo("0.00");
    }

    @Test
    void occurredAtDefaultsToNowAndMayNotLieInTheFuture() {
        Purchase now = Purchase.record(PurchaseId.newId(), customer, "A1", "GBP", null, List.of(line("X", 1, "1")), NOW);
        assertThat(now.occurredAt()).isEqualTo(NOW);

        assertThatThrownBy(() -> Purchase.record(PurchaseId.newId(), customer, "A1", "GBP", NOW.plusSeconds(3600),
                List.of(line("X", 1, "1")), NOW))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("occurredAt must not be in the future");
    }

    @Test
    void reportsEveryInvalidFieldWithItsJsonPath() {
        List<LineInput> lines = new ArrayList<>();
        lines.add(line("A", 0, "1.00"));
        lines.add(new LineInput("", null, 2, new BigDecimal("-1")));
        lines.add(new LineInput("C", null, 1, null));
        lines.add(null);

        InvalidInputException error = catchThrowableOfType(InvalidInputException.class,
                () -> Purchase.record(PurchaseId.newId(), customer, "bad order id", "GBP", BOUGHT, lines, NOW));

        assertThat(error.violations()).containsExactlyInAnyOrder(
                new FieldViolation("orderId", "must be 1 to 100 letters, digits, . _ : or -, starting with a letter or digit"),
                new FieldViolation("lines[0].quantity", "must be greater than 0"),
                new FieldViolation("lines[1].sku", "must not be blank"),
                new FieldViolation("lines[1].unitPrice", "must not be negative"),
                new FieldViolation("lines[2].unitPrice", "must not be null"),
                new FieldViolation("lines[3]", "must be an object"));
    }

    @Test
    void namesTheInvalidLinesAsDataApartFromWhatIsWrongWithThePurchase() {
        List<LineInput> lines = new ArrayList<>();
        lines.add(line("A", 1, "1.00"));
        lines.add(new LineInput("", null, 0, new BigDecimal("1.00")));
        lines.add(null);

        InvalidPurchaseException error = catchThrowableOfType(InvalidPurchaseException.class,
                () -> Purchase.record(PurchaseId.newId(), customer, "bad order id", "GBP", BOUGHT, lines, NOW));

        assertThat(error.ofPurchase()).extracting(FieldViolation::field).containsExactly("orderId");
        assertThat(error.invalidLines()).containsExactly(
                new InvalidLine(1, "sku", "must not be blank"),
                new InvalidLine(1, "quantity", "must be greater than 0"),
                new InvalidLine(2, "", "must be an object"));
    }

    @Test
    void anUnknownCurrencyIsReportedOnceNotPerLine() {
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class, () -> Purchase.record(
                PurchaseId.newId(), customer, "A1", "XYZ", BOUGHT, List.of(line("A", 1, "1.00"), line("B", 1, "1")), NOW));

        assertThat(error.violations()).containsExactly(
                new FieldViolation("currency", "must be an ISO 4217 currency code like GBP"));
    }

    @Test
    void needsOneToAThousandLines() {
        assertThatThrownBy(() -> Purchase.record(PurchaseId.newId(), customer, "A1", "GBP", BOUGHT, List.of(), NOW))
                .hasMessage("lines must contain at least one line");
        List<LineInput> many = Collections.nCopies(1001, line("A", 1, "1"));
        assertThatThrownBy(() -> Purchase.record(PurchaseId.newId(), customer, "A1", "GBP", BOUGHT, many, NOW))
                .hasMessage("lines must contain at most 1000 lines");
        assertThat(Purchase.record(PurchaseId.newId(), customer, "A1", "GBP", BOUGHT,
                Collections.nCopies(1000, line("A", 1, "0.01")), NOW).total().toPlainString()).isEqualTo("10.00");
    }

    @Test
    void recognisesARepeatOfTheSamePurchase() {
        Purchase first = purchase(line("A", 2, "1.50"), line("B", 1, "3"));
        Purchase retry = purchase(new LineInput("A", "other text", 2, new BigDecimal("1.5")), line("B", 1, "3.00"));
        Purchase different = purchase(line("A", 3, "1.50"), line("B", 1, "3"));

        assertThat(first.hasSameContentAs(retry)).isTrue();
        assertThat(first.hasSameContentAs(different)).isFalse();
    }

    @Test
    void aPartialReturnUsesThePurchasePrices() {
        Purchase purchase = purchase(line("85123A", 6, "2.55"), line("71053", 6, "3.39"));
        purchase.pullEvents();

        PurchaseReturn returned = purchase.registerReturn(ReturnId.newId(), new ReturnKey("C1"),
                List.of(new ReturnLineInput("85123A", 2)), "damaged", null, NOW);

        assertThat(returned.amount().toPlainString()).isEqualTo("5.10");
        assertThat(returned.occurredAt()).isEqualTo(NOW);
        assertThat(purchase.returnedQuantity(1)).isEqualTo(2);
        assertThat(purchase.remainingQuantity(1)).isEqualTo(4);
        assertThat(purchase.returnedAmount().toPlainString()).isEqualTo("5.10");
        assertThat(purchase.remainingAmount().toPlainString()).isEqualTo("30.54");
        assertThat(purchase.pullEvents()).singleElement().isInstanceOfSatisfying(PurchaseReturned.class, e -> {
            assertThat(e.amount().toPlainString()).isEqualTo("5.10");
            assertThat(e.returnKey().value()).isEqualTo("C1");
            assertThat(e.reason()).isEqualTo("damaged");
        });
    }

    @Test
    void cannotReturnMoreThanRemains() {
        Purchase purchase = purchase(line("A", 3, "1.00"));
        purchase.registerReturn(ReturnId.newId(), null, List.of(new ReturnLineInput("A", 2)), null, null, NOW);

        ReturnNotPossibleException error = catchThrowableOfType(ReturnNotPossibleException.class, () ->
                purchase.registerReturn(ReturnId.newId(), null, List.of(new ReturnLineInput("A", 2)), null, null, NOW));

        assertThat(error.violations()).containsExactly(
                new FieldViolation("lines[0].quantity", "exceeds the 1 unit(s) of A still returnable"));
        assertThat(purchase.returns()).hasSize(1);
    }

    @Test
    void requestLinesOfTheSameSkuAddUp() {
        Purchase purchase = purchase(line("A", 3, "1.00"));

        assertThatThrownBy(() -> purchase.registerReturn(ReturnId.newId(), null,
                List.of(new ReturnLineInput("A", 2), new ReturnLineInput("A", 2)), null, null, NOW))
                .isInstanceOf(ReturnNotPossibleException.class);
    }

    @Test
    void aSkuOnSeveralLinesIsTakenInLineOrder() {
        Purchase purchase = purchase(line("A", 2, "1.00"), line("B", 1, "5.00"), line("A", 2, "0.50"));

        PurchaseReturn returned = purchase.registerReturn(ReturnId.newId(), null,
                List.of(new ReturnLineInput("A", 3)), null, null, NOW);

        assertThat(returned.lines()).extracting(ReturnLine::lineNumber, ReturnLine::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 2), org.assertj.core.groups.Tuple.tuple(3, 1));
        assertThat(returned.amount().toPlainString()).isEqualTo("2.50");
    }

    @Test
    void withoutLinesEverythingRemainingComesBackOnce() {
        Purchase purchase = purchase(line("A", 3, "1.00"), line("B", 1, "5.00"));
        purchase.registerReturn(ReturnId.newId(), null, List.of(new ReturnLineInput("A", 1)), null, null, NOW);

        PurchaseReturn rest = purchase.registerReturn(ReturnId.newId(), null, null, null, null, NOW);

        assertThat(rest.amount().toPlainString()).isEqualTo("7.00");
        assertThat(purchase.remainingAmount().isZero()).isTrue();
        assertThatThrownBy(() -> purchase.registerReturn(ReturnId.newId(), null, null, null, null, NOW))
                .isInstanceOf(ReturnNotPossibleException.class)
                .hasMessage("Everything in this purchase has already been returned");
    }

    @Test
    void refusesUnknownSkusAndMalformedLines() {
        Purchase purchase = purchase(line("A", 3, "1.00"));

        assertThatThrownBy(() -> purchase.registerReturn(ReturnId.newId(), null,
                List.of(new ReturnLineInput("Z", 1)), null, null, NOW))
                .isInstanceOfSatisfying(ReturnNotPossibleException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("lines[0].sku", "is not part of this purchase")));
        assertThatThrownBy(() -> purchase.registerReturn(ReturnId.newId(), null,
                List.of(new ReturnLineInput("A", 0)), null, null, NOW))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("lines[0].quantity must be greater than 0");
        assertThatThrownBy(() -> purchase.registerReturn(ReturnId.newId(), null, List.of(), null, null, NOW))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aReturnCannotPrecedeItsPurchase() {
        Purchase purchase = purchase(line("A", 3, "1.00"));

        assertThatThrownBy(() -> purchase.registerReturn(ReturnId.newId(), null, null, null, BOUGHT.minusSeconds(1), NOW))
                .isInstanceOf(ReturnNotPossibleException.class);
    }

    @Test
    void aRepeatedReturnKeyMustAskForTheSameGoods() {
        Purchase purchase = purchase(line("A", 3, "1.00"), line("B", 2, "2.00"));
        PurchaseReturn first = purchase.registerReturn(ReturnId.newId(), new ReturnKey("C1"),
                List.of(new ReturnLineInput("A", 1), new ReturnLineInput("B", 1)), null, null, NOW);

        assertThat(Purchase.sameReturn(first, List.of(new ReturnLineInput("B", 1), new ReturnLineInput("A", 1)))).isTrue();
        assertThat(Purchase.sameReturn(first, null)).isTrue();
        assertThat(Purchase.sameReturn(first, List.of(new ReturnLineInput("A", 2)))).isFalse();
        assertThat(purchase.findReturn(new ReturnKey("C1"))).contains(first);
    }
}
