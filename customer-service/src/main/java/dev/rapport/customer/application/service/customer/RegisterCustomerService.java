package dev.rapport.customer.application.service.customer;

import dev.rapport.customer.application.service.Clocks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.customer.application.port.in.customer.RegisterCustomerCommand;
import dev.rapport.customer.application.port.in.customer.RegisterCustomerUseCase;
import dev.rapport.customer.application.port.out.customer.CustomerEventPublisher;
import dev.rapport.customer.application.port.out.customer.CustomerRepository;
import dev.rapport.customer.application.port.out.customer.PhoneNumberNormaliser;
import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerProfile;
import dev.rapport.customer.domain.customer.ReferralCode;
import dev.rapport.kernel.Violations;

@ApplicationScoped
public class RegisterCustomerService implements RegisterCustomerUseCase {

    private final CustomerRepository customers;
    private final CustomerUniqueness uniqueness;
    private final CustomerEventPublisher events;
    private final PhoneNumberNormaliser phoneNumbers;
    private final Clock clock;

    public RegisterCustomerService(CustomerRepository customers, CustomerUniqueness uniqueness, CustomerEventPublisher events,
                            PhoneNumberNormaliser phoneNumbers, Clock clock) {
        this.customers = customers;
        this.uniqueness = uniqueness;
        this.events = events;
        this.phoneNumbers = phoneNumbers;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Customer register(RegisterCustomerCommand command) {
        Instant now = Clocks.now(clock);
        Violations violations = new Violations();
        ReferralCode referralCode = violations.optional("referralCode", blankToNull(command.referralCode()),
                ReferralCode::new);
        CustomerProfile profile = violations.check("", () -> CustomerDocuments.profile(command,
                LocalDate.ofInstant(now, ZoneOffset.UTC), phoneNumbers));
        violations.throwIfAny();
        uniqueness.check(profile, null);

        Customer customer = Customer.register(CustomerId.newId(), profile, referralCode, now);
        customers.add(customer);
        events.publishAll(customer.pullEvents());
        return customer;
    }

    private static String blankToNull(String raw) {
        return raw == null || raw.isBlank() ? null : raw;
    }
}
