package dev.rapport.customer.application.port.in;

import java.util.UUID;

import dev.rapport.customer.domain.followup.FollowUp;

public interface GetFollowUpUseCase {

    /** @throws dev.rapport.customer.domain.followup.FollowUpNotFoundException unknown id */
    FollowUp get(UUID followUpId);
}
