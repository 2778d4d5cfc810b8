package dev.rapport.customer.application.service.identity;

import dev.rapport.customer.application.service.Clocks;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import dev.rapport.customer.application.port.in.identity.MergeCustomersCommand;
import dev.rapport.customer.application.port.in.identity.MergeCustomersUseCase;
import dev.rapport.customer.application.port.out.customer.CustomerEventPublisher;
import dev.rapport.customer.application.port.out.customer.CustomerRepository;
import dev.rapport.customer.application.port.out.identity.CustomerTombstones;
import dev.rapport.customer.application.port.out.identity.MergeParticipant;
import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerErasedException;
import dev.rapport.customer.domain.customer.CustomerMergedException;
import dev.rapport.customer.domain.identity.MergeNotPossibleException;
import dev.rapport.customer.domain.identity.MergePartyMergedException;
import dev.rapport.customer.domain.identity.MergePartyNotFoundException;
import dev.rapport.customer.domain.identity.MergeRole;
import dev.rapport.customer.domain.customer.StaleVersionException;

/**
 * Merges a duplicate record into the survivor, all in one transaction: the field rules of
 * {@code CustomerMerge} are checked before anything is written; then the duplicate becomes a
 * tombstone (releasing its unique e-mail/phone/external id), every {@link MergeParticipant} moves
 * its data, and the survivor is stored with its new version and events. Any failure rolls all back.
 */
@ApplicationScoped
public class MergeCustomersService implements MergeCustomersUseCase {

    private final CustomerRepository customers;
    private final CustomerTombstones tombstones;
    private final Instance<MergeParticipant> participants;
    private final CustomerEventPublisher events;
    private final Clock clock;

    MergeCustomersService(CustomerRepository customers, CustomerTombstones tombstones,
                          Instance<MergeParticipant> participants, CustomerEventPublisher events, Clock clock) {
        this.customers = customers;
        this.tombstones = tombstones;
        this.participants = participants;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Customer merge(MergeCustomersCommand command) {
        CustomerId survivorId = new CustomerId(command.survivorId());
        CustomerId duplicateId = new CustomerId(command.duplicateId());
        if (survivorId.equals(duplicateId)) {
            throw MergeNotPossibleException.intoItself(survivorId);
        }
        Map<CustomerId, Supplier<Customer>> locked = lockInIdOrder(survivorId, duplicateId);
        // Problems of the survivor (the URL) are reported before those of the duplicate (the body).
        Customer survivor = locked.get(survivorId).get();
        Customer duplicate = locked.get(duplicateId).get();
        if (duplicate == null) {
            // Already merged into this very survivor: a client retrying after a lost answer gets the
            // survivor as it is now, and nothing is moved or published again.
            if (survivor.isErased()) {
                throw new CustomerErasedException(survivor.id(), survivor.erasedAt());
            }
            return survivor;
        }
        for (Customer party : List.of(survivor, duplicate)) {
            // An erased record identifies nobody: there is nothing to merge into or from it.
            if (party.isErased()) {
                throw new CustomerErasedException(party.id(), party.erasedAt());
            }
        }
        if (!command.expectedSurvivorVersion().matches(survivor.version())) {
            throw new StaleVersionException(survivorId, survivor.version());
        }

        Instant now = Clocks.now(clock);
        survivor.absorb(duplicate, now);
        // Order matters for the unique constraints: the duplicate lets go of e-mail, phone and
        // external id before the survivor, stored last, may take them.
        tombstones.markMerged(duplicateId, survivorId, now);
        participants.stream()
                .sorted(Comparator.comparingInt(MergeParticipant::order))
                .forEach(participant -> participant.moveAll(duplicateId, survivorId));
        customers.update(survivor);
        events.publishAll(survivor.pullEvents());
        return survivor;
    }

    /**
     * Locks both rows, always the smaller id first, so two merges of the same pair in opposite
     * directions queue up instead of deadlocking. Each result is handed out as a supplier that
     * either returns the customer or throws what was wrong with it; a duplicate already merged into
     * this survivor is handed out as null.
     */
    private Map<CustomerId, Supplier<Customer>> lockInIdOrder(CustomerId survivorId, CustomerId duplicateId) {
        Map<CustomerId, Supplier<Customer>> results = new HashMap<>();
        List<CustomerId> order = survivorId.value().compareTo(duplicateId.value()) < 0
                ? List.of(survivorId, duplicateId) : List.of(duplicateId, survivorId);
        for (CustomerId id : order) {
            MergeRole role = id.equals(survivorId) ? MergeRole.SURVIVOR : MergeRole.DUPLICATE;
            Supplier<Customer> result;
            try {
                Customer customer = customers.findByIdForUpdate(id).orElse(null);
                result = customer != null ? () -> customer : () -> {
                    throw new MergePartyNotFoundException(role, id.toString());
                };
            } catch (CustomerMergedException merged) {
                if (role == MergeRole.DUPLICATE && merged.survivorId().equals(survivorId)) {
                    results.put(id, () -> null);
                    continue;
                }
                result = () -> {
                    throw new MergePartyMergedException(role, id, merged.survivorId());
                };
            }
            results.put(id, result);
        }
        return results;
    }
}
