package dev.rapport.customer.application.port.out.customer;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerSearchCriteria;
import dev.rapport.customer.domain.customer.EmailAddress;
import dev.rapport.customer.domain.customer.ExternalId;
import dev.rapport.customer.domain.customer.PhoneNumber;

/** Where customers are kept. Writes join the caller's transaction. */
public interface CustomerRepository {

    Optional<Customer> findById(CustomerId id);

    /** Reads and locks the customer until the transaction ends, so concurrent updates queue up. */
    Optional<Customer> findByIdForUpdate(CustomerId id);

    boolean exists(CustomerId id);

    Optional<CustomerId> findIdByEmail(EmailAddress email);

    Optional<CustomerId> findIdByPhone(PhoneNumber phone);

    Optional<CustomerId> findIdByExternalId(ExternalId externalId);

    /**
     * @throws dev.rapport.customer.domain.customer.DuplicateCustomerException when a unique field was taken
     *         concurrently (the check before the insert could not see it)
     */
    void add(Customer customer);

    /** Stores a changed customer; its version must be exactly one above the stored one. */
    void update(Customer customer);

    /** Oldest first by (createdAt, id). */
    Page<Customer> search(CustomerSearchCriteria criteria, PageRequest page);

    /** Bulk form of {@link #findIdByExternalId} for imports; adapters answer it in one query. */
    default Map<ExternalId, CustomerId> findIdsByExternalIds(Collection<ExternalId> externalIds) {
        Map<ExternalId, CustomerId> found = new HashMap<>();
        externalIds.forEach(e -> findIdByExternalId(e).ifPresent(id -> found.put(e, id)));
        return found;
    }
}
