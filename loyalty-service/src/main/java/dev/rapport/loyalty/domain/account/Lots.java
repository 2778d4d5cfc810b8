package dev.rapport.loyalty.domain.account;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** Rules over an account's lots: what is available, and which lots a debit takes from. */
public final class Lots {

    /** Oldest expiry first, then oldest availability: the points closest to being lost are spent first. */
    public static final Comparator<PointLot> SPENDING_ORDER = Comparator.comparing(PointLot::expiresAt)
            .thenComparing(PointLot::availableAt).thenComparing(PointLot::id);

    private Lots() {
    }

    /** The result of taking points: the lots that changed and what could not be covered. */
    public record Taking(List<PointLot> changed, long taken, long shortfall) {
    }

    public static long available(List<PointLot> lots, Instant now) {
        return lots.stream().filter(l -> l.isAvailableAt(now)).mapToLong(PointLot::remaining).sum();
    }

    public static long pending(List<PointLot> lots, Instant now) {
        return lots.stream().filter(l -> l.isPendingAt(now)).mapToLong(PointLot::remaining).sum();
    }

    /** Takes {@code points} from the lots that {@code eligible} accepts, in spending order. */
    public static Taking take(List<PointLot> lots, long points, Predicate<PointLot> eligible) {
        List<PointLot> ordered = new ArrayList<>(lots.stream().filter(eligible).filter(l -> l.remaining() > 0).toList());
        ordered.sort(SPENDING_ORDER);
        List<PointLot> changed = new ArrayList<>();
        long left = points;
        for (PointLot lot : ordered) {
            if (left == 0) {
                break;
            }
            long part = Math.min(left, lot.remaining());
            changed.add(lot.withRemaining(lot.remaining() - part));
            left -= part;
        }
        return new Taking(changed, points - left, left);
    }

    /**
     * The result of taking back a return's points: the lots that changed (the order's lot first), what they
     * gave, what had expired from the order's lot (lost already, so not taken again) and what nothing could
     * cover, which becomes debt. The balance goes down by {@link #debited()}.
     */
    public record TakingBack(List<PointLot> changed, long taken, long forgone, long shortfall) {

        public long debited() {
            return taken + shortfall;
        }
    }

    /**
     * Takes back {@code points} (a return) for {@code orderLot}, the lot its order earned, as the return left it:
     * from that lot (see {@link PointLot#takeBack}), then from the other unexpired lots of {@code open} in
     * spending order. The member owes only what was spent beyond what the kept goods earned.
     */
    public static TakingBack takeBack(List<PointLot> open, long points, PointLot orderLot, Instant now) {
        PointLot.TakenBack own = orderLot.takeBack(points);
        long left = points - own.fromRemaining() - own.fromExpired();
        List<PointLot> others = open.stream().filter(l -> !l.id().equals(orderLot.id())).toList();
        Taking rest = take(others, left, lot -> !lot.isExpiredAt(now));
        List<PointLot> changed = new ArrayList<>();
        changed.add(own.lot());
        changed.addAll(rest.changed());
        return new TakingBack(changed, own.fromRemaining() + rest.taken(), own.fromExpired(), rest.shortfall());
    }

    /**
     * Points to take back for a return, so that the reversed total stays proportional to the returned
     * amount: {@code round(earned × returnedSoFar / orderTotal)} (half up, capped at the earned points)
     * minus what earlier returns of the order already took back.
     */
    public static long reversalFor(PointLot lot, BigDecimal cumulativeReturned) {
        if (lot.orderTotal() == null || lot.orderTotal().signum() <= 0) {
            return 0;
        }
        BigDecimal share = cumulativeReturned.min(lot.orderTotal());
        long target = BigDecimal.valueOf(lot.points()).multiply(share)
                .divide(lot.orderTotal(), 0, RoundingMode.HALF_UP).longValueExact();
        return Math.max(0, Math.min(lot.points(), target) - lot.reversedPoints());
    }
}
