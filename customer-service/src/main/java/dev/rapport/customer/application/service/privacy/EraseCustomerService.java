package dev.rapport.customer.application.service.privacy;

import dev.rapport.customer.application.service.Clocks;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.customer.application.port.in.privacy.EraseCustomerCommand;
import dev.rapport.customer.application.port.in.privacy.EraseCustomerUseCase;
import dev.rapport.customer.application.port.in.privacy.ErasureResult;
import dev.rapport.customer.application.port.out.customer.CustomerRepository;
import dev.rapport.customer.application.port.out.privacy.ErasureEventPublisher;
import dev.rapport.customer.application.port.out.privacy.ErasureRepository;
import dev.rapport.customer.application.port.out.privacy.PersonalDataSection;
import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerNotFoundException;
import dev.rapport.customer.domain.privacy.Erasure;
import dev.rapport.customer.domain.privacy.ErasureConfirmation;
import dev.rapport.customer.domain.privacy.ErasureId;
import dev.rapport.customer.domain.privacy.ServiceName;
import dev.rapport.kernel.Texts;
import dev.rapport.kernel.Violations;

/**
 * GDPR erasure in one transaction: the customer row is locked (a concurrent repeat waits and then
 * finds the erasure), the profile scrubbed, every section erases its data, the request is audited,
 * customer-erased is published and this service records (and publishes) its own confirmation.
 */
@ApplicationScoped
public class EraseCustomerService implements EraseCustomerUseCase {


    private final CustomerRepository customers;
    private final ErasureRepository erasures;
    private final PersonalDataSections sections;
    private final ErasureEventPublisher events;
    private final Clock clock;

    public EraseCustomerService(CustomerRepository customers, ErasureRepository erasures, PersonalDataSections sections,
                         ErasureEventPublisher events, Clock clock) {
        this.customers = customers;
        this.erasures = erasures;
        this.sections = sections;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ErasureResult erase(EraseCustomerCommand command) {
        Violations violations = new Violations();
        String reason = violations.check("reason", () -> Texts.optional(command.reason(), Erasure.REASON_MAX));
        String requestedBy = violations.check("requestedBy", () -> Texts.optional(command.requestedBy(), Erasure.ACTOR_MAX));
        violations.throwIfAny();

        CustomerId id = new CustomerId(command.customerId());
        Customer customer = customers.findByIdForUpdate(id)
                .orElseThrow(() -> new CustomerNotFoundException(id.toString()));
        Optional<Erasure> earlier = erasures.findByCustomer(id);
        if (earlier.isPresent()) {
            return new ErasureResult(earlier.get(), false);
        }
        Instant now = Clocks.now(clock);
        Erasure erasure = new Erasure(ErasureId.newId(), id, now, requestedBy, reason);

        customer.erase(now);
        customers.update(customer);
        for (PersonalDataSection section : sections.all()) {
            section.erase(id);
        }
        erasures.add(erasure);
        ErasureConfirmation own = new ErasureConfirmation(erasure.id(), ServiceName.CUSTOMER_SERVICE, now);
        erasures.addConfirmation(own);
        events.customerErased(erasure);
        events.erasureConfirmed(erasure, own);
        return new ErasureResult(erasure, true);
    }
}
