package dev.rapport.customer.application.port.out.engagement;

import java.util.Optional;

import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.engagement.IdempotencyKey;
import dev.rapport.customer.domain.engagement.Interaction;
import dev.rapport.customer.domain.engagement.InteractionId;

/** Insert-only store of interactions. Writes join the caller's transaction. */
public interface InteractionRepository {

    void add(Interaction interaction);

    Optional<Interaction> findById(InteractionId id);

    Optional<Interaction> findByIdempotencyKey(CustomerId customerId, IdempotencyKey key);

    /** Newest first by (occurredAt, id). */
    Page<Interaction> listByCustomer(CustomerId customerId, PageRequest page);
}
