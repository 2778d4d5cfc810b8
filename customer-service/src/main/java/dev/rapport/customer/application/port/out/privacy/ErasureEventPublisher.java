package dev.rapport.customer.application.port.out.privacy;

import dev.rapport.customer.domain.privacy.Erasure;
import dev.rapport.customer.domain.privacy.ErasureConfirmation;

/** Announces erasures to the other services; called inside the erasure's transaction. */
public interface ErasureEventPublisher {

    /** customer-erased: every service must erase its copy of the customer and confirm. */
    void customerErased(Erasure erasure);

    /** This service's own erasure-confirmed, for anyone tracking confirmations from the event stream. */
    void erasureConfirmed(Erasure erasure, ErasureConfirmation confirmation);
}
