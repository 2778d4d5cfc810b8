package dev.rapport.customer.application.service.purchase;

import dev.rapport.customer.application.service.Clocks;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.customer.application.port.in.purchase.RecordReturnCommand;
import dev.rapport.customer.application.port.in.purchase.RecordReturnUseCase;
import dev.rapport.customer.application.port.in.purchase.RecordedReturn;
import dev.rapport.customer.application.port.out.customer.CustomerEventPublisher;
import dev.rapport.customer.application.port.out.customer.CustomerRepository;
import dev.rapport.customer.application.port.out.purchase.PurchaseRepository;
import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.purchase.Purchase;
import dev.rapport.customer.domain.purchase.PurchaseReturn;
import dev.rapport.customer.domain.purchase.ReturnId;
import dev.rapport.customer.domain.purchase.ReturnKey;
import dev.rapport.customer.domain.purchase.ReturnKeyConflictException;
import dev.rapport.kernel.Violations;

/**
 * Records a return against a purchase. The purchase is locked first, so two returns of the same
 * goods cannot both pass the "not more than remains" rule, and a repeated return key is detected.
 */
@ApplicationScoped
public class RecordReturnService implements RecordReturnUseCase {

    private final CustomerRepository customers;
    private final PurchaseRepository purchases;
    private final CustomerEventPublisher events;
    private final Clock clock;

    RecordReturnService(CustomerRepository customers, PurchaseRepository purchases, CustomerEventPublisher events,
                        Clock clock) {
        this.customers = customers;
        this.purchases = purchases;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public RecordedReturn recordReturn(RecordReturnCommand command) {
        Instant now = Clocks.now(clock);
        Violations violations = new Violations();
        ReturnKey key = violations.optional("returnKey", blankToNull(command.returnKey()), ReturnKey::new);
        violations.throwIfAny();

        CustomerId customerId = new CustomerId(command.customerId());
        // An erased customer takes no new data (a return carries free text); unknown stays a 404 below.
        customers.findById(customerId).ifPresent(Customer::requireNotErased);
        Purchase purchase = Purchases.find(purchases, customerId, command.orderId(), true);
        if (key != null) {
            Optional<PurchaseReturn> earlier = purchase.findReturn(key);
            if (earlier.isPresent()) {
                if (!Purchase.sameReturn(earlier.get(), command.lines())) {
                    throw new ReturnKeyConflictException(key, earlier.get().id());
                }
                return new RecordedReturn(purchase, earlier.get(), false);
            }
        }
        PurchaseReturn recorded = purchase.registerReturn(ReturnId.newId(), key, command.lines(), command.reason(),
                command.occurredAt(), now);
        purchases.addReturn(purchase, recorded);
        events.publishAll(purchase.pullEvents());
        return new RecordedReturn(purchase, recorded, true);
    }

    private static String blankToNull(String raw) {
        return raw == null || raw.isBlank() ? null : raw;
    }
}
