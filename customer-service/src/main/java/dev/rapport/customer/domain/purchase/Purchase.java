package dev.rapport.customer.domain.purchase;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.event.CustomerDomainEvent;
import dev.rapport.customer.domain.event.PurchaseRecorded;
import dev.rapport.customer.domain.event.PurchaseReturned;
import dev.rapport.kernel.FieldViolation;
import dev.rapport.kernel.InvalidValueException;
import dev.rapport.kernel.Texts;
import dev.rapport.kernel.Violations;

/**
 * A purchase of one customer with its lines and the returns against it. The total is always the
 * sum of the lines (a client's total is never trusted); returns can never exceed what was bought.
 * Bulk imports match returns against {@link ReturnablePurchase}, a read model of what remains.
 */
public final class Purchase {

    public static final int MAX_LINES = 1000;
    /** Clocks of tills and partners drift; a little future is tolerated, a lot is a mistake. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final PurchaseId id;
    private final CustomerId customerId;
    private final OrderId orderId;
    private final CurrencyCode currency;
    private final Instant occurredAt;
    private final Instant recordedAt;
    private final List<PurchaseLine> lines;
    private final List<PurchaseReturn> returns;
    private final List<CustomerDomainEvent> pendingEvents = new ArrayList<>();
    /** Sum of the lines, computed once: lines never change (an import asks for it three times per purchase). */
    private Money total;

    private Purchase(PurchaseId id, CustomerId customerId, OrderId orderId, CurrencyCode currency,
                     Instant occurredAt, Instant recordedAt, List<PurchaseLine> lines, List<PurchaseReturn> returns) {
        this.id = Objects.requireNonNull(id, "id");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.recordedAt = Objects.requireNonNull(recordedAt, "recordedAt");
        this.lines = List.copyOf(lines);
        this.returns = new ArrayList<>(returns);
        if (this.lines.isEmpty() || this.lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("a purchase has 1 to " + MAX_LINES + " lines");
        }
        for (PurchaseLine line : this.lines) {
            if (!line.unitPrice().currency().equals(currency)) {
                throw new IllegalArgumentException("line " + line.lineNumber() + " is not in " + currency);
            }
        }
    }

    /**
     * Validates a client's purchase and records it, raising {@link PurchaseRecorded}. Every invalid
     * field is reported at once ({@code lines[3].unitPrice}). {@code occurredAt} defaults to now.
     */
    public static Purchase record(PurchaseId id, CustomerId customerId, String orderId, String currency,
                                  Instant occurredAt, List<PurchaseLine.LineInput> lines, Instant now) {
        Purchase purchase = parse(id, customerId, orderId, currency, occurredAt, lines, now);
        purchase.pendingEvents.add(new PurchaseRecorded(customerId, id, purchase.orderId, purchase.total(),
                purchase.occurredAt, purchase.lines.size()));
        return purchase;
    }

    private static Purchase parse(PurchaseId id, CustomerId customerId, String rawOrderId, String rawCurrency,
                                  Instant rawOccurredAt, List<PurchaseLine.LineInput> rawLines, Instant now) {
        // The purchase's own problems first, then each invalid line's, as a client reads them; the
        // lines' problems are also kept as data, so an import need not parse field names back.
        Violations ofPurchase = new Violations();
        List<InvalidLine> invalidLines = new ArrayList<>();
        OrderId orderId = ofPurchase.check("orderId", () -> new OrderId(rawOrderId));
        CurrencyCode currency = ofPurchase.check("currency", () -> new CurrencyCode(rawCurrency));
        Instant occurredAt = ofPurchase.check("occurredAt", () -> notInFuture(rawOccurredAt, now));
        List<PurchaseLine> lines = new ArrayList<>();
        if (rawLines == null || rawLines.isEmpty()) {
            ofPurchase.add("lines", "must contain at least one line");
        } else if (rawLines.size() > MAX_LINES) {
            ofPurchase.add("lines", "must contain at most " + MAX_LINES + " lines");
        } else {
            for (int i = 0; i < rawLines.size(); i++) {
                PurchaseLine.LineInput input = rawLines.get(i);
                int lineNumber = i + 1;
                if (input == null) {
                    invalidLines.add(new InvalidLine(i, "", "must be an object"));
                    continue;
                }
                Violations ofLine = new Violations();
                PurchaseLine line = ofLine.check("", () -> PurchaseLine.parse(lineNumber, input, currency));
                for (FieldViolation violation : ofLine.list()) {
                    invalidLines.add(new InvalidLine(i, violation.field(), violation.message()));
                }
                if (line != null) {
                    lines.add(line);
                }
            }
        }
        throwIfInvalid(ofPurchase, invalidLines);
        Purchase purchase = new Purchase(id, customerId, orderId, currency, occurredAt, now, lines, List.of());
        ofPurchase.check("total", purchase::total);
        throwIfInvalid(ofPurchase, invalidLines);
        return purchase;
    }

    private static void throwIfInvalid(Violations ofPurchase, List<InvalidLine> invalidLines) {
        if (ofPurchase.isEmpty() && invalidLines.isEmpty()) {
            return;
        }
        List<FieldViolation> all = new ArrayList<>(ofPurchase.list());
        for (InvalidLine line : invalidLines) {
            String field = "lines[" + line.index() + "]";
            all.add(new FieldViolation(line.field().isEmpty() ? field : field + "." + line.field(), line.message()));
        }
        throw new InvalidPurchaseException(all, ofPurchase.list(), invalidLines);
    }

    /** Rebuilds a stored purchase; raises no event. */
    public static Purchase restore(PurchaseId id, CustomerId customerId, OrderId orderId, CurrencyCode currency,
                                   Instant occurredAt, Instant recordedAt, List<PurchaseLine> lines,
                                   List<PurchaseReturn> returns) {
        return new Purchase(id, customerId, orderId, currency, occurredAt, recordedAt, lines, returns);
    }

    /**
     * True when {@code other} buys the same things: same currency and the same lines (SKU, quantity,
     * unit price) in the same order. Descriptions and timestamps may differ between retries.
     */
    public boolean hasSameContentAs(Purchase other) {
        if (!currency.equals(other.currency) || lines.size() != other.lines.size()) {
            return false;
        }
        for (int i = 0; i < lines.size(); i++) {
            PurchaseLine mine = lines.get(i);
            PurchaseLine theirs = other.lines.get(i);
            if (!mine.sku().equals(theirs.sku()) || mine.quantity() != theirs.quantity()
                    || !mine.unitPrice().equals(theirs.unitPrice())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Units of {@code sku} bought in this purchase and not returned yet (0 when it was not bought here).
     */
    public int returnableQuantity(Sku sku) {
        int returnable = 0;
        for (PurchaseLine line : lines) {
            if (line.sku().equals(sku)) {
                returnable += remainingQuantity(line.lineNumber());
            }
        }
        return returnable;
    }

    public Optional<PurchaseReturn> findReturn(ReturnKey key) {
        return returns.stream().filter(r -> key.equals(r.key())).findFirst();
    }

    /**
     * Records goods coming back, raising {@link PurchaseReturned}. {@code requested == null} returns
     * everything still returnable; requested SKUs are taken from the purchase's lines with that SKU
     * in line order. Amounts use the purchase's unit prices.
     *
     * @throws dev.rapport.kernel.InvalidInputException for malformed input (400)
     * @throws ReturnNotPossibleException when the purchase does not allow it (422)
     */
    public PurchaseReturn registerReturn(ReturnId returnId, ReturnKey key, List<ReturnLineInput> requested,
                                         String rawReason, Instant rawOccurredAt, Instant now) {
        Violations violations = new Violations();
        String reason = violations.check("reason", () -> Texts.optional(rawReason, PurchaseReturn.REASON_MAX));
        Instant occurredAt = violations.check("occurredAt", () -> notInFuture(rawOccurredAt, now));
        Map<Sku, Integer> wanted = requested == null ? null : wantedBySku(requested, violations);
        violations.throwIfAny();

        if (occurredAt.isBefore(this.occurredAt)) {
            throw new ReturnNotPossibleException("A return cannot happen before its purchase",
                    List.of(new FieldViolation("occurredAt", "must not be before the purchase (" + this.occurredAt + ")")));
        }
        List<ReturnLine> allocated = wanted == null ? everythingRemaining() : allocate(wanted, requested);
        PurchaseReturn purchaseReturn = new PurchaseReturn(returnId, key, allocated, reason, occurredAt, now);
        returns.add(purchaseReturn);
        pendingEvents.add(new PurchaseReturned(customerId, id, orderId, returnId, key, purchaseReturn.amount(),
                occurredAt, reason));
        return purchaseReturn;
    }

    /**
     * True when a repeated request with this return key asks for what {@code existing} returned. A
     * request without lines ("everything remaining") cannot be compared and counts as a repeat.
     */
    public static boolean sameReturn(PurchaseReturn existing, List<ReturnLineInput> requested) {
        if (requested == null) {
            return true;
        }
        Map<Sku, Integer> asked = new LinkedHashMap<>();
        for (ReturnLineInput line : requested) {
            if (line == null || line.quantity() == null) {
                return false;
            }
            Sku sku;
            try {
                sku = new Sku(line.sku());
            } catch (InvalidValueException invalid) {
                return false;
            }
            asked.merge(sku, line.quantity(), Integer::sum);
        }
        Map<Sku, Integer> returned = new LinkedHashMap<>();
        existing.lines().forEach(l -> returned.merge(l.sku(), l.quantity(), Integer::sum));
        return asked.equals(returned);
    }

    private Map<Sku, Integer> wantedBySku(List<ReturnLineInput> requested, Violations violations) {
        if (requested.isEmpty()) {
            violations.add("lines", "must contain at least one line; leave lines out to return everything remaining");
            return Map.of();
        }
        if (requested.size() > MAX_LINES) {
            violations.add("lines", "must contain at most " + MAX_LINES + " lines");
            return Map.of();
        }
        Map<Sku, Integer> wanted = new LinkedHashMap<>();
        for (int i = 0; i < requested.size(); i++) {
            ReturnLineInput line = requested.get(i);
            String field = "lines[" + i + "]";
            if (line == null) {
                violations.add(field, "must be an object");
                continue;
            }
            Sku sku = violations.check(field + ".sku", () -> new Sku(line.sku()));
            Integer quantity = violations.check(field + ".quantity", () -> {
                if (line.quantity() == null) {
                    throw new InvalidValueException("must not be null");
                }
                if (line.quantity() < 1) {
                    throw new InvalidValueException("must be greater than 0");
                }
                return line.quantity();
            });
            if (sku != null && quantity != null) {
                wanted.merge(sku, quantity, (a, b) -> (int) Math.min((long) a + b, Integer.MAX_VALUE));
            }
        }
        return wanted;
    }

    private List<ReturnLine> everythingRemaining() {
        List<ReturnLine> all = new ArrayList<>();
        for (PurchaseLine line : lines) {
            int remaining = remainingQuantity(line.lineNumber());
            if (remaining > 0) {
                all.add(new ReturnLine(line.lineNumber(), line.sku(), remaining, line.unitPrice().times(remaining)));
            }
        }
        if (all.isEmpty()) {
            throw new ReturnNotPossibleException("Everything in this purchase has already been returned",
                    List.of(new FieldViolation("lines", "nothing remains to be returned")));
        }
        return all;
    }

    private List<ReturnLine> allocate(Map<Sku, Integer> wanted, List<ReturnLineInput> requested) {
        List<FieldViolation> problems = new ArrayList<>();
        List<ReturnLine> allocated = new ArrayList<>();
        for (Map.Entry<Sku, Integer> entry : wanted.entrySet()) {
            String field = "lines[" + firstIndexOf(entry.getKey(), requested) + "]";
            List<ReturnablePurchase.Line> held = returnableLines(entry.getKey());
            FieldViolation misfit = ReturnAllocation.misfit(field, entry.getKey(), held, entry.getValue());
            if (misfit != null) {
                problems.add(misfit);
                continue;
            }
            allocated.addAll(ReturnAllocation.take(held, entry.getValue()));
        }
        if (!problems.isEmpty()) {
            throw new ReturnNotPossibleException(problems.size() == 1
                    ? "The return does not fit the purchase: " + problems.getFirst().field() + " "
                            + problems.getFirst().message()
                    : "The return does not fit the purchase in " + problems.size() + " places", problems);
        }
        allocated.sort((a, b) -> Integer.compare(a.lineNumber(), b.lineNumber()));
        return allocated;
    }

    /** This purchase's lines of {@code sku} in line order, with what remains returnable of each. */
    List<ReturnablePurchase.Line> returnableLines(Sku sku) {
        List<ReturnablePurchase.Line> held = new ArrayList<>();
        for (PurchaseLine line : lines) {
            if (line.sku().equals(sku)) {
                held.add(new ReturnablePurchase.Line(line.lineNumber(), sku, line.unitPrice(),
                        remainingQuantity(line.lineNumber())));
            }
        }
        return held;
    }

    private static int firstIndexOf(Sku sku, List<ReturnLineInput> requested) {
        for (int i = 0; i < requested.size(); i++) {
            ReturnLineInput line = requested.get(i);
            if (line != null && line.sku() != null && sku.value().equals(line.sku().strip())) {
                return i;
            }
        }
        return 0;
    }

    static Instant notInFuture(Instant value, Instant now) {
        if (value == null) {
            return now;
        }
        if (value.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidValueException("must not be in the future");
        }
        return value.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    public int returnedQuantity(int lineNumber) {
        return returns.stream().mapToInt(r -> r.quantityOfLine(lineNumber)).sum();
    }

    public int remainingQuantity(int lineNumber) {
        return line(lineNumber).quantity() - returnedQuantity(lineNumber);
    }

    public Money total() {
        if (total == null) {
            total = lines.stream().map(PurchaseLine::amount).reduce(Money::plus).orElseThrow();
        }
        return total;
    }

    public Money returnedAmount() {
        return returns.stream().map(PurchaseReturn::amount).reduce(Money.zero(currency), Money::plus);
    }

    public Money remainingAmount() {
        return total().minus(returnedAmount());
    }

    /** Whole purchases are numbered 1..n in list order. */
    private PurchaseLine line(int lineNumber) {
        if (lineNumber < 1 || lineNumber > lines.size()) {
            throw new IllegalArgumentException("purchase " + id + " has no line " + lineNumber);
        }
        return lines.get(lineNumber - 1);
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

    public CurrencyCode currency() {
        return currency;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public List<PurchaseLine> lines() {
        return lines;
    }

    public List<PurchaseReturn> returns() {
        return List.copyOf(returns);
    }

    /** A line of a return as a client asks for it, before validation. */
    public record ReturnLineInput(String sku, Integer quantity) {
    }
}
