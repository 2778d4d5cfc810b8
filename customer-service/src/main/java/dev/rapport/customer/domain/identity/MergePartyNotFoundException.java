package dev.rapport.customer.domain.identity;

import dev.rapport.kernel.DomainException;

/** The survivor or the duplicate of a merge does not exist; says which of the two. */
public class MergePartyNotFoundException extends DomainException {

    private final MergeRole role;
    private final String customerId;

    public MergePartyNotFoundException(MergeRole role, String customerId) {
        super("No customer with id " + customerId + " (the " + role.wireName() + " of the merge)");
        this.role = role;
        this.customerId = customerId;
    }

    public MergeRole role() {
        return role;
    }

    public String customerId() {
        return customerId;
    }
}
