package dev.rapport.customer.domain.engagement;

import dev.rapport.kernel.DomainException;

public class FollowUpNotFoundException extends DomainException {

    public FollowUpNotFoundException(String followUpId) {
        super("No follow-up with id " + followUpId);
    }
}
