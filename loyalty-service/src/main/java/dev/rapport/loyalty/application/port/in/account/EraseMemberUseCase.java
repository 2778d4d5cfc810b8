package dev.rapport.loyalty.application.port.in.account;

public interface EraseMemberUseCase {

    /** Anonymises what the service holds of the customer and confirms the erasure (always, even with no account). */
    void erase(EraseMemberCommand command);
}
