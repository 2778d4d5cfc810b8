package dev.rapport.loyalty.domain.account;

import java.util.UUID;

import dev.rapport.kernel.NotFoundException;

public class AccountNotFoundException extends NotFoundException {

    public AccountNotFoundException(UUID customerId) {
        super("Loyalty account", "no loyalty account for customer " + customerId);
    }
}
