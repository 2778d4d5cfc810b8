package dev.rapport.loyalty.application.port.out.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.rapport.loyalty.domain.account.LoyaltyAccount;

public interface AccountRepository {

    Optional<LoyaltyAccount> find(UUID customerId);

    /** Reads and row-locks the account until the transaction ends: every change of an account goes through it. */
    Optional<LoyaltyAccount> lock(UUID customerId);

    /** Reads and row-locks the existing accounts among {@code customerIds}, in id order (one statement). */
    default Map<UUID, LoyaltyAccount> lockAll(Collection<UUID> customerIds) {
        Map<UUID, LoyaltyAccount> locked = new LinkedHashMap<>();
        customerIds.stream().sorted().forEach(id -> lock(id).ifPresent(a -> locked.put(id, a)));
        return locked;
    }

    /** The tier the member held at {@code at} (tier history); empty before the account held any. */
    Optional<String> tierAt(UUID customerId, Instant at);

    /** {@link #tierAt} for each pair of the two lists, in list order (null where empty). */
    default List<String> tiersAt(List<UUID> customerIds, List<Instant> instants) {
        List<String> tiers = new ArrayList<>();
        for (int i = 0; i < customerIds.size(); i++) {
            tiers.add(tierAt(customerIds.get(i), instants.get(i)).orElse(null));
        }
        return tiers;
    }

    /** Inserts unless an account of that customer exists; true when inserted. */
    boolean insertIfAbsent(LoyaltyAccount account);

    void update(LoyaltyAccount account);

    /**
     * Stores balance, debt, first purchase and updated-at of each account (nothing else of them changed; a
     * first purchase already stored stays).
     */
    default void updateBalances(List<LoyaltyAccount> accounts) {
        accounts.forEach(this::update);
    }

    Optional<LoyaltyAccount> findByReferralCode(String code);

    /** Accounts merged into {@code survivorId}. */
    List<UUID> mergedInto(UUID survivorId);

    List<UUID> withExpiryDue(Instant now, int limit);

    /** Active accounts with unspent points expiring before {@code until} and no reminder for that expiry yet. */
    List<UUID> withExpiryBefore(Instant now, Instant until, int limit);

    /** Active accounts whose birthday of {@code today}'s year falls in [today - graceDays, today], no bonus that year. */
    List<UUID> withBirthdayDue(LocalDate today, int graceDays, int limit);
}
