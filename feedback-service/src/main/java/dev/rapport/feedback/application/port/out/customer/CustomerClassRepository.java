package dev.rapport.feedback.application.port.out.customer;

import dev.rapport.feedback.domain.customer.CustomerClass;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The customer-class read model learned from segmentation-service's and loyalty-service's events. */
public interface CustomerClassRepository {

    /** Stores the ABC class unless a later one (by {@code at}) is already stored. */
    void recordAbcClass(UUID customerId, String abcClass, Instant at);

    /** Stores the loyalty tier unless a later one (by {@code at}) is already stored. */
    void recordLoyaltyTier(UUID customerId, String tier, Instant at);

    Optional<CustomerClass> find(UUID customerId);

    void erase(UUID customerId);

    /** A merged duplicate's class goes to the survivor only where the survivor has none. */
    void reassign(UUID fromCustomerId, UUID toCustomerId);
}
