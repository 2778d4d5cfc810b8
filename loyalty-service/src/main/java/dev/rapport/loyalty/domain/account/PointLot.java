package dev.rapport.loyalty.domain.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What is left of one credit. Pending until {@code availableAt}, expired from {@code expiresAt}.
 * A purchase's lot remembers the order so that returns take back their share of its points, and
 * {@code expiredPoints}: what expired from it unused and no return has taken back yet.
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
        long reversedPoints,
        long expiredPoints) {

    public PointLot {
        if (points < 0 || remaining < 0 || expiredPoints < 0 || reversedPoints < 0) {
            throw new IllegalArgumentException("a lot's points, remaining, reversed and expired points are never negative");
        }
    }

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
                returnedAmount, reversedPoints, expiredPoints);
    }

    /** The lot after its expiry: what remained is lost, and remembered as expired. */
    public PointLot expire() {
        return new PointLot(id, customerId, entryId, points, 0, availableAt, expiresAt, orderId, orderTotal,
                returnedAmount, reversedPoints, expiredPoints + remaining);
    }

    public PointLot withReturn(BigDecimal newReturnedAmount, long newReversedPoints) {
        return new PointLot(id, customerId, entryId, points, remaining, availableAt, expiresAt, orderId, orderTotal,
                newReturnedAmount, newReversedPoints, expiredPoints);
    }

    private PointLot withTakenBack(long fromRemaining, long fromExpired) {
        return new PointLot(id, customerId, entryId, points, remaining - fromRemaining, availableAt, expiresAt, orderId,
                orderTotal, returnedAmount, reversedPoints, expiredPoints - fromExpired);
    }

    /**
     * A return's share taken from this, its order's lot: first what remains of it (expiry date passed or
     * not: those points were never debited), then what expired from it, which the member has already lost
     * and gives back without owing it. @return the lot after, and how much each part gave
     */
    public TakenBack takeBack(long points) {
        long fromRemaining = Math.min(points, remaining);
        long fromExpired = Math.min(points - fromRemaining, expiredPoints);
        return new TakenBack(withTakenBack(fromRemaining, fromExpired), fromRemaining, fromExpired);
    }

    public record TakenBack(PointLot lot, long fromRemaining, long fromExpired) {
    }
}
