package dev.rapport.customer.domain.followup;

import dev.rapport.customer.domain.shared.DomainException;

public class FollowUpNotFoundException extends DomainException {

    public FollowUpNotFoundException(String followUpId) {
        super("No follow-up with id " + followUpId);
    }
}
