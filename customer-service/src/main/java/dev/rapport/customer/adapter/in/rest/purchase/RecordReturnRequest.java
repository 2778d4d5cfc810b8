package dev.rapport.customer.adapter.in.rest.purchase;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.customer.application.port.in.purchase.RecordReturnCommand;
import dev.rapport.customer.domain.purchase.Purchase;

@Schema(name = "RecordReturnRequest", description = "Goods coming back; omit lines to return everything remaining")
public record RecordReturnRequest(
        @Schema(description = "Natural key (e.g. credit-note number), unique per purchase; a repeat answers 200 with the same return",
                maxLength = 100, examples = "C536379")
        String returnKey,
        @Schema(description = "What comes back; omitted means everything not yet returned") List<Line> lines,
        @Schema(maxLength = 500, examples = "damaged") String reason,
        @Schema(description = "When the goods came back; defaults to now, not before the purchase") Instant occurredAt) {

    @Schema(name = "ReturnLineRequest")
    public record Line(
            @Schema(required = true, examples = "85123A") String sku,
            @Schema(required = true, minimum = "1", examples = "1") Integer quantity) {
    }

    static RecordReturnCommand toCommand(RecordReturnRequest request, UUID customerId, String orderId) {
        if (request == null) {
            return new RecordReturnCommand(customerId, orderId, null, null, null, null);
        }
        List<Purchase.ReturnLineInput> lines = request.lines == null ? null : request.lines.stream()
                .map(l -> l == null ? null : new Purchase.ReturnLineInput(l.sku(), l.quantity()))
                .toList();
        return new RecordReturnCommand(customerId, orderId, request.returnKey, lines, request.reason, request.occurredAt);
    }
}
