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

    /** Adds the duplicate's signals to the survivor's. */
    void merge(UUID survivorId, UUID duplicateId);
}
