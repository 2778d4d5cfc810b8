package dev.rapport.customer.application.service.purchase;

import dev.rapport.customer.application.service.Clocks;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.customer.application.port.in.purchase.RecordPurchaseCommand;
import dev.rapport.customer.application.port.in.purchase.RecordPurchaseUseCase;
import dev.rapport.customer.application.port.in.purchase.RecordedPurchase;
import dev.rapport.customer.application.port.out.customer.CustomerEventPublisher;
import dev.rapport.customer.application.port.out.customer.CustomerRepository;
import dev.rapport.customer.application.port.out.purchase.PurchaseRepository;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerNotFoundException;
import dev.rapport.customer.domain.purchase.OrderIdConflictException;
import dev.rapport.customer.domain.purchase.Purchase;
import dev.rapport.customer.domain.purchase.PurchaseId;

/**
 * Records a purchase exactly once per order id. The request is validated first (so a bad repeat is
 * still a 400), then a stored purchase with the same order id is either this very purchase again
 * (answered with the stored one, no new event) or a conflict.
 */
@ApplicationScoped
public class RecordPurchaseService implements RecordPurchaseUseCase {

    private final CustomerRepository customers;
    private final PurchaseRepository purchases;
    private final CustomerEventPublisher events;
    private final Clock clock;

    RecordPurchaseService(CustomerRepository customers, PurchaseRepository purchases, CustomerEventPublisher events,
                          Clock clock) {
        this.customers = customers;
        this.purchases = purchases;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public RecordedPurchase record(RecordPurchaseCommand command) {
        Instant now = Clocks.now(clock);
        CustomerId customerId = new CustomerId(command.customerId());
        Purchase candidate = Purchase.record(PurchaseId.newId(), customerId, command.orderId(), command.currency(),
                command.occurredAt(), command.lines(), now);
        customers.findById(customerId)
                .orElseThrow(() -> new CustomerNotFoundException(customerId.toString()))
                .requireNotErased();
        Optional<Purchase> existing = purchases.findByOrderId(candidate.orderId());
        if (existing.isPresent()) {
            return new RecordedPurchase(repeatOf(existing.get(), candidate), false);
        }
        purchases.add(candidate);
        events.publishAll(candidate.pullEvents());
        return new RecordedPurchase(candidate, true);
    }

    private static Purchase repeatOf(Purchase existing, Purchase candidate) {
        if (!existing.customerId().equals(candidate.customerId())) {
            throw new OrderIdConflictException(candidate.orderId(), null, "for another customer");
        }
        if (!existing.hasSameContentAs(candidate)) {
            throw new OrderIdConflictException(candidate.orderId(), existing.id(),
                    "with different lines or currency; a repeat must send the same purchase");
        }
        return existing;
    }
}
