package dev.rapport.customer.application.port.in.privacy;

public interface RecordErasureConfirmationUseCase {

    /**
     * Stores a service's confirmation once per erasure and service. Returns false when it was ignored:
     * already confirmed, or an erasure this service does not know.
     *
     * @throws IllegalArgumentException a confirmation that can never be valid (missing ids, bad service
     *                                  name, customer not the erasure's), so messaging dead-letters it
     */
    boolean record(RecordErasureConfirmationCommand command);
}
