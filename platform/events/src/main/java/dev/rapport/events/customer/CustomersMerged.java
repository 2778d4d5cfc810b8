package dev.rapport.events.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * Two records of one person became one: everything of {@code duplicateId} now belongs to
 * {@code survivorId}, and {@code duplicateId} is a tombstone that only points to the survivor.
 * Subject and key are the survivor id. Consumers move what they hold for the duplicate (balances,
 * complaints, segment memberships) to the survivor; a later event about the duplicate id never comes.
 */
public record CustomersMerged(UUID survivorId, UUID duplicateId, Instant mergedAt) {

    public static final String TYPE = "rapport.customer.customers-merged.v1";
}
