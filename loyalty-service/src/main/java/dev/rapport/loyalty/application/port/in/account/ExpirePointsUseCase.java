package dev.rapport.loyalty.application.port.in.account;

import java.util.List;
import java.util.UUID;

public interface ExpirePointsUseCase {

    /** Accounts holding points whose expiry date has passed. */
    List<UUID> accountsWithDueExpiry(int limit);

    /** Records the expiry of the account's due points (nothing when none are due: safe to repeat). */
    long expire(UUID customerId);
}
