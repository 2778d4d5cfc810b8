package dev.rapport.customer.application.port.in.consent;

import java.util.List;
import java.util.UUID;

import dev.rapport.customer.domain.consent.ConsentRecord;
import dev.rapport.customer.domain.consent.ConsentState;

public interface GetConsentsUseCase {

    /** @throws dev.rapport.customer.domain.customer.CustomerNotFoundException unknown customer */
    ConsentState current(UUID customerId);

    /**
     * Every statement ever recorded, newest first (capturedAt, then the later recorded first).
     *
     * @throws dev.rapport.customer.domain.customer.CustomerNotFoundException unknown customer
     */
    List<ConsentRecord> history(UUID customerId);
}
