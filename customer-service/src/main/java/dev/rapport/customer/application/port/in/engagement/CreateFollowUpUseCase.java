package dev.rapport.customer.application.port.in.engagement;

import dev.rapport.customer.domain.engagement.FollowUp;

public interface CreateFollowUpUseCase {

    /**
     * @throws dev.rapport.customer.domain.customer.CustomerNotFoundException unknown customer
     * @throws dev.rapport.kernel.InvalidInputException invalid fields, or an interactionId
     *         that is not one of this customer's interactions
     */
    FollowUp create(CreateFollowUpCommand command);
}
