package dev.rapport.customer.application.port.out.privacy;

import java.util.List;
import java.util.Optional;

import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.privacy.Erasure;
import dev.rapport.customer.domain.privacy.ErasureConfirmation;
import dev.rapport.customer.domain.privacy.ErasureId;

/** The append-only audit of erasures and the services' confirmations. Writes join the caller's transaction. */
public interface ErasureRepository {

    Optional<Erasure> findByCustomer(CustomerId customerId);

    Optional<Erasure> findById(ErasureId id);

    void add(Erasure erasure);

    /** Stores the confirmation unless this service already confirmed this erasure; true when stored. */
    boolean addConfirmation(ErasureConfirmation confirmation);

    List<ErasureConfirmation> confirmations(ErasureId erasureId);
}
