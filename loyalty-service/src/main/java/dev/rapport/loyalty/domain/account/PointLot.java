package dev.rapport.loyalty.domain.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What is left of one credit. Pending until {@code availableAt}, expired from {@code expiresAt}.
 * A purchase's lot remembers the order so that returns take back their share of its points.
 */
public record PointLot(
        UUID id,
        UUID customerId,
        UUID entryId,
        long points,
        long remaining,
        Instant availableAt,
        Instant expiresAt,
        String orderId,
        BigDecimal orderTotal,
        BigDecimal returnedAmount,
        long reversedPoints) {

    public boolean isAvailableAt(Instant now) {
        return !availableAt.isAfter(now) && expiresAt.isAfter(now);
    }

    public boolean isPendingAt(Instant now) {
        return availableAt.isAfter(now) && expiresAt.isAfter(now);
    }

    public boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    public PointLot withRemaining(long newRemaining) {
        return new PointLot(id, customerId, entryId, points, newRemaining, availableAt, expiresAt, orderId, orderTotal,
                returnedAmount, reversedPoints);
    }

    public PointLot withReturn(BigDecimal newReturnedAmount, long newReversedPoints) {
        return new PointLot(id, customerId, entryId, points, remaining, availableAt, expiresAt, orderId, orderTotal,
                newReturnedAmount, newReversedPoints);
    }
}
