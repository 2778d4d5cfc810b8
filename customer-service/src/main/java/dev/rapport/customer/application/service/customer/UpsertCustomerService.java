package dev.rapport.customer.application.service.customer;

import dev.rapport.customer.application.service.Clocks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.customer.application.port.in.customer.RegisterCustomerCommand;
import dev.rapport.customer.application.port.in.customer.UpsertCustomerCommand;
import dev.rapport.customer.application.port.in.customer.UpsertCustomerUseCase;
import dev.rapport.customer.application.port.in.customer.UpsertedCustomer;
import dev.rapport.customer.application.port.out.customer.CustomerEventPublisher;
import dev.rapport.customer.application.port.out.customer.CustomerRepository;
import dev.rapport.customer.application.port.out.customer.PhoneNumberNormaliser;
import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerMergedException;
import dev.rapport.customer.domain.customer.CustomerProfile;
import dev.rapport.customer.domain.customer.ExternalId;
import dev.rapport.customer.domain.customer.NoCurrentCustomerException;
import dev.rapport.customer.domain.customer.ReferralCode;
import dev.rapport.customer.domain.customer.StaleVersionException;
import dev.rapport.kernel.InvalidInputException;
import dev.rapport.kernel.Violations;

/**
 * Partners' upsert by their own id. PUT replaces: the document is the whole profile, so a field it
 * leaves out becomes empty (tags, preferences and attributes included). Never touched: id,
 * referralCode (set once at creation), createdAt and the customer's purchases.
 */
@ApplicationScoped
public class UpsertCustomerService implements UpsertCustomerUseCase {

    /** Lookup-then-lock can lose a race against a PATCH moving the external id; a few rounds settle it. */
    private static final int ATTEMPTS = 3;

    private final CustomerRepository customers;
    private final CustomerUniqueness uniqueness;
    private final CustomerEventPublisher events;
    private final PhoneNumberNormaliser phoneNumbers;
    private final Clock clock;

    UpsertCustomerService(CustomerRepository customers, CustomerUniqueness uniqueness, CustomerEventPublisher events,
                          PhoneNumberNormaliser phoneNumbers, Clock clock) {
        this.customers = customers;
        this.uniqueness = uniqueness;
        this.events = events;
        this.phoneNumbers = phoneNumbers;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UpsertedCustomer upsert(UpsertCustomerCommand command) {
        Instant now = Clocks.now(clock);
        RegisterCustomerCommand body = command.document();
        Violations violations = new Violations();
        ExternalId externalId = violations.check("externalId", () -> new ExternalId(command.externalId()));
        violations.throwIfAny();
        if (body.externalId() != null && !body.externalId().isBlank()) {
            ExternalId inBody = violations.check("externalId", () -> new ExternalId(body.externalId()));
            if (inBody != null && !inBody.equals(externalId)) {
                violations.add("externalId", "must equal the externalId of the path (" + externalId + ") or be left out");
            }
        }
        ReferralCode referralCode = violations.optional("referralCode", blankToNull(body.referralCode()), ReferralCode::new);
        CustomerProfile profile = violations.check("", () -> CustomerDocuments.profile(withExternalId(body, externalId),
                LocalDate.ofInstant(now, ZoneOffset.UTC), phoneNumbers));
        violations.throwIfAny();

        for (int attempt = 1; ; attempt++) {
            Optional<Customer> existing = lockByExternalId(externalId);
            if (existing.isPresent()) {
                return new UpsertedCustomer(replace(existing.get(), command, profile, referralCode, now), false);
            }
            if (attempt >= ATTEMPTS || customers.findIdByExternalId(externalId).isEmpty()) {
                return new UpsertedCustomer(create(command, externalId, profile, referralCode, now), true);
            }
        }
    }

    /** The customer holding the external id, locked; empty if none (or it moved while we locked it). */
    private Optional<Customer> lockByExternalId(ExternalId externalId) {
        Optional<CustomerId> id = customers.findIdByExternalId(externalId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        try {
            return customers.findByIdForUpdate(id.get())
                    .filter(c -> externalId.equals(c.profile().externalId()));
        } catch (CustomerMergedException mergedMeanwhile) {
            return Optional.empty();
        }
    }

    private Customer create(UpsertCustomerCommand command, ExternalId externalId, CustomerProfile profile,
                            ReferralCode referralCode, Instant now) {
        if (command.mustExist()) {
            throw new NoCurrentCustomerException("externalId " + externalId);
        }
        uniqueness.check(profile, null);
        Customer customer = Customer.register(CustomerId.newId(), profile, referralCode, now);
        customers.add(customer);
        events.publishAll(customer.pullEvents());
        return customer;
    }

    private Customer replace(Customer customer, UpsertCustomerCommand command, CustomerProfile profile,
                             ReferralCode referralCode, Instant now) {
        if (!command.expectedVersion().matches(customer.version())) {
            throw new StaleVersionException(customer.id(), customer.version());
        }
        if (referralCode != null && !Objects.equals(referralCode, customer.referralCode())) {
            throw InvalidInputException.of("referralCode", "is set once when the customer is created and cannot be changed");
        }
        uniqueness.check(profile, customer.id());
        List<String> changed = customer.update(profile, now);
        if (!changed.isEmpty()) {
            customers.update(customer);
            events.publishAll(customer.pullEvents());
        }
        return customer;
    }

    private static RegisterCustomerCommand withExternalId(RegisterCustomerCommand body, ExternalId externalId) {
        return new RegisterCustomerCommand(externalId.value(), body.firstName(), body.lastName(), body.email(),
                body.phone(), body.company(), body.jobTitle(), body.acquisitionChannel(), body.preferences(),
                body.tags(), body.attributes(), body.birthday(), body.referralCode());
    }

    private static String blankToNull(String raw) {
        return raw == null || raw.isBlank() ? null : raw;
    }
}
