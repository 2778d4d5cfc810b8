package dev.rapport.feedback.application.port.out.consent;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** The copy of customers' consent learned from customer-service's events. */
public interface ConsentRepository {

    /** Replaces the statement for (customer, channel, purpose). */
    void record(UUID customerId, String channel, String purpose, String status, Instant capturedAt);

    /** Of {@code customers}, those whose consent for {@code channel} and {@code purpose} is granted now. */
    Set<UUID> granted(Collection<UUID> customers, String channel, String purpose);

    /** Forgets an erased customer's consent (nobody invites an erased customer). */
    void erase(UUID customerId);

    /** Moves a merged duplicate's statements to the survivor where the survivor has none. */
    void reassign(UUID fromCustomerId, UUID toCustomerId);
}
