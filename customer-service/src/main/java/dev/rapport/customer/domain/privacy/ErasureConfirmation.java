package dev.rapport.customer.domain.privacy;

import java.time.Instant;
import java.util.Objects;

/** A service's answer that it has erased its copy of the customer's data for one erasure. */
public record ErasureConfirmation(ErasureId erasureId, ServiceName service, Instant confirmedAt) {

    public ErasureConfirmation {
        Objects.requireNonNull(erasureId, "erasureId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
    }
}
