package dev.rapport.customer.application.service.consent;

import dev.rapport.customer.application.service.Clocks;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.customer.application.port.in.consent.RecordConsentCommand;
import dev.rapport.customer.application.port.in.consent.RecordConsentUseCase;
import dev.rapport.customer.application.port.out.consent.ConsentRepository;
import dev.rapport.customer.application.port.out.customer.CustomerEventPublisher;
import dev.rapport.customer.application.port.out.customer.CustomerRepository;
import dev.rapport.customer.domain.consent.ConsentRecord;
import dev.rapport.customer.domain.consent.ConsentRecordId;
import dev.rapport.customer.domain.consent.ConsentState;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerNotFoundException;
import dev.rapport.customer.domain.event.ConsentChanged;

/**
 * Appends a consent statement. The customer row is locked first so two concurrent statements for
 * one customer are compared with each other in turn: "did the status change" is then exact, and
 * consent-changed events follow the order of the history.
 */
@ApplicationScoped
public class RecordConsentService implements RecordConsentUseCase {

    private final CustomerRepository customers;
    private final ConsentRepository consents;
    private final CustomerEventPublisher events;
    private final Clock clock;

    RecordConsentService(CustomerRepository customers, ConsentRepository consents, CustomerEventPublisher events,
                         Clock clock) {
        this.customers = customers;
        this.consents = consents;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ConsentRecord record(RecordConsentCommand command) {
        CustomerId customerId = new CustomerId(command.customerId());
        ConsentRecord record = ConsentRecord.capture(ConsentRecordId.newId(), customerId, command.channel(),
                command.purpose(), command.status(), command.source(), command.capturedAt(), Clocks.now(clock));
        if (customers.findByIdForUpdate(customerId).isEmpty()) {
            throw new CustomerNotFoundException(customerId.toString());
        }
        ConsentState.Appended appended = ConsentState.of(consents.historyOf(customerId)).append(record);
        consents.append(record);
        if (appended.statusChanged()) {
            events.publish(new ConsentChanged(customerId, appended.current()));
        }
        return appended.current();
    }
}
