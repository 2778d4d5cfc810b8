package dev.rapport.customer.domain.purchase;

import dev.rapport.kernel.DomainException;

/** The return key was used before for a different return of this purchase. */
public class ReturnKeyConflictException extends DomainException {

    private final ReturnId existingReturnId;

    public ReturnKeyConflictException(ReturnKey key, ReturnId existingReturnId) {
        super("Return key " + key + " was already used for a return with different lines");
        this.existingReturnId = existingReturnId;
    }

    public ReturnId existingReturnId() {
        return existingReturnId;
    }
}
