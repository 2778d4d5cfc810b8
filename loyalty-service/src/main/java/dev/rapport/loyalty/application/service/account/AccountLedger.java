package dev.rapport.loyalty.application.service.account;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.kernel.TimeOrderedIds;
import dev.rapport.loyalty.application.port.out.account.AccountRepository;
import dev.rapport.loyalty.application.port.out.account.LedgerRepository;
import dev.rapport.loyalty.application.port.out.event.LoyaltyEventPublisher;
import dev.rapport.loyalty.application.service.program.Programs;
import dev.rapport.loyalty.domain.account.AccountNotFoundException;
import dev.rapport.loyalty.domain.account.AccountStatus;
import dev.rapport.loyalty.domain.account.EntryType;
import dev.rapport.loyalty.domain.account.InsufficientPointsException;
import dev.rapport.loyalty.domain.account.LedgerEntry;
import dev.rapport.loyalty.domain.account.LedgerTotals;
import dev.rapport.loyalty.domain.account.Lots;
import dev.rapport.loyalty.domain.account.LoyaltyAccount;
import dev.rapport.loyalty.domain.account.PointLot;
import dev.rapport.loyalty.domain.program.ProgramRules;
import dev.rapport.loyalty.domain.program.TierRule;

/**
 * The one place where points move. Every method expects the caller's transaction to hold the
 * account's row lock ({@link #lockOrOpen}, {@link #lockExisting}): entries, lots and the account's
 * balance change together, so the balance is always the sum of the ledger.
 */
@ApplicationScoped
public class AccountLedger {

    private static final int MAX_MERGE_HOPS = 8;

    /** Reason and source type of an expiry's entry. */
    private static final String EXPIRY_REASON = "points past their expiry date";
    private static final String EXPIRY_SOURCE = "expiry";

    private final AccountRepository accounts;
    private final LedgerRepository ledger;
    private final LoyaltyEventPublisher events;
    private final Programs programs;
    private final Clock clock;

    public AccountLedger(AccountRepository accounts, LedgerRepository ledger, LoyaltyEventPublisher events,
                         Programs programs, Clock clock) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.events = events;
        this.programs = programs;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Locks the customer's account, opening it first when it does not exist yet. */
    public LoyaltyAccount lockOrOpen(UUID customerId) {
        Optional<LoyaltyAccount> locked = accounts.lock(customerId);
        if (locked.isPresent()) {
            return locked.get();
        }
        Instant now = now();
        accounts.insertIfAbsent(LoyaltyAccount.open(customerId, programs.rulesAt(now).lowestTier().name(), now));
        return accounts.lock(customerId).orElseThrow();
    }

    public LoyaltyAccount lockExisting(UUID customerId) {
        return accounts.lock(customerId).orElseThrow(() -> new AccountNotFoundException(customerId));
    }

    /** The account that now holds what {@code account} had: itself, or the survivor of its merge (locked). */
    public LoyaltyAccount follow(LoyaltyAccount account) {
        LoyaltyAccount current = account;
        for (int hop = 0; hop < MAX_MERGE_HOPS && current.status() == AccountStatus.MERGED
                && current.mergedInto() != null; hop++) {
            current = lockOrOpen(current.mergedInto());
        }
        return current;
    }

    public record Credited(LoyaltyAccount account, LedgerEntry entry, PointLot lot) {
    }

    public record Debited(LoyaltyAccount account, LedgerEntry entry) {
    }

    /** A credit: one entry and one lot; an open debt is repaid from it first. */
    public Credited credit(LoyaltyAccount account, EntryType type, long points, String reason, String sourceType,
                           String sourceId, String agent, Instant earnedAt, Instant availableAt, Instant expiresAt,
                           String orderId, BigDecimal orderTotal) {
        Credited credited = credited(account, type, points, reason, sourceType, sourceId, agent, earnedAt, availableAt,
                expiresAt, orderId, orderTotal, now());
        ledger.append(credited.entry());
        ledger.insertLot(credited.lot());
        accounts.update(credited.account());
        return credited;
    }

    /** {@link #credit} without writing anything (a batch writes its credits together), recorded at {@code now}. */
    public static Credited credited(LoyaltyAccount account, EntryType type, long points, String reason,
                                    String sourceType, String sourceId, String agent, Instant earnedAt,
                                    Instant availableAt, Instant expiresAt, String orderId, BigDecimal orderTotal,
                                    Instant now) {
        long repay = Math.min(account.debt(), points);
        LedgerEntry entry = new LedgerEntry(TimeOrderedIds.next(), account.customerId(), type, points,
                account.balance() + points, reason, sourceType, sourceId, agent, earnedAt, now);
        PointLot lot = new PointLot(TimeOrderedIds.next(), account.customerId(), entry.id(), points, points - repay,
                availableAt, expiresAt, orderId, orderTotal, BigDecimal.ZERO, 0, 0);
        return new Credited(account.withBalance(account.balance() + points, account.debt() - repay, now), entry, lot);
    }

    /**
     * The tier whose multiplier a purchase of {@code at} earns with: the one the member held on that date
     * (tier history), the program's lowest before the member held any.
     */
    public String tierAt(LoyaltyAccount account, Instant at, ProgramRules rules) {
        return accounts.tierAt(account.customerId(), at).orElse(rules.lowestTier().name());
    }

    /** Points the member can spend now: available lots less any debt (negative when the debt is larger). */
    public long available(LoyaltyAccount account, List<PointLot> lots, Instant now) {
        return Lots.available(lots, now) - account.debt();
    }

    /** Spends available points, oldest expiry first; refuses with 409 when fewer are available. */
    public Debited spend(LoyaltyAccount account, EntryType type, long points, String reason, String sourceType,
                         String sourceId, String agent) {
        return spend(account, ledger.openLots(account.customerId()), type, points, reason, sourceType, sourceId, agent);
    }

    /** {@link #spend} from {@code lots}, the account's open lots as read under its lock in this transaction. */
    public Debited spend(LoyaltyAccount account, List<PointLot> lots, EntryType type, long points, String reason,
                         String sourceType, String sourceId, String agent) {
        Instant now = now();
        long available = available(account, lots, now);
        if (points > available) {
            throw new InsufficientPointsException(points, Math.max(0, available));
        }
        Lots.Taking taking = Lots.take(lots, points, lot -> lot.isAvailableAt(now));
        ledger.updateLots(taking.changed());
        return debit(account, type, points, 0, reason, sourceType, sourceId, agent, now);
    }

    /**
     * Takes points back (a return) for {@code orderLot}, its order's lot as the return left it: what remains
     * of that lot, then what expired from it (already lost: not taken twice), then any other unexpired lot
     * (pending ones included); what is still missing becomes debt and the balance goes negative.
     * @return the debit, or empty when the order's expired points covered it all (nothing to debit)
     */
    public Optional<Debited> takeBack(LoyaltyAccount account, EntryType type, long points, PointLot orderLot,
                                      String reason, String sourceType, String sourceId, Instant occurredAt) {
        Lots.TakingBack taking = Lots.takeBack(ledger.openLots(account.customerId()), points, orderLot, now());
        ledger.updateLots(taking.changed());
        if (taking.debited() == 0) {
            return Optional.empty();
        }
        return Optional.of(debit(account, type, taking.debited(), taking.shortfall(), reason, sourceType, sourceId,
                null, occurredAt));
    }

    private Debited debit(LoyaltyAccount account, EntryType type, long points, long newDebt, String reason,
                          String sourceType, String sourceId, String agent, Instant occurredAt) {
        Debited debited = debited(account, type, points, newDebt, reason, sourceType, sourceId, agent, occurredAt, now());
        ledger.append(debited.entry());
        accounts.update(debited.account());
        return debited;
    }

    /**
     * A debit of {@code points} without writing anything (a batch writes its debits together), recorded at
     * {@code now}; {@code newDebt} of them could not be covered by lots and is added to the account's debt.
     */
    public static Debited debited(LoyaltyAccount account, EntryType type, long points, long newDebt, String reason,
                                  String sourceType, String sourceId, String agent, Instant occurredAt, Instant now) {
        LedgerEntry entry = new LedgerEntry(TimeOrderedIds.next(), account.customerId(), type, -points,
                account.balance() - points, reason, sourceType, sourceId, agent, occurredAt, now);
        return new Debited(account.withBalance(account.balance() - points, account.debt() + newDebt, now), entry);
    }

    /** The expiry of a lot earned past its date (a batch's old purchase) without writing anything. */
    public static Debited expiredAtOnce(LoyaltyAccount account, PointLot lot, Instant now) {
        return debited(account, EntryType.EXPIRE, lot.remaining(), 0, EXPIRY_REASON, EXPIRY_SOURCE, null, null, now, now);
    }

    /** Records the expiry of every lot past its date (one entry for all of them); returns the account after it. */
    public LoyaltyAccount expireDue(LoyaltyAccount account) {
        return expireDue(account, ledger.openLots(account.customerId()));
    }

    /**
     * {@link #expireDue} from {@code lots}, the account's open lots as read under its lock in this
     * transaction. Expired lots are never available, so the same list still serves a {@link #spend} after it.
     */
    public LoyaltyAccount expireDue(LoyaltyAccount account, List<PointLot> lots) {
        Instant now = now();
        List<PointLot> due = lots.stream().filter(l -> l.isExpiredAt(now)).toList();
        long points = due.stream().mapToLong(PointLot::remaining).sum();
        if (points == 0) {
            return account;
        }
        ledger.updateLots(due.stream().map(PointLot::expire).toList());
        Debited debited = debit(account, EntryType.EXPIRE, points, 0, EXPIRY_REASON, EXPIRY_SOURCE, null, null, now);
        events.pointsExpired(debited.entry());
        return debited.account();
    }

    /** Earned points in the rolling tier window of the account and of the accounts merged into it. */
    public LedgerTotals totals(LoyaltyAccount account, ProgramRules rules, Instant now) {
        List<UUID> ids = new ArrayList<>();
        ids.add(account.customerId());
        ids.addAll(accounts.mergedInto(account.customerId()));
        return ledger.totals(ids, rules.tierWindowStart(now));
    }

    /**
     * Moves the member up as soon as the points earned in the window reach a higher tier. With
     * {@code mayDowngrade} (the anniversary evaluation) a member below the tier's threshold moves down one tier.
     */
    public LoyaltyAccount evaluateTier(LoyaltyAccount account, boolean mayDowngrade) {
        Instant now = now();
        ProgramRules rules = programs.rulesAt(now);
        long qualifying = totals(account, rules, now).qualifying();
        TierRule current = rules.tier(account.tier());
        TierRule reached = rules.tierFor(qualifying);
        int currentRank = rules.rank(current.name());
        int reachedRank = rules.rank(reached.name());
        TierRule target;
        if (reachedRank > currentRank) {
            target = reached;
        } else if (mayDowngrade && reachedRank < currentRank) {
            target = rules.tiers().get(currentRank - 1);
        } else if (!current.name().equals(account.tier())) {
            target = current; // the tier was removed from the program: the member holds its nearest equivalent
        } else {
            return account;
        }
        LoyaltyAccount updated = account.withTier(target.name(), now);
        accounts.update(updated);
        events.tierChanged(account.customerId(), account.tier(), target.name(),
                rules.rank(target.name()) >= currentRank, qualifying, now);
        return updated;
    }

    public Programs programs() {
        return programs;
    }

    public LedgerRepository entries() {
        return ledger;
    }

    public AccountRepository accounts() {
        return accounts;
    }

    public LoyaltyEventPublisher events() {
        return events;
    }
}
