package dev.rapport.customer.application.port.out.privacy;

import dev.rapport.customer.domain.customer.CustomerId;

/**
 * One part of what this service holds about a customer (profile, purchases, consents,
 * interactions, ...), contributed by the adapter that stores it. The export is the sections side by
 * side under their names; an erasure asks every section to erase its personal data. A new kind of
 * customer data therefore joins export and erasure by adding one bean, without touching either use case.
 */
public interface PersonalDataSection {

    /** Member name in the export document, camelCase and unique: {@code profile}, {@code purchases}. */
    String name();

    /**
     * Everything this section holds about the customer, as a value Jackson writes as JSON (records,
     * lists, maps, strings, numbers, java.time). Runs in the caller's transaction.
     */
    Object export(CustomerId id);

    /**
     * Removes or replaces this section's personal data of the customer, keeping what aggregates need.
     * Runs in the erasure's transaction, after the customer record itself was scrubbed; must be
     * harmless when repeated.
     */
    void erase(CustomerId id);
}
