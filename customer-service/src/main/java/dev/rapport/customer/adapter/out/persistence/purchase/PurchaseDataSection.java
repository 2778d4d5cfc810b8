package dev.rapport.customer.adapter.out.persistence.purchase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageCursor;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.customer.application.port.out.privacy.PersonalDataSection;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.purchase.Purchase;
import dev.rapport.customer.domain.purchase.PurchaseLine;
import dev.rapport.customer.domain.purchase.PurchaseReturn;
import dev.rapport.customer.domain.purchase.ReturnLine;

/**
 * The customer's purchases with lines and returns, newest first. Erasure keeps them (amounts,
 * products and dates feed loyalty and segmentation and the books) and removes the one free text a
 * person may have written: the return reasons. Line descriptions are product names, not personal.
 */
@ApplicationScoped
public class PurchaseDataSection implements PersonalDataSection {

    private static final int PAGE = 500;

    private final PostgresPurchaseRepository purchases;

    public PurchaseDataSection(PostgresPurchaseRepository purchases) {
        this.purchases = purchases;
    }

    public record PurchaseExport(UUID id, String orderId, String currency, String total, String returnedAmount,
                                 Instant occurredAt, Instant recordedAt, List<LineExport> lines,
                                 List<ReturnExport> returns) {
    }

    public record LineExport(int lineNumber, String sku, String description, int quantity, String unitPrice,
                             String amount) {
    }

    public record ReturnExport(UUID id, String returnKey, String amount, String reason, Instant occurredAt,
                               Instant recordedAt, List<ReturnLineExport> lines) {
    }

    public record ReturnLineExport(int lineNumber, String sku, int quantity, String amount) {
    }

    @Override
    public String name() {
        return "purchases";
    }

    @Override
    public Object export(CustomerId id) {
        List<PurchaseExport> all = new ArrayList<>();
        PageCursor after = null;
        do {
            Page<Purchase> page = purchases.listByCustomer(id, new PageRequest(PAGE, after));
            page.items().forEach(p -> all.add(toExport(p)));
            after = page.next();
        } while (after != null);
        return all;
    }

    @Override
    public void erase(CustomerId id) {
        PurchaseEntity.getEntityManager().createNativeQuery("""
                        UPDATE purchase_return SET reason = NULL
                        WHERE reason IS NOT NULL AND purchase_id IN (SELECT id FROM purchase WHERE customer_id = ?1)""")
                .setParameter(1, id.value())
                .executeUpdate();
    }

    private static PurchaseExport toExport(Purchase p) {
        return new PurchaseExport(p.id().value(), p.orderId().value(), p.currency().code(),
                p.total().toPlainString(), p.returnedAmount().toPlainString(), p.occurredAt(), p.recordedAt(),
                p.lines().stream().map(PurchaseDataSection::line).toList(),
                p.returns().stream().map(PurchaseDataSection::purchaseReturn).toList());
    }

    private static LineExport line(PurchaseLine line) {
        return new LineExport(line.lineNumber(), line.sku().value(), line.description(), line.quantity(),
                line.unitPrice().toPlainString(), line.amount().toPlainString());
    }

    private static ReturnExport purchaseReturn(PurchaseReturn r) {
        return new ReturnExport(r.id().value(), r.key() == null ? null : r.key().value(),
                r.amount().toPlainString(), r.reason(), r.occurredAt(), r.recordedAt(),
                r.lines().stream().map(l -> new ReturnLineExport(l.lineNumber(), l.sku().value(), l.quantity(),
                        l.amount().toPlainString())).toList());
    }
}
