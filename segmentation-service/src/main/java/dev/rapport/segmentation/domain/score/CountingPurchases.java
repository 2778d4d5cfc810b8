package dev.rapport.segmentation.domain.score;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;

import dev.rapport.segmentation.domain.purchase.PurchaseAmount;

/**
 * The counting rule: as of {@code asOf}, every recorded purchase with a total &gt; 0 that occurred before the
 * start of {@code asOf} in the business zone counts. Returns are not purchases and are not seen here.
 */
public final class CountingPurchases {

    private CountingPurchases() {
    }

    public static Optional<RfmValues> values(Collection<PurchaseAmount> purchases, LocalDate asOf, ZoneId zone) {
        Instant start = asOf.atStartOfDay(zone).toInstant();
        return summarise(purchases.stream().filter(p -> p.occurredAt().isBefore(start)).toList(), asOf, zone);
    }

    /**
     * The incremental view between recomputes: every recorded purchase with a total &gt; 0 counts, and a
     * purchase on or after {@code asOf} has recency 0 (the next recompute re-bases the view on its own asOf).
     */
    public static Optional<RfmValues> valuesIncludingLater(Collection<PurchaseAmount> purchases, LocalDate asOf,
            ZoneId zone) {
        return summarise(purchases, asOf, zone);
    }

    private static Optional<RfmValues> summarise(Collection<PurchaseAmount> purchases, LocalDate asOf, ZoneId zone) {
        LocalDate first = null;
        LocalDate last = null;
        int frequency = 0;
        BigDecimal monetary = BigDecimal.ZERO;
        for (PurchaseAmount purchase : purchases) {
            if (purchase.total().signum() <= 0) {
                continue;
            }
            LocalDate day = LocalDate.ofInstant(purchase.occurredAt(), zone);
            first = first == null || day.isBefore(first) ? day : first;
            last = last == null || day.isAfter(last) ? day : last;
            frequency++;
            monetary = monetary.add(purchase.total());
        }
        if (frequency == 0) {
            return Optional.empty();
        }
        long days = Math.max(0, ChronoUnit.DAYS.between(last, asOf));
        return Optional.of(new RfmValues(first, last, (int) days, frequency, monetary));
    }
}
