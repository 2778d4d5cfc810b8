package dev.rapport.customer.adapter.out.persistence.engagement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.rapport.customer.application.port.out.privacy.PersonalDataSection;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerProfile;

/**
 * The interaction log. Erasure keeps when and how the customer was in touch (contact frequency
 * feeds the relationship level) and replaces the summary, the free text a person wrote about them.
 */
@ApplicationScoped
public class InteractionDataSection implements PersonalDataSection {

    private final EntityManager entityManager;

    public InteractionDataSection(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String name() {
        return "interactions";
    }

    @Override
    public Object export(CustomerId id) {
        return EngagementDataSections.rows(entityManager, """
                SELECT id AS "id", channel AS "channel", direction AS "direction", summary AS "summary",
                       occurred_at AS "occurredAt", agent AS "agent", recorded_at AS "recordedAt"
                FROM interaction WHERE customer_id = ?1 ORDER BY occurred_at DESC, id DESC""", id);
    }

    @Override
    public void erase(CustomerId id) {
        entityManager.createNativeQuery("UPDATE interaction SET summary = ?2 WHERE customer_id = ?1")
                .setParameter(1, id.value()).setParameter(2, CustomerProfile.ERASED)
                .executeUpdate();
    }
}
