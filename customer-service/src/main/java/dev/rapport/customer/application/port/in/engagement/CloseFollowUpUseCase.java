package dev.rapport.customer.application.port.in.engagement;

import java.util.UUID;

import dev.rapport.customer.domain.engagement.FollowUp;

/** Ends a follow-up; repeating the same ending answers the follow-up unchanged. */
public interface CloseFollowUpUseCase {

    /**
     * @throws dev.rapport.customer.domain.engagement.FollowUpNotFoundException unknown id
     * @throws dev.rapport.customer.domain.engagement.FollowUpStateConflictException it was cancelled
     */
    FollowUp complete(UUID followUpId);

    /**
     * @throws dev.rapport.customer.domain.engagement.FollowUpNotFoundException unknown id
     * @throws dev.rapport.customer.domain.engagement.FollowUpStateConflictException it was done
     */
    FollowUp cancel(UUID followUpId);
}
