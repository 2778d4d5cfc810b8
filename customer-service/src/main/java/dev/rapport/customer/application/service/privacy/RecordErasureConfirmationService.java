package dev.rapport.customer.application.service.privacy;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.customer.application.port.in.privacy.RecordErasureConfirmationCommand;
import dev.rapport.customer.application.port.in.privacy.RecordErasureConfirmationUseCase;
import dev.rapport.customer.application.port.out.privacy.ErasureRepository;
import dev.rapport.customer.domain.privacy.Erasure;
import dev.rapport.customer.domain.privacy.ErasureConfirmation;
import dev.rapport.customer.domain.privacy.ErasureId;
import dev.rapport.customer.domain.privacy.ServiceName;
import dev.rapport.kernel.InvalidValueException;

/**
 * Stores the other services' erasure-confirmed answers. Event ids make redelivery harmless; the
 * unique (erasure, service) pair also absorbs a service that confirms twice with new events.
 */
@ApplicationScoped
public class RecordErasureConfirmationService implements RecordErasureConfirmationUseCase {

    private final ErasureRepository erasures;

    public RecordErasureConfirmationService(ErasureRepository erasures) {
        this.erasures = erasures;
    }

    @Override
    @Transactional
    public boolean record(RecordErasureConfirmationCommand command) {
        if (command.erasureId() == null || command.customerId() == null || command.confirmedAt() == null) {
            throw new IllegalArgumentException("erasure confirmation needs customerId, erasureId and confirmedAt");
        }
        ServiceName service;
        try {
            service = new ServiceName(command.service());
        } catch (InvalidValueException e) {
            throw new IllegalArgumentException("erasure confirmation has an invalid service name", e);
        }
        Optional<Erasure> erasure = erasures.findById(new ErasureId(command.erasureId()));
        if (erasure.isEmpty()) {
            // Not ours (another environment, or a test): nothing to complete, nothing to retry.
            return false;
        }
        if (!erasure.get().customerId().value().equals(command.customerId())) {
            throw new IllegalArgumentException("erasure " + command.erasureId() + " belongs to another customer");
        }
        return erasures.addConfirmation(new ErasureConfirmation(erasure.get().id(), service, command.confirmedAt()));
    }
}
