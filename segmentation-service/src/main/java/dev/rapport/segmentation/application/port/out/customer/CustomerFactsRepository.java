package dev.rapport.segmentation.application.port.out.customer;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The copy of each customer this service keeps (no personal data beyond the external id). */
public interface CustomerFactsRepository {

    /** Creates the customer if unknown, then sets the given non-null facts. */
    void recordProfile(UUID customerId, String externalId, String acquisitionChannel, Instant registeredAt);

    /** The customer an id stands for now: the survivor if it was merged, else the id itself. */
    UUID resolve(UUID customerId);

    /** As {@link #resolve}, then {@link #touch} on the customer it stands for. */
    UUID resolveOrCreate(UUID customerId);

    /** {@link #resolveOrCreate} for several ids: each id and the customer it stands for. */
    default Map<UUID, UUID> resolveAllOrCreate(Collection<UUID> customerIds) {
        Map<UUID, UUID> resolved = new LinkedHashMap<>();
        customerIds.forEach(id -> resolved.put(id, resolveOrCreate(id)));
        return resolved;
    }

    /** Makes sure the customer exists. */
    void touch(UUID customerId);

    /** Moves the duplicate's purchases and returns to the survivor and leaves a pointer behind. */
    void merge(UUID survivorId, UUID duplicateId);

    /** Removes the personal traces (external id, order ids); keeps the anonymous amounts. */
    void erase(UUID customerId, Instant erasedAt);
}
