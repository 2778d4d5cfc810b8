package dev.rapport.customer.application.port.in.privacy;

import java.util.UUID;

import dev.rapport.customer.domain.privacy.ErasureProgress;

public interface GetErasureProgressUseCase {

    /** @throws dev.rapport.customer.domain.privacy.ErasureNotFoundException customer unknown or not erased */
    ErasureProgress progress(UUID customerId);
}
