package dev.rapport.customer.application.port.in;

import java.util.UUID;

import dev.rapport.customer.domain.followup.FollowUp;

/** Ends a follow-up; repeating the same ending answers the follow-up unchanged. */
public interface CloseFollowUpUseCase {

    /**
     * @throws dev.rapport.customer.domain.followup.FollowUpNotFoundException unknown id
     * @throws dev.rapport.customer.domain.followup.FollowUpStateConflictException it was cancelled
     */
    FollowUp complete(UUID followUpId);

    /**
     * @throws dev.rapport.customer.domain.followup.FollowUpNotFoundException unknown id
     * @throws dev.rapport.customer.domain.followup.FollowUpStateConflictException it was done
     */
    FollowUp cancel(UUID followUpId);
}
