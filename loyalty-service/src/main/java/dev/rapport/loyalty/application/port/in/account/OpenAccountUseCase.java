package dev.rapport.loyalty.application.port.in.account;

public interface OpenAccountUseCase {

    /** Idempotent: an account that exists keeps its code and ledger; only the contact data is refreshed. */
    void open(OpenAccountCommand command);
}
