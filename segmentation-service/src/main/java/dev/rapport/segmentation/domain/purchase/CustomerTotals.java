package dev.rapport.segmentation.domain.purchase;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's lifetime totals over its counting purchases (total > 0), whatever the asOf: the first and the
 * last purchase time, how many purchases and their exact sum (not rounded). A recompute for an asOf after
 * the last of them derives R, F and M from these alone.
 */
public record CustomerTotals(Instant firstAt, Instant lastAt, int purchases, BigDecimal monetary) {

    public CustomerTotals {
        Objects.requireNonNull(firstAt, "firstAt");
        Objects.requireNonNull(lastAt, "lastAt");
        Objects.requireNonNull(monetary, "monetary");
        if (purchases < 1 || lastAt.isBefore(firstAt)) {
            throw new IllegalArgumentException("totals of at least one purchase, first before last");
        }
    }

    /** The totals of a customer's purchases, or empty when none counts. */
    public static Optional<CustomerTotals> of(List<PurchaseAmount> purchases) {
        Instant first = null;
        Instant last = null;
        int count = 0;
        BigDecimal sum = BigDecimal.ZERO;
        for (PurchaseAmount p : purchases) {
            if (p.total().signum() <= 0) {
                continue;
            }
            first = first == null || p.occurredAt().isBefore(first) ? p.occurredAt() : first;
            last = last == null || p.occurredAt().isAfter(last) ? p.occurredAt() : last;
            count++;
            sum = sum.add(p.total());
        }
        return count == 0 ? Optional.empty() : Optional.of(new CustomerTotals(first, last, count, sum));
    }
}
