package dev.rapport.loyalty.application.port.in.account;

import java.util.List;
import java.util.UUID;

public interface RemindExpiringPointsUseCase {

    List<UUID> accountsToRemind(int limit);

    /** Publishes points-expiring once per account and expiry date. */
    boolean remind(UUID customerId);
}
