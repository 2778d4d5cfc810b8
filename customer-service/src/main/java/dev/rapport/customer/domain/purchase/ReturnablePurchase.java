package dev.rapport.customer.domain.purchase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.event.CustomerDomainEvent;
import dev.rapport.customer.domain.event.PurchaseReturned;
import dev.rapport.kernel.FieldViolation;
import dev.rapport.kernel.Texts;
import dev.rapport.kernel.Violations;

/**
 * What is still returnable of a stored purchase's lines of some SKUs: the read model a bulk import
 * matches cancellation invoices against, so it never loads whole purchases (hundreds of lines each)
 * to return one SKU. A return recorded here allocates, prices and raises its event exactly as
 * {@link Purchase#registerReturn} would for the same SKU, and lowers what remains for the next one.
 */
public final class ReturnablePurchase {

    /** A purchase line of a held SKU and how many of its units have not come back yet. */
    public record Line(int lineNumber, Sku sku, Money unitPrice, int remaining) {

        public Line {
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(unitPrice, "unitPrice");
            if (lineNumber < 1 || remaining < 0) {
                throw new IllegalArgumentException("a line number is positive and what remains is not negative");
            }
        }
    }

    private final PurchaseId id;
    private final CustomerId customerId;
    private final OrderId orderId;
    private final Instant occurredAt;
    private final List<Line> lines;
    private final List<CustomerDomainEvent> pendingEvents = new ArrayList<>();

    /** {@code lines}: the held SKUs' lines in line number order. */
    public ReturnablePurchase(PurchaseId id, CustomerId customerId, OrderId orderId, Instant occurredAt,
                              List<Line> lines) {
        this.id = Objects.requireNonNull(id, "id");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.lines = new ArrayList<>(lines);
        for (int i = 1; i < this.lines.size(); i++) {
            if (this.lines.get(i).lineNumber() <= this.lines.get(i - 1).lineNumber()) {
                throw new IllegalArgumentException("the lines are in line number order");
            }
        }
    }

    /** Everything still returnable of a whole purchase. */
    public static ReturnablePurchase of(Purchase purchase) {
        List<Line> lines = new ArrayList<>();
        for (PurchaseLine line : purchase.lines()) {
            lines.add(new Line(line.lineNumber(), line.sku(), line.unitPrice(), purchase.remainingQuantity(line.lineNumber())));
        }
        return new ReturnablePurchase(purchase.id(), purchase.customerId(), purchase.orderId(), purchase.occurredAt(),
                lines);
    }

    /**
     * The purchase a return of {@code quantity} units of {@code sku} belongs to when the client did
     * not say which: among {@code candidates} (one customer's), the most recent one (by occurredAt,
     * then id) at or before {@code notAfter} that still has that many units of the SKU returnable.
     */
    public static Optional<ReturnablePurchase> target(Collection<ReturnablePurchase> candidates, Sku sku, int quantity,
                                                      Instant notAfter) {
        return candidates.stream()
                .filter(p -> !p.occurredAt.isAfter(notAfter) && p.returnableQuantity(sku) >= quantity)
                .max(Comparator.comparing(ReturnablePurchase::occurredAt).thenComparing(ReturnablePurchase::id));
    }

    /** Units of {@code sku} not returned yet (0 when this purchase holds none). */
    public int returnableQuantity(Sku sku) {
        int returnable = 0;
        for (Line line : lines) {
            if (line.sku().equals(sku)) {
                returnable += line.remaining();
            }
        }
        return returnable;
    }

    /**
     * Records {@code quantity} units of {@code sku} coming back, taken from its lines in line order at
     * their unit prices, raising {@link PurchaseReturned}.
     *
     * @throws dev.rapport.kernel.InvalidInputException for malformed input
     * @throws ReturnNotPossibleException when the purchase does not allow it
     */
    public PurchaseReturn registerReturn(ReturnId returnId, ReturnKey key, Sku sku, int quantity, String rawReason,
                                         Instant rawOccurredAt, Instant now) {
        Objects.requireNonNull(sku, "sku");
        Violations violations = new Violations();
        String reason = violations.check("reason", () -> Texts.optional(rawReason, PurchaseReturn.REASON_MAX));
        Instant occurredAt = violations.check("occurredAt", () -> Purchase.notInFuture(rawOccurredAt, now));
        if (quantity < 1) {
            violations.add("lines[0].quantity", "must be greater than 0");
        }
        violations.throwIfAny();
        if (occurredAt.isBefore(this.occurredAt)) {
            throw new ReturnNotPossibleException("A return cannot happen before its purchase",
                    List.of(new FieldViolation("occurredAt", "must not be before the purchase (" + this.occurredAt + ")")));
        }
        List<Line> held = lines.stream().filter(l -> l.sku().equals(sku)).toList();
        FieldViolation misfit = ReturnAllocation.misfit("lines[0]", sku, held, quantity);
        if (misfit != null) {
            throw new ReturnNotPossibleException("The return does not fit the purchase: " + misfit.field() + " "
                    + misfit.message(), List.of(misfit));
        }
        List<ReturnLine> allocated = ReturnAllocation.take(held, quantity);
        for (ReturnLine taken : allocated) {
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                if (line.lineNumber() == taken.lineNumber()) {
                    lines.set(i, new Line(line.lineNumber(), sku, line.unitPrice(), line.remaining() - taken.quantity()));
                }
            }
        }
        PurchaseReturn purchaseReturn = new PurchaseReturn(returnId, key, allocated, reason, occurredAt, now);
        pendingEvents.add(new PurchaseReturned(customerId, id, orderId, returnId, key, purchaseReturn.amount(),
                occurredAt, reason));
        return purchaseReturn;
    }

    public List<CustomerDomainEvent> pullEvents() {
        List<CustomerDomainEvent> events = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return events;
    }

    public PurchaseId id() {
        return id;
    }

    public CustomerId customerId() {
        return customerId;
    }

    public OrderId orderId() {
        return orderId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }
}
