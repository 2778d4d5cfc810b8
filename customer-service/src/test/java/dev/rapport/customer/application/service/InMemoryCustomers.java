package dev.rapport.customer.application.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.customer.application.port.out.customer.CustomerEventPublisher;
import dev.rapport.customer.application.port.out.customer.CustomerRepository;
import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerProfile;
import dev.rapport.customer.domain.customer.CustomerSearchCriteria;
import dev.rapport.customer.domain.customer.EmailAddress;
import dev.rapport.customer.domain.customer.ExternalId;
import dev.rapport.customer.domain.customer.PhoneNumber;
import dev.rapport.customer.domain.event.CustomerDomainEvent;

/** Fakes of the core's outbound ports, for unit tests of the use cases only. */
public final class InMemoryCustomers implements CustomerRepository, CustomerEventPublisher {

    public final Map<CustomerId, Customer> stored = new LinkedHashMap<>();
    final List<CustomerDomainEvent> published = new ArrayList<>();

    @Override
    public Optional<Customer> findById(CustomerId id) {
        return Optional.ofNullable(stored.get(id));
    }

    @Override
    public Optional<Customer> findByIdForUpdate(CustomerId id) {
        return findById(id);
    }

    @Override
    public boolean exists(CustomerId id) {
        return stored.containsKey(id);
    }

    @Override
    public Optional<CustomerId> findIdByEmail(EmailAddress email) {
        return idWhere(CustomerProfile::email, email);
    }

    @Override
    public Optional<CustomerId> findIdByPhone(PhoneNumber phone) {
        return idWhere(CustomerProfile::phone, phone);
    }

    @Override
    public Optional<CustomerId> findIdByExternalId(ExternalId externalId) {
        return idWhere(CustomerProfile::externalId, externalId);
    }

    private <V> Optional<CustomerId> idWhere(Function<CustomerProfile, V> field, V value) {
        return stored.values().stream().filter(c -> Objects.equals(field.apply(c.profile()), value))
                .map(Customer::id).findFirst();
    }

    @Override
    public void add(Customer customer) {
        stored.put(customer.id(), customer);
    }

    @Override
    public void update(Customer customer) {
        stored.put(customer.id(), customer);
    }

    @Override
    public Page<Customer> search(CustomerSearchCriteria criteria, PageRequest page) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public void publish(CustomerDomainEvent event) {
        published.add(event);
    }
}
