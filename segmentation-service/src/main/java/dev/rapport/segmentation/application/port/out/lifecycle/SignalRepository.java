package dev.rapport.segmentation.application.port.out.lifecycle;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import dev.rapport.segmentation.domain.lifecycle.CustomerSignals;

/** The feedback and loyalty signals per customer. */
public interface SignalRepository {

    CustomerSignals find(UUID customerId);

    Map<UUID, CustomerSignals> findAll(Collection<UUID> customerIds);

    void nps(UUID customerId, int score);

    void csat(UUID customerId, int rating);

    /** {@code delta} +1 opened or reopened, −1 resolved; {@code breached} one more complaint breached its SLA. */
    void complaint(UUID customerId, int delta, boolean breached);

    void loyaltyActivity(UUID customerId, Instant at);

    void pointsExpired(UUID customerId, long points);

    /**
     * A customer's signals from several events taken together: the last NPS and CSAT given (null: none),
     * the latest loyalty activity (null: none), the points expired in all, and whether any was a loyalty event.
     */
    record Gathered(UUID customerId, Integer lastNps, Integer lastCsat, Instant lastLoyaltyActivity, long pointsExpired,
                    boolean loyaltyMember) {
    }

    /** Adds each customer's gathered signals as the single-signal writes would, one after the other. */
    default void addAll(Collection<Gathered> gathered) {
        for (Gathered g : gathered) {
            if (g.lastNps() != null) {
                nps(g.customerId(), g.lastNps());
            }
            if (g.lastCsat() != null) {
                csat(g.customerId(), g.lastCsat());
            }
            if (g.lastLoyaltyActivity() != null) {
                loyaltyActivity(g.customerId(), g.lastLoyaltyActivity());
            }
            if (g.loyaltyMember()) {
                pointsExpired(g.customerId(), g.pointsExpired());
            }
        }
    }

    /** Adds the duplicate's signals to the survivor's. */
    void merge(UUID survivorId, UUID duplicateId);
}
