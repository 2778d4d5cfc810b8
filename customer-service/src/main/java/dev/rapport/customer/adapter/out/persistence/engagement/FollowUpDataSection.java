package dev.rapport.customer.adapter.out.persistence.engagement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.rapport.customer.application.port.out.privacy.PersonalDataSection;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerProfile;

/**
 * Follow-up tasks about the customer. Erasure replaces their free text (title, note) and cancels
 * the open ones: nobody should call back a person who asked to be forgotten.
 */
@ApplicationScoped
public class FollowUpDataSection implements PersonalDataSection {

    private final EntityManager entityManager;

    public FollowUpDataSection(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String name() {
        return "followUps";
    }

    @Override
    public Object export(CustomerId id) {
        return EngagementDataSections.rows(entityManager, """
                SELECT id AS "id", title AS "title", note AS "note", owner AS "owner", due_at AS "dueAt",
                       status AS "status", created_at AS "createdAt", closed_at AS "closedAt"
                FROM follow_up WHERE customer_id = ?1 ORDER BY due_at, id""", id);
    }

    @Override
    public void erase(CustomerId id) {
        entityManager.createNativeQuery("""
                UPDATE follow_up SET title = ?2, note = NULL,
                       status = CASE WHEN status = 'open' THEN 'cancelled' ELSE status END,
                       closed_at = coalesce(closed_at, now())
                WHERE customer_id = ?1""")
                .setParameter(1, id.value()).setParameter(2, CustomerProfile.ERASED)
                .executeUpdate();
    }
}
