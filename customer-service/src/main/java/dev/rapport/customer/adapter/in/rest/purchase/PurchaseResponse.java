package dev.rapport.customer.adapter.in.rest.purchase;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.customer.domain.purchase.OrderId;
import dev.rapport.customer.domain.purchase.Sku;

import dev.rapport.customer.domain.purchase.Purchase;
import dev.rapport.customer.domain.purchase.PurchaseLine;
import dev.rapport.customer.domain.purchase.PurchaseReturn;
import dev.rapport.customer.domain.purchase.ReturnLine;

@Schema(name = "Purchase", description = "Money is a decimal string at the currency's scale")
public record PurchaseResponse(
        UUID id,
        UUID customerId,
        @Schema(maxLength = OrderId.MAX_LENGTH) String orderId,
        @Schema(description = "ISO 4217 code", maxLength = CURRENCY_LENGTH) String currency,
        @Schema(description = "Sum of the lines", maxLength = AMOUNT_MAX_LENGTH, pattern = AMOUNT_PATTERN,
                examples = "35.64") String total,
        @Schema(description = "Sum of the returns", maxLength = AMOUNT_MAX_LENGTH, pattern = AMOUNT_PATTERN,
                examples = "2.55") String returnedAmount,
        @Schema(description = "total - returnedAmount", maxLength = AMOUNT_MAX_LENGTH, pattern = AMOUNT_PATTERN,
                examples = "33.09") String remainingAmount,
        Instant occurredAt,
        Instant recordedAt,
        @Schema(minItems = 1, maxItems = Purchase.MAX_LINES) List<Line> lines,
        @Schema(description = "No business limit (each return takes back at least one unit); maxItems is the "
                + "largest list the service can build", maxItems = Integer.MAX_VALUE) List<Return> returns) {

    /** Amounts are stored as numeric(24,4): at most 20 digits, a point and 4 decimals. */
    static final int AMOUNT_MAX_LENGTH = 25;
    static final String AMOUNT_PATTERN = "^[0-9]{1,20}(\\.[0-9]{1,4})?$";
    static final int CURRENCY_LENGTH = 3;

    @Schema(name = "PurchaseLine")
    public record Line(@Schema(minimum = "1", maximum = "" + Purchase.MAX_LINES) int lineNumber,
                       @Schema(maxLength = Sku.MAX_LENGTH) String sku,
                       @Schema(maxLength = PurchaseLine.DESCRIPTION_MAX) String description,
                       @Schema(minimum = "1", maximum = "" + PurchaseLine.MAX_QUANTITY) int quantity,
                       @Schema(maxLength = AMOUNT_MAX_LENGTH, pattern = AMOUNT_PATTERN) String unitPrice,
                       @Schema(description = "quantity x unitPrice", maxLength = AMOUNT_MAX_LENGTH, pattern = AMOUNT_PATTERN)
                       String amount,
                       @Schema(minimum = "0", maximum = "" + PurchaseLine.MAX_QUANTITY) int returnedQuantity) {
    }

    @Schema(name = "PurchaseReturn")
    public record Return(UUID id,
                         @Schema(nullable = true, maxLength = OrderId.MAX_LENGTH) String returnKey,
                         @Schema(maxLength = AMOUNT_MAX_LENGTH, pattern = AMOUNT_PATTERN) String amount,
                         @Schema(description = "ISO 4217 code", maxLength = CURRENCY_LENGTH) String currency,
                         @Schema(nullable = true, maxLength = PurchaseReturn.REASON_MAX) String reason,
                         Instant occurredAt,
                         Instant recordedAt,
                         @Schema(minItems = 1, maxItems = Purchase.MAX_LINES) List<ReturnLineResponse> lines) {

        static Return of(PurchaseReturn r, Purchase purchase) {
            return new Return(r.id().value(), r.key() == null ? null : r.key().value(), r.amount().toPlainString(),
                    purchase.currency().code(), r.reason(), r.occurredAt(), r.recordedAt(),
                    r.lines().stream().map(ReturnLineResponse::of).toList());
        }
    }

    @Schema(name = "ReturnLine")
    public record ReturnLineResponse(@Schema(description = "The purchase line it returns", minimum = "1",
                                             maximum = "" + Purchase.MAX_LINES) int lineNumber,
                                     @Schema(maxLength = Sku.MAX_LENGTH) String sku,
                                     @Schema(minimum = "1", maximum = "" + PurchaseLine.MAX_QUANTITY) int quantity,
                                     @Schema(maxLength = AMOUNT_MAX_LENGTH, pattern = AMOUNT_PATTERN) String amount) {

        static ReturnLineResponse of(ReturnLine line) {
            return new ReturnLineResponse(line.lineNumber(), line.sku().value(), line.quantity(),
                    line.amount().toPlainString());
        }
    }

    static PurchaseResponse of(Purchase purchase) {
        return new PurchaseResponse(
                purchase.id().value(),
                purchase.customerId().value(),
                purchase.orderId().value(),
                purchase.currency().code(),
                purchase.total().toPlainString(),
                purchase.returnedAmount().toPlainString(),
                purchase.remainingAmount().toPlainString(),
                purchase.occurredAt(),
                purchase.recordedAt(),
                purchase.lines().stream().map(l -> line(l, purchase)).toList(),
                purchase.returns().stream().map(r -> Return.of(r, purchase)).toList());
    }

    private static Line line(PurchaseLine line, Purchase purchase) {
        return new Line(line.lineNumber(), line.sku().value(), line.description(), line.quantity(),
                line.unitPrice().toPlainString(), line.amount().toPlainString(),
                purchase.returnedQuantity(line.lineNumber()));
    }
}
