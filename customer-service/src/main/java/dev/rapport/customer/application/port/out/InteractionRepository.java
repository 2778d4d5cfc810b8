package dev.rapport.customer.application.port.out;

import java.util.Optional;

import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.interaction.IdempotencyKey;
import dev.rapport.customer.domain.interaction.Interaction;
import dev.rapport.customer.domain.interaction.InteractionId;

/** Insert-only store of interactions. Writes join the caller's transaction. */
public interface InteractionRepository {

    void add(Interaction interaction);

    Optional<Interaction> findById(InteractionId id);

    Optional<Interaction> findByIdempotencyKey(CustomerId customerId, IdempotencyKey key);

    /** Newest first by (occurredAt, id). */
    Page<Interaction> listByCustomer(CustomerId customerId, PageRequest page);
}
