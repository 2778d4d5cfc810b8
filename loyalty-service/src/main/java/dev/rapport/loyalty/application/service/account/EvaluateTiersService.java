package dev.rapport.loyalty.application.service.account;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.loyalty.application.port.in.account.EvaluateTiersUseCase;
import dev.rapport.loyalty.application.port.out.account.TierEvaluations;
import dev.rapport.loyalty.domain.account.Anniversaries;
import dev.rapport.loyalty.domain.account.LoyaltyAccount;
import dev.rapport.loyalty.domain.program.ProgramRules;
import dev.rapport.loyalty.domain.program.TierRule;

/**
 * Downgrades happen only on the membership anniversary, at most one tier down, when the points earned
 * in the rolling window are below the tier's threshold. A member is warned {@link #WARNING_DAYS} ahead.
 * An anniversary missed while the service was down is still evaluated within {@link #GRACE_DAYS}.
 */
@ApplicationScoped
public class EvaluateTiersService implements EvaluateTiersUseCase {

    public static final int WARNING_DAYS = 30;
    public static final int GRACE_DAYS = 7;

    private final AccountLedger ledger;
    private final TierEvaluations evaluations;

    public EvaluateTiersService(AccountLedger ledger, TierEvaluations evaluations) {
        this.ledger = ledger;
        this.evaluations = evaluations;
    }

    private LocalDate today() {
        return ledger.now().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    @Override
    public List<UUID> accountsWithAnniversaryDue(int limit) {
        LocalDate today = today();
        return evaluations.due(today.minusDays(GRACE_DAYS), today, TierEvaluations.Kind.EVALUATION, limit);
    }

    @Override
    @Transactional
    public boolean evaluate(UUID customerId) {
        LoyaltyAccount account = ledger.lockExisting(customerId);
        LocalDate today = today();
        Optional<LocalDate> anniversary = Anniversaries.between(account.openedAt(), today.minusDays(GRACE_DAYS), today);
        if (!account.isActive() || anniversary.isEmpty()
                || !evaluations.claim(customerId, anniversary.get(), TierEvaluations.Kind.EVALUATION, ledger.now())) {
            return false;
        }
        ledger.evaluateTier(ledger.expireDue(account), true);
        return true;
    }

    @Override
    public List<UUID> accountsToWarn(int limit) {
        LocalDate today = today();
        return evaluations.due(today.plusDays(1), today.plusDays(WARNING_DAYS), TierEvaluations.Kind.WARNING, limit);
    }

    @Override
    @Transactional
    public boolean warn(UUID customerId) {
        LoyaltyAccount account = ledger.lockExisting(customerId);
        LocalDate today = today();
        Optional<LocalDate> anniversary = Anniversaries.between(account.openedAt(), today.plusDays(1),
                today.plusDays(WARNING_DAYS));
        if (!account.isActive() || anniversary.isEmpty()) {
            return false;
        }
        Instant now = ledger.now();
        ProgramRules rules = ledger.programs().rulesAt(now);
        TierRule tier = rules.tier(account.tier());
        int rank = rules.rank(tier.name());
        long qualifying = ledger.totals(account, rules, now).qualifying();
        if (rank == 0 || qualifying >= tier.threshold()
                || !evaluations.claim(customerId, anniversary.get(), TierEvaluations.Kind.WARNING, now)) {
            return false;
        }
        ledger.events().tierDowngradeWarning(customerId, tier.name(), rules.tiers().get(rank - 1).name(),
                tier.threshold() - qualifying, anniversary.get(), now);
        return true;
    }
}
