package dev.rapport.customer.application.port.in.engagement;

import java.util.UUID;

import dev.rapport.customer.domain.engagement.FollowUp;

public interface GetFollowUpUseCase {

    /** @throws dev.rapport.customer.domain.engagement.FollowUpNotFoundException unknown id */
    FollowUp get(UUID followUpId);
}
