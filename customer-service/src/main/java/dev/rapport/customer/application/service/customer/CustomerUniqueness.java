package dev.rapport.customer.application.service.customer;

import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.application.port.out.customer.CustomerRepository;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerProfile;
import dev.rapport.customer.domain.customer.DuplicateCustomerException;

/**
 * One person, one record: no two customers share an e-mail, phone number or external id. Checked
 * before writing so the answer can name the existing customer; the database's unique constraints
 * catch the rare concurrent duplicate.
 */
@ApplicationScoped
public class CustomerUniqueness {

    private final CustomerRepository customers;

    public CustomerUniqueness(CustomerRepository customers) {
        this.customers = customers;
    }

    /** {@code self} is the customer being changed (null when registering); it may keep its own values. */
    public void check(CustomerProfile profile, CustomerId self) {
        checkOne("email", profile, CustomerProfile::email, v -> customers.findIdByEmail(v), self);
        checkOne("phone", profile, CustomerProfile::phone, v -> customers.findIdByPhone(v), self);
        checkOne("externalId", profile, CustomerProfile::externalId, v -> customers.findIdByExternalId(v), self);
    }

    private static <V> void checkOne(String field, CustomerProfile profile, Function<CustomerProfile, V> value,
                                     Function<V, Optional<CustomerId>> lookup, CustomerId self) {
        V candidate = value.apply(profile);
        if (candidate == null) {
            return;
        }
        lookup.apply(candidate)
                .filter(existing -> !existing.equals(self))
                .ifPresent(existing -> {
                    throw new DuplicateCustomerException(field, existing);
                });
    }
}
