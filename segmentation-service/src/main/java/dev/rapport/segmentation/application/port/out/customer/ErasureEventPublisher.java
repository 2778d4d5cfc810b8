package dev.rapport.segmentation.application.port.out.customer;

import java.time.Instant;
import java.util.UUID;

/** segmentation's answer to an erasure, published with the erasure's own transaction. */
public interface ErasureEventPublisher {

    void erasureConfirmed(UUID customerId, UUID erasureId, Instant confirmedAt);
}
