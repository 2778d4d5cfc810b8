package dev.rapport.customer.adapter.in.rest.purchase;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.customer.application.port.in.purchase.RecordPurchaseCommand;
import dev.rapport.customer.domain.purchase.OrderId;
import dev.rapport.customer.domain.purchase.Purchase;
import dev.rapport.customer.domain.purchase.Sku;

import dev.rapport.customer.domain.purchase.PurchaseLine;

@Schema(name = "RecordPurchaseRequest", description = "A purchase; the total is computed from the lines")
public record RecordPurchaseRequest(
        @Schema(description = "The shop's order number; unique in the service, makes the request idempotent",
                required = true, maxLength = OrderId.MAX_LENGTH, pattern = "^[A-Za-z0-9][A-Za-z0-9._:-]*$", examples = "536365")
        String orderId,
        @Schema(description = "ISO 4217 code", required = true, maxLength = 3, examples = "GBP") String currency,
        @Schema(description = "When the purchase happened; defaults to now, at most 5 minutes in the future")
        Instant occurredAt,
        @Schema(description = "1 to 1000 lines", required = true, minItems = 1, maxItems = Purchase.MAX_LINES) List<Line> lines) {

    @Schema(name = "PurchaseLineRequest")
    public record Line(
            @Schema(required = true, maxLength = Sku.MAX_LENGTH, examples = "85123A") String sku,
            @Schema(maxLength = PurchaseLine.DESCRIPTION_MAX, examples = "WHITE HANGING HEART T-LIGHT HOLDER") String description,
            @Schema(required = true, minimum = "1", maximum = "" + PurchaseLine.MAX_QUANTITY, examples = "6") Integer quantity,
            @Schema(description = "Decimal string or number, >= 0, at most the currency's decimal places",
                    required = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    examples = "2.55") BigDecimal unitPrice) {
    }

    RecordPurchaseCommand toCommand(UUID customerId) {
        return new RecordPurchaseCommand(customerId, orderId, currency, occurredAt, lines == null ? null
                : lines.stream()
                        .map(l -> l == null ? null : new PurchaseLine.LineInput(l.sku(), l.description(), l.quantity(), l.unitPrice()))
                        .toList());
    }
}
