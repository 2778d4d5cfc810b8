package dev.rapport.customer.application.port.in.identity;

import java.util.List;
import java.util.UUID;

public interface FindDuplicatesUseCase {

    /** At most this many, most likely first. */
    int LIMIT = 50;

    /**
     * Live customers (no tombstones, not the customer itself) sharing e-mail, phone or name and company.
     *
     * @throws dev.rapport.customer.domain.customer.CustomerNotFoundException unknown customer
     * @throws dev.rapport.customer.domain.customer.CustomerMergedException the customer is a tombstone
     */
    List<LikelyDuplicate> find(UUID customerId);
}
