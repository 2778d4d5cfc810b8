package dev.rapport.customer.application.service.customer;

import dev.rapport.customer.application.service.Clocks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.kernel.change.Change;
import dev.rapport.customer.application.port.in.customer.CustomerChanges;
import dev.rapport.kernel.change.MapPatch;
import dev.rapport.customer.application.port.in.customer.UpdateCustomerCommand;
import dev.rapport.customer.application.port.in.customer.UpdateCustomerUseCase;
import dev.rapport.customer.application.port.out.customer.CustomerEventPublisher;
import dev.rapport.customer.application.port.out.customer.CustomerRepository;
import dev.rapport.customer.application.port.out.customer.PhoneNumberNormaliser;
import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerNotFoundException;
import dev.rapport.customer.domain.customer.CustomerProfile;
import dev.rapport.customer.domain.customer.StaleVersionException;

@ApplicationScoped
public class UpdateCustomerService implements UpdateCustomerUseCase {

    private final CustomerRepository customers;
    private final CustomerUniqueness uniqueness;
    private final CustomerEventPublisher events;
    private final PhoneNumberNormaliser phoneNumbers;
    private final Clock clock;

    public UpdateCustomerService(CustomerRepository customers, CustomerUniqueness uniqueness, CustomerEventPublisher events,
                          PhoneNumberNormaliser phoneNumbers, Clock clock) {
        this.customers = customers;
        this.uniqueness = uniqueness;
        this.events = events;
        this.phoneNumbers = phoneNumbers;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Customer update(UpdateCustomerCommand command) {
        CustomerId id = new CustomerId(command.customerId());
        // Locked for the rest of the transaction: the version compared here is the one we overwrite.
        Customer customer = customers.findByIdForUpdate(id)
                .orElseThrow(() -> new CustomerNotFoundException(id.toString()));
        customer.requireNotErased();
        if (!command.expectedVersion().matches(customer.version())) {
            throw new StaleVersionException(id, customer.version());
        }
        Instant now = Clocks.now(clock);
        CustomerProfile changed = apply(customer.profile(), command.changes(), LocalDate.ofInstant(now, ZoneOffset.UTC));
        uniqueness.check(changed, id);

        List<String> changedFields = customer.update(changed, now);
        if (!changedFields.isEmpty()) {
            customers.update(customer);
            events.publishAll(customer.pullEvents());
        }
        return customer;
    }

    private CustomerProfile apply(CustomerProfile current, CustomerChanges changes, LocalDate today) {
        CustomerProfile.Builder profile = current.toBuilder(today);
        when(changes.externalId(), profile::externalId);
        when(changes.firstName(), profile::firstName);
        when(changes.lastName(), profile::lastName);
        when(changes.email(), profile::email);
        when(changes.phone(), raw -> profile.phone(raw, phoneNumbers::normalise));
        when(changes.company(), profile::company);
        when(changes.jobTitle(), profile::jobTitle);
        when(changes.acquisitionChannel(), profile::acquisitionChannel);
        when(changes.preferences(), patch -> profile.preferences(merge(current.preferences(), patch)));
        when(changes.attributes(), patch -> profile.attributes(merge(current.attributes(), patch)));
        when(changes.tags(), profile::tags);
        when(changes.birthday(), profile::birthday);
        return profile.build();
    }

    private static Map<String, String> merge(Map<String, String> current, MapPatch patch) {
        return patch == null ? Map.of() : patch.applyTo(current);
    }

    private static <T> void when(Change<T> change, java.util.function.Consumer<T> apply) {
        if (change.present()) {
            apply.accept(change.value());
        }
    }
}
