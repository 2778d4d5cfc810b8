package dev.rapport.customer.adapter.out.persistence.customer;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.application.port.out.privacy.PersonalDataSection;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerProfile;

/**
 * The customer record. Its erasure rules live in the aggregate ({@code Customer.erase}), which the
 * use case applies before the sections run; what this section erases is the copies of the record
 * that outlive it here: published outbox rows keyed by the customer (registered/updated/purchase
 * events keep the profile and return reasons until the relay's retention would purge them).
 */
@ApplicationScoped
public class ProfileDataSection implements PersonalDataSection {

    private final PostgresCustomerRepository customers;

    public ProfileDataSection(PostgresCustomerRepository customers) {
        this.customers = customers;
    }

    @Override
    public String name() {
        return "profile";
    }

    /** The customer itself: the REST adapter writes it as the API's Customer, every field included. */
    @Override
    public Object export(CustomerId id) {
        return customers.findById(id).orElse(null);
    }

    @Override
    public void erase(CustomerId id) {
        // Unpublished rows still have to go out (customer-erased follows them); published ones are history.
        CustomerEntity.getEntityManager()
                .createNativeQuery("DELETE FROM rapport_outbox WHERE message_key = ?1 AND published_at IS NOT NULL")
                .setParameter(1, id.toString())
                .executeUpdate();
        // Tombstones of customers merged into this one keep their old names for audit: the person
        // asking for erasure is them too, so they are scrubbed the same way (and their sent events).
        CustomerEntity.getEntityManager()
                .createNativeQuery("""
                        DELETE FROM rapport_outbox WHERE published_at IS NOT NULL
                          AND message_key IN (SELECT id::text FROM customer WHERE merged_into = ?1)""")
                .setParameter(1, id.value())
                .executeUpdate();
        CustomerEntity.getEntityManager()
                .createNativeQuery("""
                        UPDATE customer SET first_name = ?2, last_name = ?2, job_title = NULL, birthday = NULL,
                               preferences = '{}', attributes = '{}', tags = '{}',
                               erased_at = coalesce(erased_at, now()), version = version + 1
                        WHERE merged_into = ?1""")
                .setParameter(1, id.value())
                .setParameter(2, CustomerProfile.ERASED)
                .executeUpdate();
    }
}
