package dev.rapport.customer.adapter.out.persistence.purchase;

import java.util.List;

import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.purchase.CurrencyCode;
import dev.rapport.customer.domain.purchase.Money;
import dev.rapport.customer.domain.purchase.OrderId;
import dev.rapport.customer.domain.purchase.Purchase;
import dev.rapport.customer.domain.purchase.PurchaseId;
import dev.rapport.customer.domain.purchase.PurchaseLine;
import dev.rapport.customer.domain.purchase.PurchaseReturn;
import dev.rapport.customer.domain.purchase.ReturnId;
import dev.rapport.customer.domain.purchase.ReturnKey;
import dev.rapport.customer.domain.purchase.ReturnLine;
import dev.rapport.customer.domain.purchase.Sku;

/** Between the purchase aggregate and its rows. */
final class PurchaseMapper {

    private PurchaseMapper() {
    }

    static Purchase toDomain(PurchaseEntity row) {
        CurrencyCode currency = new CurrencyCode(row.currency);
        List<PurchaseLine> lines = row.lines.stream()
                .map(l -> new PurchaseLine(l.lineNumber, new Sku(l.sku), l.description, l.quantity,
                        new Money(l.unitPrice, currency)))
                .toList();
        List<PurchaseReturn> returns = row.returns.stream().map(r -> toDomain(r, currency)).toList();
        return Purchase.restore(new PurchaseId(row.id), new CustomerId(row.customerId), new OrderId(row.orderId),
                currency, row.occurredAt, row.recordedAt, lines, returns);
    }

    private static PurchaseReturn toDomain(PurchaseReturnEntity row, CurrencyCode currency) {
        List<ReturnLine> lines = row.lines.stream()
                .map(l -> new ReturnLine(l.lineNumber, new Sku(l.sku), l.quantity, new Money(l.amount, currency)))
                .toList();
        return new PurchaseReturn(new ReturnId(row.id), row.returnKey == null ? null : new ReturnKey(row.returnKey),
                lines, row.reason, row.occurredAt, row.recordedAt);
    }

    static PurchaseEntity toRow(Purchase purchase) {
        PurchaseEntity row = new PurchaseEntity();
        row.id = purchase.id().value();
        row.customerId = purchase.customerId().value();
        row.orderId = purchase.orderId().value();
        row.currency = purchase.currency().code();
        row.total = purchase.total().amount();
        row.returnedAmount = purchase.returnedAmount().amount();
        row.lineCount = purchase.lines().size();
        row.occurredAt = purchase.occurredAt();
        row.recordedAt = purchase.recordedAt();
        for (PurchaseLine line : purchase.lines()) {
            PurchaseLineEmbeddable l = new PurchaseLineEmbeddable();
            l.lineNumber = line.lineNumber();
            l.sku = line.sku().value();
            l.description = line.description();
            l.quantity = line.quantity();
            l.unitPrice = line.unitPrice().amount();
            row.lines.add(l);
        }
        return row;
    }

    static PurchaseReturnEntity toRow(PurchaseReturn purchaseReturn, PurchaseEntity purchase) {
        PurchaseReturnEntity row = new PurchaseReturnEntity();
        row.id = purchaseReturn.id().value();
        row.purchase = purchase;
        row.returnKey = purchaseReturn.key() == null ? null : purchaseReturn.key().value();
        row.amount = purchaseReturn.amount().amount();
        row.reason = purchaseReturn.reason();
        row.occurredAt = purchaseReturn.occurredAt();
        row.recordedAt = purchaseReturn.recordedAt();
        for (ReturnLine line : purchaseReturn.lines()) {
            ReturnLineEmbeddable l = new ReturnLineEmbeddable();
            l.lineNumber = line.lineNumber();
            l.sku = line.sku().value();
            l.quantity = line.quantity();
            l.amount = line.amount().amount();
            row.lines.add(l);
        }
        return row;
    }
}
