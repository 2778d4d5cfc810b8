package dev.rapport.loyalty.application.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.loyalty.application.port.out.account.AccountRepository;
import dev.rapport.loyalty.application.port.out.account.LedgerRepository;
import dev.rapport.loyalty.application.port.out.account.RedemptionLog;
import dev.rapport.loyalty.application.port.out.event.LoyaltyEventPublisher;
import dev.rapport.loyalty.application.port.out.program.ProgramRepository;
import dev.rapport.loyalty.application.port.out.referral.ReferralRepository;
import dev.rapport.loyalty.application.port.out.reward.RewardRepository;
import dev.rapport.loyalty.application.service.account.AccountLedger;
import dev.rapport.loyalty.application.service.account.EarnPointsService;
import dev.rapport.loyalty.application.service.account.OpenAccountService;
import dev.rapport.loyalty.application.service.account.RedeemPointsService;
import dev.rapport.loyalty.application.service.account.ReferralLinks;
import dev.rapport.loyalty.application.service.account.ReversePointsService;
import dev.rapport.loyalty.application.service.program.Programs;
import dev.rapport.loyalty.domain.account.EntryType;
import dev.rapport.loyalty.domain.account.LedgerEntry;
import dev.rapport.loyalty.domain.account.LedgerTotals;
import dev.rapport.loyalty.domain.account.LoyaltyAccount;
import dev.rapport.loyalty.domain.account.PointLot;
import dev.rapport.loyalty.domain.account.Redemption;
import dev.rapport.loyalty.domain.program.ProgramRules;
import dev.rapport.loyalty.domain.program.ProgramVersion;
import dev.rapport.loyalty.domain.referral.Referral;
import dev.rapport.loyalty.domain.referral.ReferralStatus;
import dev.rapport.loyalty.domain.reward.Reward;

/** The application's services over in-memory out ports: the use cases' rules without a database. */
final class InMemoryLoyalty {

    final Map<UUID, LoyaltyAccount> accounts = new LinkedHashMap<>();
    final List<LedgerEntry> entries = new ArrayList<>();
    final Map<UUID, PointLot> lots = new LinkedHashMap<>();
    final List<Referral> referrals = new ArrayList<>();
    final Map<String, RedemptionLog.Stored> redemptions = new LinkedHashMap<>();
    final List<String> events = new ArrayList<>();
    /** The number of lots of each lot write, in order: one write per lot, or one for a batch's lots. */
    final List<Integer> lotWrites = new ArrayList<>();
    /** Reads of the tier window's qualifying points for a batch of members. */
    int windowReads;
    /** Reads of an account's open lots. */
    int openLotReads;
    /** Each account as it took a tier, in order: the tier history. */
    final List<LoyaltyAccount> tierHistory = new ArrayList<>();

    final AccountLedger ledger;
    final OpenAccountService open;
    final EarnPointsService earn;
    final RedeemPointsService redeem;
    final ReversePointsService reverse;

    InMemoryLoyalty(ProgramRules rules, Instant now) {
        Programs programs = new Programs(rules, new ProgramRepository() {
            public List<ProgramVersion> versions() {
                return List.of();
            }

            public ProgramVersion add(Instant effectiveFrom, ProgramRules r, Instant at) {
                throw new UnsupportedOperationException();
            }
        });
        ledger = new AccountLedger(new Accounts(), new Ledger(), new Events(), programs,
                Clock.fixed(now, ZoneOffset.UTC));
        ReferralLinks links = new ReferralLinks(ledger, new Referrals());
        open = new OpenAccountService(ledger, links);
        earn = new EarnPointsService(ledger, links);
        redeem = new RedeemPointsService(ledger, new Log(), new NoRewards());
        reverse = new ReversePointsService(ledger);
    }

    long ledgerSum(UUID id) {
        return entries.stream().filter(e -> e.customerId().equals(id)).mapToLong(LedgerEntry::points).sum();
    }

    final class Accounts implements AccountRepository {
        public Optional<LoyaltyAccount> find(UUID id) {
            return Optional.ofNullable(accounts.get(id));
        }

        public Optional<LoyaltyAccount> lock(UUID id) {
            return find(id);
        }

        public boolean insertIfAbsent(LoyaltyAccount a) {
            boolean inserted = accounts.putIfAbsent(a.customerId(), a) == null;
            if (inserted) {
                tierHistory.add(a);
            }
            return inserted;
        }

        public void update(LoyaltyAccount a) {
            LoyaltyAccount before = accounts.put(a.customerId(), a);
            if (before == null || !before.tier().equals(a.tier())) {
                tierHistory.add(a);
            }
        }

        public Optional<String> tierAt(UUID id, Instant at) {
            return tierHistory.stream().filter(a -> a.customerId().equals(id) && !a.tierSince().isAfter(at))
                    .reduce((first, second) -> second).map(LoyaltyAccount::tier);
        }

        public Optional<LoyaltyAccount> findByReferralCode(String code) {
            return accounts.values().stream().filter(a -> code.equals(a.referralCode())).findFirst();
        }

        public List<UUID> mergedInto(UUID id) {
            return accounts.values().stream().filter(a -> id.equals(a.mergedInto())).map(LoyaltyAccount::customerId).toList();
        }

        public List<UUID> withExpiryDue(Instant now, int limit) {
            return List.of();
        }

        public List<UUID> withExpiryBefore(Instant now, Instant until, int limit) {
            return List.of();
        }

        public List<UUID> withBirthdayDue(LocalDate today, int graceDays, int limit) {
            return List.of();
        }
    }

    final class Ledger implements LedgerRepository {
        public void append(LedgerEntry entry) {
            entries.add(entry);
        }

        public Page<LedgerEntry> page(UUID id, PageRequest request) {
            return new Page<>(entries.stream().filter(e -> e.customerId().equals(id)).toList(), null);
        }

        public boolean hasEntry(UUID id, EntryType type, String sourceId) {
            return entries.stream().anyMatch(e -> e.customerId().equals(id) && e.type() == type
                    && sourceId.equals(e.sourceId()));
        }

        public List<PointLot> openLots(UUID id) {
            openLotReads++;
            return lots.values().stream().filter(l -> l.customerId().equals(id) && l.remaining() > 0).toList();
        }

        public Optional<PointLot> lotForOrder(UUID id, String orderId) {
            return lots.values().stream().filter(l -> l.customerId().equals(id) && orderId.equals(l.orderId())).findFirst();
        }

        public void insertLot(PointLot lot) {
            lots.put(lot.id(), lot);
            lotWrites.add(1);
        }

        public void insertLots(List<PointLot> batch) {
            batch.forEach(l -> lots.put(l.id(), l));
            lotWrites.add(batch.size());
        }

        public void updateLots(Collection<PointLot> changed) {
            changed.forEach(l -> lots.put(l.id(), l));
        }

        public void moveLots(UUID from, UUID to) {
            throw new UnsupportedOperationException();
        }

        public Map<UUID, Long> qualifyingPoints(Collection<UUID> owners, Instant windowStart) {
            windowReads++;
            Map<UUID, Long> points = new LinkedHashMap<>();
            for (UUID owner : owners) {
                List<UUID> members = new ArrayList<>(ledger.accounts().mergedInto(owner));
                members.add(owner);
                points.put(owner, totals(members, windowStart).qualifying());
            }
            return points;
        }

        public LedgerTotals totals(Collection<UUID> ids, Instant windowStart) {
            long earned = entries.stream().filter(e -> ids.contains(e.customerId()) && e.type().countsAsEarned())
                    .mapToLong(LedgerEntry::points).sum();
            return new LedgerTotals(0, 0, earned, earned);
        }
    }

    final class Referrals implements ReferralRepository {
        public void insert(Referral r) {
            referrals.add(r);
        }

        public void update(Referral r) {
            referrals.replaceAll(existing -> existing.id().equals(r.id()) ? r : existing);
        }

        public Optional<Referral> activeForReferee(UUID id) {
            return referrals.stream().filter(r -> r.refereeId().equals(id) && r.status() != ReferralStatus.REJECTED)
                    .findFirst();
        }

        public long countActiveForAdvocate(UUID id) {
            return referrals.stream().filter(r -> id.equals(r.advocateId()) && r.status() != ReferralStatus.REJECTED).count();
        }

        public Page<Referral> page(UUID id, PageRequest request) {
            return new Page<>(referrals, null);
        }
    }

    final class Log implements RedemptionLog {
        public Optional<Stored> find(UUID id, String key) {
            return Optional.ofNullable(redemptions.get(id + key));
        }

        public void save(UUID id, String key, String fingerprint, Redemption redemption) {
            redemptions.put(id + key, new Stored(fingerprint, redemption));
        }
    }

    static final class NoRewards implements RewardRepository {
        public void insert(Reward reward) {
        }

        public boolean update(Reward reward) {
            return false;
        }

        public Optional<Reward> find(UUID id) {
            return Optional.empty();
        }

        public Page<Reward> page(PageRequest request) {
            return new Page<>(List.of(), null);
        }

        public boolean delete(UUID id) {
            return false;
        }

        public Taken takeOne(UUID id) {
            return new Taken(false, 0L);
        }
    }

    final class Events implements LoyaltyEventPublisher {
        public void pointsEarned(LedgerEntry entry, PointLot lot, String orderId) {
            events.add("points-earned " + entry.customerId() + " " + entry.points());
        }

        public void pointsRedeemed(LedgerEntry entry, UUID rewardId) {
            events.add("points-redeemed " + entry.customerId() + " " + -entry.points());
        }

        public void pointsReversed(LedgerEntry entry, String orderId, UUID returnId) {
            events.add("points-reversed " + entry.customerId());
        }

        public void pointsExpired(LedgerEntry entry) {
            events.add("points-expired " + entry.customerId() + " " + -entry.points());
        }

        public void pointsExpiring(UUID customerId, long points, Instant expiresAt, Instant now) {
            events.add("points-expiring " + customerId);
        }

        public void tierChanged(UUID customerId, String previousTier, String tier, boolean up, long q, Instant now) {
            events.add("tier-changed " + customerId + " " + tier);
        }

        public void tierDowngradeWarning(UUID customerId, String tier, String downgradeTo, long pointsToRetain,
                                         LocalDate evaluatedOn, Instant now) {
            events.add("tier-downgrade-warning " + customerId);
        }

        public void referralCompleted(UUID referralId, UUID advocateId, UUID refereeId, long a, long r, Instant now) {
            events.add("referral-completed " + refereeId);
        }

        public void referralRejected(UUID referralId, UUID refereeId, String reason, Instant now) {
            events.add("referral-rejected " + refereeId + " " + reason);
        }

        public void rewardRedeemed(UUID customerId, UUID rewardId, UUID entryId, long points, Long stock, Instant now) {
            events.add("reward-redeemed " + customerId);
        }

        public void pointsAdjusted(LedgerEntry entry, Instant expiresAt) {
            events.add("points-adjusted " + entry.customerId() + " " + entry.points());
        }

        public void erasureConfirmed(UUID customerId, UUID erasureId, Instant now) {
            events.add("erasure-confirmed " + customerId);
        }
    }

    static BigDecimal money(String value) {
        return new BigDecimal(value);
    }
}
