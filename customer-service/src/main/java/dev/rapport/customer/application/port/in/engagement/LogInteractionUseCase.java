package dev.rapport.customer.application.port.in.engagement;

public interface LogInteractionUseCase {

    /**
     * Logs a contact and publishes interaction-logged. A repeat with the same Idempotency-Key answers
     * the stored interaction and publishes nothing.
     *
     * @throws dev.rapport.customer.domain.customer.CustomerNotFoundException unknown customer
     * @throws dev.rapport.customer.domain.engagement.IdempotencyKeyConflictException key reused for other content
     */
    LoggedInteraction log(LogInteractionCommand command);
}
