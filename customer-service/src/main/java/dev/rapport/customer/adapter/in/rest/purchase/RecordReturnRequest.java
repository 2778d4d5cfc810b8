package dev.rapport.customer.adapter.in.rest.purchase;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.customer.application.port.in.purchase.RecordReturnCommand;
import dev.rapport.customer.domain.purchase.OrderId;
import dev.rapport.customer.domain.purchase.PurchaseLine;
import dev.rapport.customer.domain.purchase.PurchaseReturn;
import dev.rapport.customer.domain.purchase.Sku;

import dev.rapport.customer.domain.purchase.Purchase;

@Schema(name = "RecordReturnRequest", description = "Goods coming back; omit lines to return everything remaining")
public record RecordReturnRequest(
        @Schema(description = "Natural key (e.g. credit-note number), unique per purchase; a repeat answers 200 with the same return",
                maxLength = OrderId.MAX_LENGTH, examples = "C536379")
        String returnKey,
        @Schema(description = "What comes back; omitted means everything not yet returned", maxItems = Purchase.MAX_LINES)
        List<Line> lines,
        @Schema(maxLength = PurchaseReturn.REASON_MAX, examples = "damaged") String reason,
        @Schema(description = "When the goods came back; defaults to now, not before the purchase") Instant occurredAt) {

    @Schema(name = "ReturnLineRequest")
    public record Line(
            @Schema(required = true, maxLength = Sku.MAX_LENGTH, examples = "85123A") String sku,
            @Schema(description = "At most what is left to return of this SKU (it may be on several lines)",
                    required = true, minimum = "1", maximum = "" + Purchase.MAX_LINES * PurchaseLine.MAX_QUANTITY,
                    examples = "1") Integer quantity) {
    }

    static RecordReturnCommand toCommand(RecordReturnRequest request, UUID customerId, String orderId) {
        List<Purchase.ReturnLineInput> lines = request.lines == null ? null : request.lines.stream()
                .map(l -> l == null ? null : new Purchase.ReturnLineInput(l.sku(), l.quantity()))
                .toList();
        return new RecordReturnCommand(customerId, orderId, request.returnKey, lines, request.reason, request.occurredAt);
    }
}
