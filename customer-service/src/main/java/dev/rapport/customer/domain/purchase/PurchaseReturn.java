package dev.rapport.customer.domain.purchase;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Goods of one purchase that came back. {@code key} is the client's natural key, or null. */
public record PurchaseReturn(ReturnId id, ReturnKey key, List<ReturnLine> lines, String reason,
                             Instant occurredAt, Instant recordedAt) {

    public static final int REASON_MAX = 500;

    public PurchaseReturn {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a return has at least one line");
        }
    }

    public Money amount() {
        return lines.stream().map(ReturnLine::amount).reduce(Money::plus).orElseThrow();
    }

    public int quantityOfLine(int lineNumber) {
        return lines.stream().filter(l -> l.lineNumber() == lineNumber).mapToInt(ReturnLine::quantity).sum();
    }
}
