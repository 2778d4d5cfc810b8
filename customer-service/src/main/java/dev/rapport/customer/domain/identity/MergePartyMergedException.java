package dev.rapport.customer.domain.identity;

import dev.rapport.customer.domain.customer.CustomerId;

import dev.rapport.kernel.DomainException;

/** The survivor or the duplicate of a merge is itself already a tombstone; names where it went. */
public class MergePartyMergedException extends DomainException {

    private final MergeRole role;
    private final CustomerId customerId;
    private final CustomerId mergedInto;

    public MergePartyMergedException(MergeRole role, CustomerId customerId, CustomerId mergedInto) {
        super(message(role, customerId, mergedInto));
        this.role = role;
        this.customerId = customerId;
        this.mergedInto = mergedInto;
    }

    private static String message(MergeRole role, CustomerId customerId, CustomerId mergedInto) {
        return switch (role) {
            case DUPLICATE -> "Customer " + customerId + " was already merged into customer " + mergedInto;
            case SURVIVOR -> "Customer " + customerId + " was merged into customer " + mergedInto
                    + " and cannot take in another; merge into " + mergedInto + " instead";
        };
    }

    public MergeRole role() {
        return role;
    }

    public CustomerId customerId() {
        return customerId;
    }

    public CustomerId mergedInto() {
        return mergedInto;
    }
}
