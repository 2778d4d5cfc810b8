package dev.rapport.customer.domain.purchase;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
 * <p>
 * An instance is either whole or, for matching returns in bulk, partial
 * ({@link #restoreForReturns}): then it answers only questions about the SKUs it holds, and every
 * method whose answer needs all lines or all returns refuses with {@link IllegalStateException}
 * rather than answer from part of the purchase.
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
    /** The SKUs whose lines (and return lines) this instance holds; null when it holds all of them. */
    private final Set<Sku> heldSkus;
    private final List<CustomerDomainEvent> pendingEvents = new ArrayList<>();
    /** Sum of the lines, computed once: lines never change (an import asks for it three times per purchase). */
    private Money total;

    private Purchase(PurchaseId id, CustomerId customerId, OrderId orderId, CurrencyCode currency,
                     Instant occurredAt, Instant recordedAt, List<PurchaseLine> lines, List<PurchaseReturn> returns,
                     Set<Sku> heldSkus) {
        this.id = Objects.requireNonNull(id, "id");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.recordedAt = Objects.requireNonNull(recordedAt, "recordedAt");
        this.lines = List.copyOf(lines);
        this.returns = new ArrayList<>(returns);
        this.heldSkus = heldSkus == null ? null : Set.copyOf(heldSkus);
        if (this.lines.isEmpty() || this.lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("a purchase has 1 to " + MAX_LINES + " lines");
        }
        for (PurchaseLine line : this.lines) {
            if (!line.unitPrice().currency().equals(currency)) {
                throw new IllegalArgumentException("line " + line.lineNumber() + " is not in " + currency);
            }
        }
        if (this.heldSkus != null) {
            checkHoldsOnlyItsSkus();
        }
    }

    /**
     * A partial instance answers for its SKUs only if it holds nothing else and, for each return line,
     * the purchase line it counts against: otherwise a loader that forgot a filter would go unnoticed.
     */
    private void checkHoldsOnlyItsSkus() {
        int previous = 0;
        for (PurchaseLine line : lines) {
            if (!heldSkus.contains(line.sku())) {
                throw new IllegalArgumentException("line " + line.lineNumber() + " has SKU " + line.sku()
                        + ", which this partial purchase does not hold");
            }
            if (line.lineNumber() <= previous) {
                throw new IllegalArgumentException("the lines of a partial purchase are in line number order");
            }
            previous = line.lineNumber();
        }
        for (PurchaseReturn purchaseReturn : returns) {
            for (ReturnLine returned : purchaseReturn.lines()) {
                PurchaseLine line = line(returned.lineNumber());
                if (line == null || !line.sku().equals(returned.sku())) {
                    throw new IllegalArgumentException("return " + purchaseReturn.id() + " returns line "
                            + returned.lineNumber() + " (" + returned.sku() + "), which this partial purchase does not hold");
                }
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
        Violations violations = new Violations();
        OrderId orderId = violations.check("orderId", () -> new OrderId(rawOrderId));
        CurrencyCode currency = violations.check("currency", () -> new CurrencyCode(rawCurrency));
        Instant occurredAt = violations.check("occurredAt", () -> notInFuture(rawOccurredAt, now));
        List<PurchaseLine> lines = new ArrayList<>();
        if (rawLines == null || rawLines.isEmpty()) {
            violations.add("lines", "must contain at least one line");
        } else if (rawLines.size() > MAX_LINES) {
            violations.add("lines", "must contain at most " + MAX_LINES + " lines");
        } else {
            for (int i = 0; i < rawLines.size(); i++) {
                PurchaseLine.LineInput input = rawLines.get(i);
                int lineNumber = i + 1;
                if (input == null) {
                    violations.add("lines[" + i + "]", "must be an object");
                    continue;
                }
                PurchaseLine line = violations.check("lines[" + i + "]", () -> PurchaseLine.parse(lineNumber, input, currency));
                if (line != null) {
                    lines.add(line);
                }
            }
        }
        violations.throwIfAny();
        Purchase purchase = new Purchase(id, customerId, orderId, currency, occurredAt, now, lines, List.of(), null);
        violations.check("total", purchase::total);
        violations.throwIfAny();
        return purchase;
    }

    /** Rebuilds a stored purchase; raises no event. */
    public static Purchase restore(PurchaseId id, CustomerId customerId, OrderId orderId, CurrencyCode currency,
                                   Instant occurredAt, Instant recordedAt, List<PurchaseLine> lines,
                                   List<PurchaseReturn> returns) {
        return new Purchase(id, customerId, orderId, currency, occurredAt, recordedAt, lines, returns, null);
    }

    /**
     * Rebuilds a stored purchase for matching returns of {@code skus} only, without reading all of it
     * (an import matches thousands of returns against purchases of hundreds of lines each). Holds
     * every line with one of {@code skus}, in line number order, and every returned line of those
     * SKUs (each return restricted to them), nothing else: {@link #returnTarget},
     * {@link #returnableQuantity} and {@link #registerReturn} with requested lines then answer
     * exactly as on the whole purchase for these SKUs, and the return and event they record are
     * the same. Totals, returned amounts, all lines or returns, content comparison and returning
     * "everything remaining" need the whole purchase and throw {@link IllegalStateException}, as
     * does any question about another SKU. Raises no event.
     */
    public static Purchase restoreForReturns(PurchaseId id, CustomerId customerId, OrderId orderId,
                                             CurrencyCode currency, Instant occurredAt, Instant recordedAt,
                                             Set<Sku> skus, List<PurchaseLine> linesOfSkus,
                                             List<PurchaseReturn> returnsOfSkus) {
        Objects.requireNonNull(skus, "skus");
        return new Purchase(id, customerId, orderId, currency, occurredAt, recordedAt, linesOfSkus, returnsOfSkus,
                skus);
    }

    /** True when this instance holds only some SKUs' lines ({@link #restoreForReturns}). */
    public boolean isPartial() {
        return heldSkus != null;
    }

    /**
     * True when {@code other} buys the same things: same currency and the same lines (SKU, quantity,
     * unit price) in the same order. Descriptions and timestamps may differ between retries.
     */
    public boolean hasSameContentAs(Purchase other) {
        requireWhole("its content");
        other.requireWhole("its content");
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
     * The purchase a return of {@code quantity} units of {@code sku} belongs to when the client did
     * not say which: among {@code candidates} (one customer's purchases), the most recent one (by
     * occurredAt, then id) at or before {@code notAfter} that still has that many units of the SKU
     * returnable. Empty when none has.
     */
    public static Optional<Purchase> returnTarget(Collection<Purchase> candidates, Sku sku, int quantity,
                                                  Instant notAfter) {
        return candidates.stream()
                .filter(p -> !p.occurredAt.isAfter(notAfter) && p.returnableQuantity(sku) >= quantity)
                .max(Comparator.comparing(Purchase::occurredAt).thenComparing(Purchase::id));
    }

    /**
     * Units of {@code sku} bought in this purchase and not returned yet (0 when it was not bought here;
     * a partial instance refuses a SKU it does not hold, for which it cannot tell).
     */
    public int returnableQuantity(Sku sku) {
        requireHeld(sku);
        int returnable = 0;
        for (PurchaseLine line : lines) {
            if (line.sku().equals(sku)) {
                returnable += remainingQuantity(line.lineNumber());
            }
        }
        return returnable;
    }

    public Optional<PurchaseReturn> findReturn(ReturnKey key) {
        requireWhole("its returns"); // a return of other SKUs only is not held
        return returns.stream().filter(r -> key.equals(r.key())).findFirst();
    }

    /**
     * Records goods coming back, raising {@link PurchaseReturned}. {@code requested == null} returns
     * everything still returnable; requested SKUs are taken from the purchase's lines with that SKU
     * in line order. Amounts use the purchase's unit prices. A partial instance accepts requested
     * lines of the SKUs it holds only.
     *
     * @throws dev.rapport.kernel.InvalidInputException for malformed input (400)
     * @throws ReturnNotPossibleException when the purchase does not allow it (422)
     */
    public PurchaseReturn registerReturn(ReturnId returnId, ReturnKey key, List<ReturnLineInput> requested,
                                         String rawReason, Instant rawOccurredAt, Instant now) {
        if (requested == null) {
            requireWhole("returning what remains of every line");
        }
        Violations violations = new Violations();
        String reason = violations.check("reason", () -> Texts.optional(rawReason, PurchaseReturn.REASON_MAX));
        Instant occurredAt = violations.check("occurredAt", () -> notInFuture(rawOccurredAt, now));
        Map<Sku, Integer> wanted = requested == null ? null : wantedBySku(requested, violations);
        violations.throwIfAny();

        if (occurredAt.isBefore(this.occurredAt)) {
            throw new ReturnNotPossibleException("A return cannot happen before its purchase",
                    List.of(new FieldViolation("occurredAt", "must not be before the purchase (" + this.occurredAt + ")")));
        }
        if (wanted != null) {
            wanted.keySet().forEach(this::requireHeld);
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
            List<PurchaseLine> candidates = lines.stream().filter(l -> l.sku().equals(entry.getKey())).toList();
            if (candidates.isEmpty()) {
                problems.add(new FieldViolation(field + ".sku", "is not part of this purchase"));
                continue;
            }
            int available = candidates.stream().mapToInt(l -> remainingQuantity(l.lineNumber())).sum();
            if (entry.getValue() > available) {
                problems.add(new FieldViolation(field + ".quantity", "exceeds the " + available
                        + " unit(s) of " + entry.getKey() + " still returnable"));
                continue;
            }
            int left = entry.getValue();
            for (PurchaseLine line : candidates) {
                int take = Math.min(left, remainingQuantity(line.lineNumber()));
                if (take > 0) {
                    allocated.add(new ReturnLine(line.lineNumber(), line.sku(), take, line.unitPrice().times(take)));
                    left -= take;
                }
            }
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

    private static int firstIndexOf(Sku sku, List<ReturnLineInput> requested) {
        for (int i = 0; i < requested.size(); i++) {
            ReturnLineInput line = requested.get(i);
            if (line != null && line.sku() != null && sku.value().equals(line.sku().strip())) {
                return i;
            }
        }
        return 0;
    }

    private static Instant notInFuture(Instant value, Instant now) {
        if (value == null) {
            return now;
        }
        if (value.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidValueException("must not be in the future");
        }
        return value.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    public int returnedQuantity(int lineNumber) {
        if (heldSkus != null) {
            heldLine(lineNumber); // a line this instance does not hold may have returns it does not hold either
        }
        return returns.stream().mapToInt(r -> r.quantityOfLine(lineNumber)).sum();
    }

    public int remainingQuantity(int lineNumber) {
        return heldLine(lineNumber).quantity() - returnedQuantity(lineNumber);
    }

    public Money total() {
        requireWhole("its total");
        if (total == null) {
            total = lines.stream().map(PurchaseLine::amount).reduce(Money::plus).orElseThrow();
        }
        return total;
    }

    public Money returnedAmount() {
        requireWhole("its returned amount");
        return returns.stream().map(PurchaseReturn::amount).reduce(Money.zero(currency), Money::plus);
    }

    public Money remainingAmount() {
        return total().minus(returnedAmount());
    }

    /** The line with that number, or null when there is none (or this partial instance does not hold it). */
    private PurchaseLine line(int lineNumber) {
        if (heldSkus == null) {
            // Whole purchases are numbered 1..n in list order.
            return lineNumber >= 1 && lineNumber <= lines.size() ? lines.get(lineNumber - 1) : null;
        }
        for (PurchaseLine line : lines) {
            if (line.lineNumber() == lineNumber) {
                return line;
            }
        }
        return null;
    }

    private PurchaseLine heldLine(int lineNumber) {
        PurchaseLine line = line(lineNumber);
        if (line == null) {
            if (heldSkus == null) {
                throw new IllegalArgumentException("purchase " + id + " has no line " + lineNumber);
            }
            throw new IllegalStateException("purchase " + id + " is restored for returns of some SKUs only and does"
                    + " not hold line " + lineNumber);
        }
        return line;
    }

    private void requireHeld(Sku sku) {
        if (heldSkus != null && !heldSkus.contains(sku)) {
            throw new IllegalStateException("purchase " + id + " is restored for returns of some SKUs only, not of "
                    + sku);
        }
    }

    private void requireWhole(String what) {
        if (heldSkus != null) {
            throw new IllegalStateException("purchase " + id + " is restored for returns of some SKUs only;"
                    + " " + what + " needs the whole purchase");
        }
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
        requireWhole("the list of its lines");
        return lines;
    }

    public List<PurchaseReturn> returns() {
        requireWhole("the list of its returns");
        return List.copyOf(returns);
    }

    /** A line of a return as a client asks for it, before validation. */
    public record ReturnLineInput(String sku, Integer quantity) {
    }
}
