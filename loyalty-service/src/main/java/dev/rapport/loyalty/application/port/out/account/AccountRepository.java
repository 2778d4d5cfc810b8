package dev.rapport.loyalty.application.port.out.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.rapport.loyalty.domain.account.LoyaltyAccount;

public interface AccountRepository {

    Optional<LoyaltyAccount> find(UUID customerId);

    /** Reads and row-locks the account until the transaction ends: every change of an account goes through it. */
    Optional<LoyaltyAccount> lock(UUID customerId);

    /** Inserts unless an account of that customer exists; true when inserted. */
    boolean insertIfAbsent(LoyaltyAccount account);

    void update(LoyaltyAccount account);

    Optional<LoyaltyAccount> findByReferralCode(String code);

    /** Accounts merged into {@code survivorId}. */
    List<UUID> mergedInto(UUID survivorId);

    List<UUID> withExpiryDue(Instant now, int limit);

    /** Active accounts with unspent points expiring before {@code until} and no reminder for that expiry yet. */
    List<UUID> withExpiryBefore(Instant now, Instant until, int limit);

    /** Active accounts whose birthday of {@code today}'s year falls in [today - graceDays, today], no bonus that year. */
    List<UUID> withBirthdayDue(LocalDate today, int graceDays, int limit);
}
