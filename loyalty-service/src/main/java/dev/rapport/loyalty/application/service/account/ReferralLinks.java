package dev.rapport.loyalty.application.service.account;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.kernel.TimeOrderedIds;
import dev.rapport.loyalty.application.port.out.referral.ReferralRepository;
import dev.rapport.loyalty.domain.account.EntryType;
import dev.rapport.loyalty.domain.account.LoyaltyAccount;
import dev.rapport.loyalty.domain.account.ReferralCodes;
import dev.rapport.loyalty.domain.program.ProgramRules;
import dev.rapport.loyalty.domain.referral.Referral;
import dev.rapport.loyalty.domain.referral.ReferralStatus;
import dev.rapport.loyalty.domain.referral.RejectionReason;

/**
 * Referrals: a registration with a code links the referee to the advocate (or is rejected with a
 * typed reason, stored and published); the referee's first purchase completes it and both get their bonus.
 */
@ApplicationScoped
public class ReferralLinks {

    private final AccountLedger ledger;
    private final ReferralRepository referrals;

    public ReferralLinks(AccountLedger ledger, ReferralRepository referrals) {
        this.ledger = ledger;
        this.referrals = referrals;
    }

    /** {@code referee} is locked by the caller. */
    public void link(LoyaltyAccount referee, String rawCode) {
        Instant now = ledger.now();
        String code = ReferralCodes.normalise(rawCode);
        Optional<LoyaltyAccount> advocate = ledger.accounts().findByReferralCode(code);
        Optional<Referral> existing = referrals.activeForReferee(referee.customerId());
        if (existing.isPresent() && advocate.isPresent()
                && advocate.get().customerId().equals(existing.get().advocateId())) {
            return; // the same registration seen again
        }
        RejectionReason reason = rejection(referee, advocate, existing.isPresent(), now);
        Referral referral = new Referral(TimeOrderedIds.next(), referee.customerId(),
                advocate.map(LoyaltyAccount::customerId).orElse(null), code,
                reason == null ? ReferralStatus.PENDING : ReferralStatus.REJECTED, reason, now, null);
        referrals.insert(referral);
        if (reason != null) {
            ledger.events().referralRejected(referral.id(), referee.customerId(), reason.wireName(), now);
        } else if (referee.firstPurchaseAt() != null) {
            completeOnFirstPurchase(referee);
        }
    }

    private RejectionReason rejection(LoyaltyAccount referee, Optional<LoyaltyAccount> found, boolean alreadyReferred,
                                      Instant now) {
        if (found.isEmpty()) {
            return RejectionReason.UNKNOWN_CODE;
        }
        LoyaltyAccount advocate = found.get();
        if (advocate.customerId().equals(referee.customerId())
                || (referee.email() != null && Objects.equals(referee.email(), advocate.email()))
                || (referee.phone() != null && Objects.equals(referee.phone(), advocate.phone()))) {
            return RejectionReason.SELF_REFERRAL;
        }
        if (!advocate.isActive()) {
            return RejectionReason.CODE_EXPIRED;
        }
        if (alreadyReferred) {
            return RejectionReason.ALREADY_REFERRED;
        }
        ProgramRules rules = ledger.programs().rulesAt(now);
        if (referrals.countActiveForAdvocate(advocate.customerId()) >= rules.referralUsageLimit()) {
            return RejectionReason.USAGE_LIMIT_REACHED;
        }
        return null;
    }

    /** Those of {@code refereeIds} whose first purchase completes a referral ({@link #completeOnFirstPurchase}). */
    public Set<UUID> awaitingFirstPurchase(Collection<UUID> refereeIds) {
        return referrals.pendingForReferees(refereeIds);
    }

    /** On the referee's first purchase: both bonuses, referral-completed. Returns the referee after it. */
    public LoyaltyAccount completeOnFirstPurchase(LoyaltyAccount referee) {
        Optional<Referral> pending = referrals.activeForReferee(referee.customerId())
                .filter(r -> r.status() == ReferralStatus.PENDING);
        if (pending.isEmpty()) {
            return referee;
        }
        Referral referral = pending.get();
        Instant now = ledger.now();
        ProgramRules rules = ledger.programs().rulesAt(now);
        LoyaltyAccount updatedReferee = bonus(referee, rules.referralRefereeBonus(), referral, rules, now);
        LoyaltyAccount advocate = ledger.lockOrOpen(referral.advocateId());
        long advocateBonus = advocate.isActive() ? rules.referralAdvocateBonus() : 0;
        bonus(advocate, advocateBonus, referral, rules, now);
        referrals.update(referral.completed(now));
        ledger.events().referralCompleted(referral.id(), referral.advocateId(), referral.refereeId(), advocateBonus,
                rules.referralRefereeBonus(), now);
        return updatedReferee;
    }

    private LoyaltyAccount bonus(LoyaltyAccount account, long points, Referral referral, ProgramRules rules, Instant now) {
        if (points <= 0) {
            return account;
        }
        AccountLedger.Credited credited = ledger.credit(account, EntryType.REFERRAL_BONUS, points,
                "referral bonus", "referral", referral.id().toString(), null, now, now, rules.expiresAt(now), null, null);
        ledger.events().pointsEarned(credited.entry(), credited.lot(), null);
        return credited.account();
    }
}
