package dev.rapport.loyalty.application.port.in.account;

import java.util.List;
import java.util.UUID;

/** The membership anniversary: at most one tier down, and a warning some days ahead. */
public interface EvaluateTiersUseCase {

    List<UUID> accountsWithAnniversaryDue(int limit);

    /** Evaluates the account's tier once per anniversary; true when it was evaluated now. */
    boolean evaluate(UUID customerId);

    List<UUID> accountsToWarn(int limit);

    /** Publishes tier-downgrade-warning once per anniversary when the member would move down. */
    boolean warn(UUID customerId);
}
