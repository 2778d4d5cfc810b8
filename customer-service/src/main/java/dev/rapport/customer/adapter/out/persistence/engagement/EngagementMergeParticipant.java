package dev.rapport.customer.adapter.out.persistence.engagement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.rapport.customer.application.port.out.identity.MergeParticipant;
import dev.rapport.customer.domain.customer.CustomerId;

/**
 * Consents, interactions and follow-ups follow a merged customer to the survivor.
 *
 * <p>Consent history is append-only (a trigger refuses UPDATE), so the duplicate's statements are
 * copied into the survivor's history with their original capture time and source. The current
 * consent per channel and purpose is the statement captured last, so "newest consent wins" follows
 * from the data: a revocation given to the duplicate yesterday outranks the survivor's grant of last
 * year. The duplicate's rows stay behind on the tombstone as evidence of what it was told.
 *
 * <p>Interactions and follow-ups move. An interaction idempotency key is unique per customer; where
 * the survivor already used the same key, the moved interaction loses its key (the retry window of
 * a request to a customer that no longer exists is over).
 */
@ApplicationScoped
public class EngagementMergeParticipant implements MergeParticipant {

    private final EntityManager entityManager;

    public EngagementMergeParticipant(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void moveAll(CustomerId from, CustomerId to) {
        entityManager.createNativeQuery("""
                INSERT INTO consent_record (id, customer_id, channel, purpose, status, source, captured_at, recorded_at)
                SELECT gen_random_uuid(), :to, channel, purpose, status, source, captured_at, now()
                FROM consent_record WHERE customer_id = :from ORDER BY seq""")
                .setParameter("to", to.value()).setParameter("from", from.value())
                .executeUpdate();
        entityManager.createNativeQuery("""
                UPDATE interaction moved SET customer_id = :to,
                    idempotency_key = CASE WHEN EXISTS (SELECT 1 FROM interaction kept
                                                        WHERE kept.customer_id = :to
                                                          AND kept.idempotency_key = moved.idempotency_key)
                                           THEN NULL ELSE moved.idempotency_key END
                WHERE moved.customer_id = :from""")
                .setParameter("to", to.value()).setParameter("from", from.value())
                .executeUpdate();
        entityManager.createNativeQuery("UPDATE follow_up SET customer_id = :to WHERE customer_id = :from")
                .setParameter("to", to.value()).setParameter("from", from.value())
                .executeUpdate();
    }

    @Override
    public int order() {
        return 20;
    }
}
