package dev.rapport.customer.adapter.out.persistence.consent;

import dev.rapport.customer.adapter.out.persistence.engagement.EngagementDataSections;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.rapport.customer.application.port.out.privacy.PersonalDataSection;
import dev.rapport.customer.domain.customer.CustomerId;

/**
 * The customer's consent history, newest first. Erasure keeps it: the statements hold no personal
 * data beyond the (erased) customer id, and they are the evidence that the customer was only
 * contacted as they allowed; consent_record is append-only by design.
 */
@ApplicationScoped
public class ConsentDataSection implements PersonalDataSection {

    private final EntityManager entityManager;

    public ConsentDataSection(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String name() {
        return "consents";
    }

    @Override
    public Object export(CustomerId id) {
        return EngagementDataSections.rows(entityManager, """
                SELECT channel AS "channel", purpose AS "purpose", status AS "status", source AS "source",
                       captured_at AS "capturedAt", recorded_at AS "recordedAt"
                FROM consent_record WHERE customer_id = ?1 ORDER BY captured_at DESC, seq DESC""", id);
    }

    @Override
    public void erase(CustomerId id) {
        // Nothing to remove: see the class comment.
    }
}
