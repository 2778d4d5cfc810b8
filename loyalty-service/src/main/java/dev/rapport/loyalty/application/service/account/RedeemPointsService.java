package dev.rapport.loyalty.application.service.account;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.kernel.ConflictException;
import dev.rapport.kernel.FieldViolation;
import dev.rapport.kernel.RuleViolationException;
import dev.rapport.kernel.Texts;
import dev.rapport.kernel.Violations;
import dev.rapport.loyalty.application.port.in.account.RedeemPointsCommand;
import dev.rapport.loyalty.application.port.in.account.RedeemPointsUseCase;
import dev.rapport.loyalty.application.port.out.account.RedemptionLog;
import dev.rapport.loyalty.application.port.out.reward.RewardRepository;
import dev.rapport.loyalty.domain.account.AccountClosedException;
import dev.rapport.loyalty.domain.account.EntryType;
import dev.rapport.loyalty.domain.account.IdempotencyKeyReusedException;
import dev.rapport.loyalty.domain.account.LoyaltyAccount;
import dev.rapport.loyalty.domain.account.PointLot;
import dev.rapport.loyalty.domain.account.Redemption;
import dev.rapport.loyalty.domain.program.ProgramRules;
import dev.rapport.loyalty.domain.reward.Reward;
import dev.rapport.loyalty.domain.reward.RewardNotFoundException;

/**
 * Spends points under the account's row lock, so concurrent redemptions are serialised and never
 * overspend. The answer is stored with the Idempotency-Key in the same transaction: a retry with the
 * same key and body gets it again; the same key with another body is refused (422). A refused
 * redemption (409) stores nothing, so its key can be retried later.
 */
@ApplicationScoped
public class RedeemPointsService implements RedeemPointsUseCase {

    public static final int KEY_MAX = 200;
    public static final int REASON_MAX = 500;
    public static final long POINTS_MAX = 10_000_000L;

    private final AccountLedger ledger;
    private final RedemptionLog log;
    private final RewardRepository rewards;

    public RedeemPointsService(AccountLedger ledger, RedemptionLog log, RewardRepository rewards) {
        this.ledger = ledger;
        this.log = log;
        this.rewards = rewards;
    }

    @Override
    @Transactional
    public Redemption redeem(RedeemPointsCommand command) {
        validate(command);
        LoyaltyAccount account = ledger.lockExisting(command.customerId());
        Optional<RedemptionLog.Stored> stored = log.find(command.customerId(), command.idempotencyKey());
        if (stored.isPresent()) {
            if (stored.get().requestFingerprint().equals(command.fingerprint())) {
                return stored.get().redemption();
            }
            throw new IdempotencyKeyReusedException();
        }
        if (!account.isActive()) {
            throw new AccountClosedException(account);
        }
        // The open lots are read once, under the account's lock: expiry, spending and the answer share them.
        List<PointLot> lots = ledger.entries().openLots(account.customerId());
        account = ledger.expireDue(account, lots);
        Instant now = ledger.now();
        Reward reward = command.rewardId() == null ? null : rewardFor(command.rewardId(), account, now);
        long points = reward == null ? command.points() : reward.pointsCost();
        String reason = command.reason() != null ? command.reason().strip()
                : reward != null ? "reward " + reward.name() : "redemption";
        long availableBefore = ledger.available(account, lots, now);
        AccountLedger.Debited debited = ledger.spend(account, lots, EntryType.REDEEM, points, reason,
                reward == null ? "redemption" : "reward",
                reward == null ? command.idempotencyKey() : reward.id().toString(), null);
        if (reward != null) {
            RewardRepository.Taken taken = rewards.takeOne(reward.id());
            if (!taken.taken()) {
                throw new ConflictException("reward-out-of-stock", "Reward out of stock",
                        "reward " + reward.id() + " has no stock left", Map.of("rewardId", reward.id().toString(), "stock", 0));
            }
            ledger.events().rewardRedeemed(account.customerId(), reward.id(), debited.entry().id(), points,
                    taken.remainingStock(), now);
        }
        // A redemption takes exactly its points from available lots and leaves the debt as it was.
        long available = availableBefore - points;
        Redemption redemption = new Redemption(debited.entry().id(), account.customerId(), points,
                reward == null ? null : reward.id(), reason, debited.account().balance(), available, now);
        log.save(account.customerId(), command.idempotencyKey(), command.fingerprint(), redemption);
        ledger.events().pointsRedeemed(debited.entry(), redemption.rewardId());
        return redemption;
    }

    private Reward rewardFor(UUID rewardId, LoyaltyAccount account, Instant now) {
        Reward reward = rewards.find(rewardId).orElseThrow(() -> new RewardNotFoundException(rewardId));
        if (!reward.isValidAt(now)) {
            throw new RuleViolationException("reward-not-available", "Reward not available",
                    "reward " + rewardId + " can be redeemed only within its validity window",
                    List.of(new FieldViolation("rewardId", "is outside its validity window")), Map.of());
        }
        if (reward.minimumTier() != null) {
            ProgramRules rules = ledger.programs().rulesAt(now);
            if (rules.rank(account.tier()) < rules.rank(reward.minimumTier())) {
                throw new RuleViolationException("tier-too-low", "Tier too low", "reward " + rewardId
                        + " needs tier " + reward.minimumTier() + " or higher; the member is " + account.tier(),
                        List.of(new FieldViolation("rewardId", "needs a higher tier")),
                        Map.of("minimumTier", reward.minimumTier(), "tier", account.tier()));
            }
        }
        return reward;
    }

    private static void validate(RedeemPointsCommand command) {
        Violations violations = new Violations();
        violations.check("Idempotency-Key", () -> Texts.required(command.idempotencyKey(), KEY_MAX));
        violations.check("reason", () -> Texts.optional(command.reason(), REASON_MAX));
        if (command.points() == null && command.rewardId() == null) {
            violations.add("points", "is required unless rewardId is given");
        } else if (command.points() != null && command.rewardId() != null) {
            violations.add("points", "must not be given with rewardId (the reward's cost is redeemed)");
        } else if (command.points() != null && (command.points() < 1 || command.points() > POINTS_MAX)) {
            violations.add("points", "must be from 1 to " + POINTS_MAX);
        }
        violations.throwIfAny();
    }
}
