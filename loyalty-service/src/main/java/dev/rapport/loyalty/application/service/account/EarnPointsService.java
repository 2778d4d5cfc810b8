package dev.rapport.loyalty.application.service.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.kernel.InvalidInputException;
import dev.rapport.loyalty.application.port.in.account.EarnPointsCommand;
import dev.rapport.loyalty.application.port.in.account.EarnPointsUseCase;
import dev.rapport.loyalty.application.port.out.account.LedgerRepository.OrderKey;
import dev.rapport.loyalty.application.port.out.event.LoyaltyEventPublisher.Earned;
import dev.rapport.loyalty.application.port.out.event.LoyaltyEventPublisher.Expired;
import dev.rapport.loyalty.application.port.out.event.LoyaltyEventPublisher.Moved;
import dev.rapport.loyalty.domain.account.AccountStatus;
import dev.rapport.loyalty.domain.account.EntryType;
import dev.rapport.loyalty.domain.account.LedgerEntry;
import dev.rapport.loyalty.domain.account.LoyaltyAccount;
import dev.rapport.loyalty.domain.account.PointLot;
import dev.rapport.loyalty.domain.program.ProgramHistory;
import dev.rapport.loyalty.domain.program.ProgramRules;
import dev.rapport.loyalty.domain.program.TierRule;

/**
 * Points for a purchase, by the rules in force on the purchase's date and with the multiplier of the tier
 * the member held on that date: a purchase older than the expiry period earns and expires at once, and
 * counts in the tier only inside the rolling window.
 */
@ApplicationScoped
public class EarnPointsService implements EarnPointsUseCase {

    private final AccountLedger ledger;
    private final ReferralLinks referrals;

    public EarnPointsService(AccountLedger ledger, ReferralLinks referrals) {
        this.ledger = ledger;
        this.referrals = referrals;
    }

    @Override
    @Transactional
    public void earn(EarnPointsCommand command) {
        validate(command);
        LoyaltyAccount account = ledger.follow(ledger.lockOrOpen(command.customerId()));
        if (account.status() != AccountStatus.ACTIVE) {
            return; // erased: no more points
        }
        if (ledger.entries().lotForOrder(account.customerId(), command.orderId()).isPresent()
                || ledger.entries().hasEntry(account.customerId(), EntryType.EARN, command.orderId())) {
            return; // already earned: a replay or a redelivery
        }
        Instant occurredAt = command.occurredAt();
        ProgramRules rules = ledger.programs().rulesAt(occurredAt);
        long points = rules.pointsFor(command.total(), command.currency(), ledger.tierAt(account, occurredAt, rules));
        AccountLedger.Credited credited = ledger.credit(account, EntryType.EARN, points,
                "purchase " + command.orderId(), "order", command.orderId(), null, occurredAt,
                rules.availableAt(occurredAt), rules.expiresAt(occurredAt), command.orderId(), command.total());
        ledger.events().pointsEarned(credited.entry(), credited.lot(), command.orderId());
        account = credited.account();
        if (account.firstPurchaseAt() == null) {
            account = account.withFirstPurchase(occurredAt, ledger.now());
            ledger.accounts().update(account);
            account = referrals.completeOnFirstPurchase(account);
        }
        account = ledger.expireDue(account);
        ledger.evaluateTier(account, false);
    }

    /**
     * The same rules as {@link #earn}, with the reads and writes shared: accounts locked, earned orders,
     * tiers at the purchases' dates and points due to expire are each read with one statement for all
     * purchases, entries, lots, account balances and events written in one batch each. A member's first
     * purchase, and a purchase older than the expiry period (it earns and expires at once), are earned here
     * too, as {@link #earn} does it. A member whose purchases need more than that (no account yet, merged
     * or erased, a first purchase that completes a referral, other points due to expire) goes through
     * {@link #earn}, one purchase at a time, in the same transaction.
     */
    @Override
    @Transactional
    public void earnAll(List<EarnPointsCommand> commands) {
        commands.forEach(EarnPointsService::validate);
        Map<UUID, List<EarnPointsCommand>> byCustomer = new LinkedHashMap<>();
        for (EarnPointsCommand command : commands) {
            byCustomer.computeIfAbsent(command.customerId(), id -> new ArrayList<>()).add(command);
        }
        Instant now = ledger.now();
        Map<UUID, LoyaltyAccount> locked = ledger.accounts().lockAll(byCustomer.keySet());
        Set<UUID> expiryDue = ledger.entries().withExpiryDue(locked.keySet(), now);
        Set<UUID> referred = referrals.awaitingFirstPurchase(locked.values().stream()
                .filter(a -> a.firstPurchaseAt() == null).map(LoyaltyAccount::customerId).toList());
        ProgramHistory history = ledger.programs().history();

        List<EarnPointsCommand> simple = new ArrayList<>();
        List<EarnPointsCommand> others = new ArrayList<>();
        byCustomer.forEach((customerId, purchases) -> {
            LoyaltyAccount account = locked.get(customerId);
            boolean isSimple = account != null && account.isActive() && !referred.contains(customerId)
                    && !expiryDue.contains(customerId);
            (isSimple ? simple : others).addAll(purchases);
        });

        if (!simple.isEmpty()) {
            earnSimple(simple, locked, history, now);
        }
        for (EarnPointsCommand command : others) {
            earn(command);
        }
    }

    private void earnSimple(List<EarnPointsCommand> purchases, Map<UUID, LoyaltyAccount> locked, ProgramHistory history,
                            Instant now) {
        Set<OrderKey> earned = new HashSet<>(ledger.entries().earnedOrders(
                purchases.stream().map(p -> new OrderKey(p.customerId(), p.orderId())).toList()));
        List<String> tiers = ledger.accounts().tiersAt(purchases.stream().map(EarnPointsCommand::customerId).toList(),
                purchases.stream().map(EarnPointsCommand::occurredAt).toList());
        Map<UUID, LoyaltyAccount> changed = new LinkedHashMap<>();
        List<LedgerEntry> entries = new ArrayList<>();
        List<PointLot> lots = new ArrayList<>();
        List<Moved> events = new ArrayList<>();
        ProgramRules current = history.at(now).rules();
        Instant windowStart = current.tierWindowStart(now);
        Set<UUID> earnedInWindow = new HashSet<>();
        for (int i = 0; i < purchases.size(); i++) {
            EarnPointsCommand p = purchases.get(i);
            if (!earned.add(new OrderKey(p.customerId(), p.orderId()))) {
                continue; // already earned, before or earlier in this batch
            }
            LoyaltyAccount account = changed.getOrDefault(p.customerId(), locked.get(p.customerId()));
            ProgramRules rules = history.at(p.occurredAt()).rules();
            String tier = tiers.get(i) != null ? tiers.get(i) : rules.lowestTier().name();
            long points = rules.pointsFor(p.total(), p.currency(), tier);
            AccountLedger.Credited credited = AccountLedger.credited(account, EntryType.EARN, points,
                    "purchase " + p.orderId(), "order", p.orderId(), null, p.occurredAt(),
                    rules.availableAt(p.occurredAt()), rules.expiresAt(p.occurredAt()), p.orderId(), p.total(), now);
            entries.add(credited.entry());
            events.add(new Earned(credited.entry(), credited.lot(), p.orderId()));
            account = credited.account();
            PointLot lot = credited.lot();
            if (!p.occurredAt().isBefore(windowStart)) {
                earnedInWindow.add(account.customerId());
            }
            if (lot.isExpiredAt(now) && lot.remaining() > 0) {
                // Older than the expiry period: what the debt did not take expires at once, as earn() does it.
                AccountLedger.Debited expiry = AccountLedger.expiredAtOnce(account, lot, now);
                entries.add(expiry.entry());
                events.add(new Expired(expiry.entry()));
                account = expiry.account();
                lot = lot.expire();
            }
            lots.add(lot);
            if (account.firstPurchaseAt() == null) {
                account = account.withFirstPurchase(p.occurredAt(), now);
            }
            changed.put(account.customerId(), account);
        }
        if (entries.isEmpty()) {
            return;
        }
        ledger.entries().appendAll(entries);
        ledger.entries().insertLots(lots);
        ledger.accounts().updateBalances(List.copyOf(changed.values()));
        ledger.events().pointsMovedAll(events);

        // Only a member who reached a higher tier needs the full evaluation (it writes and publishes):
        // members at the top tier cannot, nor members whose purchases here are all older than the tier
        // window (they add nothing to it). A member whose tier left the program is evaluated anyway.
        List<TierRule> ladder = current.tiers();
        Map<UUID, Long> needed = new LinkedHashMap<>();
        List<LoyaltyAccount> evaluate = new ArrayList<>();
        for (LoyaltyAccount account : changed.values()) {
            TierRule held = current.tier(account.tier());
            if (!held.name().equals(account.tier())) {
                evaluate.add(account);
                continue;
            }
            if (!earnedInWindow.contains(account.customerId())) {
                continue;
            }
            ladder.subList(current.rank(held.name()) + 1, ladder.size()).stream().mapToLong(TierRule::threshold).min()
                    .ifPresent(threshold -> needed.put(account.customerId(), threshold));
        }
        if (!needed.isEmpty()) {
            Set<UUID> climbing = ledger.entries().reaching(needed, windowStart);
            changed.values().stream().filter(a -> climbing.contains(a.customerId())).forEach(evaluate::add);
        }
        for (LoyaltyAccount account : evaluate) {
            ledger.evaluateTier(account, false);
        }
    }

    private static void validate(EarnPointsCommand command) {
        if (command.orderId() == null || command.orderId().isBlank() || command.occurredAt() == null) {
            throw InvalidInputException.of("orderId", "a purchase needs an order id and a date");
        }
    }
}
