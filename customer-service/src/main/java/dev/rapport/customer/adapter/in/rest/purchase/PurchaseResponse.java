package dev.rapport.customer.adapter.in.rest.purchase;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.customer.domain.purchase.Purchase;
import dev.rapport.customer.domain.purchase.PurchaseLine;
import dev.rapport.customer.domain.purchase.PurchaseReturn;
import dev.rapport.customer.domain.purchase.ReturnLine;

@Schema(name = "Purchase", description = "Money is a decimal string at the currency's scale")
public record PurchaseResponse(
        UUID id,
        UUID customerId,
        String orderId,
        String currency,
        @Schema(description = "Sum of the lines", examples = "35.64") String total,
        @Schema(description = "Sum of the returns", examples = "2.55") String returnedAmount,
        @Schema(description = "total - returnedAmount", examples = "33.09") String remainingAmount,
        Instant occurredAt,
        Instant recordedAt,
        List<Line> lines,
        List<Return> returns) {

    @Schema(name = "PurchaseLine")
    public record Line(int lineNumber, String sku, String description, int quantity, String unitPrice,
                       @Schema(description = "quantity x unitPrice") String amount, int returnedQuantity) {
    }

    @Schema(name = "PurchaseReturn")
    public record Return(UUID id, String returnKey, String amount, String currency, String reason, Instant occurredAt,
                         Instant recordedAt, List<ReturnLineResponse> lines) {

        static Return of(PurchaseReturn r, Purchase purchase) {
            return new Return(r.id().value(), r.key() == null ? null : r.key().value(), r.amount().toPlainString(),
                    purchase.currency().code(), r.reason(), r.occurredAt(), r.recordedAt(),
                    r.lines().stream().map(ReturnLineResponse::of).toList());
        }
    }

    @Schema(name = "ReturnLine")
    public record ReturnLineResponse(@Schema(description = "The purchase line it returns") int lineNumber, String sku,
                                     int quantity, String amount) {

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
